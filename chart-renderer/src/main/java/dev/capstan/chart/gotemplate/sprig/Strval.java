package dev.capstan.chart.gotemplate.sprig;

import dev.capstan.chart.gotemplate.GoFmt;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Sprig's {@code strval} and {@code strslice}: how a value becomes a string or a []string. */
final class Strval {
  private Strval() {}

  /** A string as is, bytes as text, anything else as {@code fmt.Sprintf("%v", v)}. */
  static String of(Object v) {
    if (v instanceof String s) {
      return s;
    } else if (v instanceof byte[] b) {
      return new String(b, StandardCharsets.UTF_8);
    }
    return GoFmt.sprint(v);
  }

  /** Sprig's {@code strslice}: a slice's non-nil elements as strings; nil is empty; else [v]. */
  static List<Object> slice(Object v) {
    if (GoReflect.isSlice(v)) {
      List<Object> out = new ArrayList<>();
      for (Object e : GoReflect.elements(v)) {
        if (e != null) {
          out.add(of(e));
        }
      }
      return out;
    } else if (v == null) {
      return new ArrayList<>();
    }
    List<Object> out = new ArrayList<>();
    out.add(of(v));
    return out;
  }
}
