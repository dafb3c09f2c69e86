package dev.capstan.chart.gotemplate.sprig;

import static dev.capstan.chart.gotemplate.GoType.ANY;
import static dev.capstan.chart.gotemplate.GoType.BOOL;

import java.util.List;

/** Sprig's defaults.go without JSON: default, empty, coalesce, all, any, ternary. */
final class DefaultFuncs {
  private DefaultFuncs() {}

  static void register(FuncTable t) {
    t.variadic(
        "default",
        List.of(ANY),
        ANY,
        a -> a.size() < 2 || GoReflect.empty(a.get(1)) ? a.get(0) : a.get(1));
    t.fn("empty", List.of(ANY), a -> GoReflect.empty(a.get(0)));
    t.variadic("coalesce", List.of(), ANY, DefaultFuncs::coalesce);
    t.variadic("all", List.of(), ANY, a -> a.stream().noneMatch(GoReflect::empty));
    t.variadic("any", List.of(), ANY, a -> !a.stream().allMatch(GoReflect::empty));
    t.fn("ternary", List.of(ANY, ANY, BOOL), a -> (Boolean) a.get(2) ? a.get(0) : a.get(1));
  }

  private static Object coalesce(List<Object> values) {
    for (Object v : values) {
      if (!GoReflect.empty(v)) {
        return v;
      }
    }
    return null;
  }
}
