package dev.capstan.chart.gotemplate.sprig;

import dev.capstan.chart.gotemplate.GoFunc;
import dev.capstan.chart.gotemplate.GoFunction;
import dev.capstan.chart.gotemplate.GoType;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Collects one family's functions under their template names, as a Go FuncMap literal does. */
final class FuncTable {
  private final Map<String, GoFunc> funcs = new TreeMap<>();

  FuncTable fn(String name, List<GoType> params, GoFunction body) {
    return put(GoFunc.of(name, params, body));
  }

  FuncTable variadic(String name, List<GoType> params, GoType rest, GoFunction body) {
    return put(GoFunc.variadic(name, params, rest, body));
  }

  /** A second name for the same Go function ({@code tuple} for {@code list}). */
  FuncTable alias(String name, String of) {
    GoFunc f = funcs.get(of);
    return put(new GoFunc(name, f.params(), f.variadic(), f.body()));
  }

  FuncTable put(GoFunc f) {
    if (funcs.putIfAbsent(f.name(), f) != null) {
      throw new IllegalStateException("function registered twice: " + f.name());
    }
    return this;
  }

  Map<String, GoFunc> asMap() {
    return funcs;
  }
}
