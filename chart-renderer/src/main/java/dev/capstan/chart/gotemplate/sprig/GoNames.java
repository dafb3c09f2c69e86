package dev.capstan.chart.gotemplate.sprig;

import dev.capstan.chart.gotemplate.GoValues;

/** Go type names as Go's runtime panics print them ({@code nil} for a nil interface). */
final class GoNames {
  private GoNames() {}

  static String typeName(Object v) {
    return v == null ? "nil" : GoValues.typeName(v);
  }
}
