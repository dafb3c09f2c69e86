package dev.capstan.chart.template;

import java.util.Collection;
import java.util.Map;

/**
 * Go template truth, which Helm charts rely on everywhere ({@code if values.annotations}): false,
 * null, zero, the empty string and empty maps and lists are false; everything else is true.
 * Pebble's own {@code if}, {@code and}, {@code or} and {@code not} accept only booleans, strings
 * and numbers (and read the string "yes" as false), so Capstan replaces them with this.
 */
final class Truth {
  private Truth() {}

  static boolean of(Object value) {
    if (value == null) {
      return false;
    }
    if (value instanceof Boolean b) {
      return b;
    }
    if (value instanceof Number n) {
      return n.doubleValue() != 0;
    }
    if (value instanceof CharSequence s) {
      return s.length() > 0;
    }
    if (value instanceof Map<?, ?> m) {
      return !m.isEmpty();
    }
    if (value instanceof Collection<?> c) {
      return !c.isEmpty();
    }
    return true;
  }
}
