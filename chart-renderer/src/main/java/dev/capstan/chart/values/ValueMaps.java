package dev.capstan.chart.values;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Map and number plumbing shared by the values classes: copies, merges, JSON trees. */
final class ValueMaps {
  static final JsonMapper JSON = JsonMapper.builder().build();
  /** Doubles at or past this magnitude do not fit a long. */
  private static final double LONG_LIMIT = 0x1p63;

  private ValueMaps() {}

  /**
   * Helm's {@code mergeMaps} for {@code -f} files: keys of {@code over} replace those of
   * {@code base}, except that two maps merge recursively. Lists are replaced, {@code null}s kept.
   */
  static Map<String, Object> merge(Map<String, Object> base, Map<String, Object> over) {
    Map<String, Object> out = new LinkedHashMap<>(base);
    for (Map.Entry<String, Object> e : over.entrySet()) {
      Object mine = out.get(e.getKey());
      if (e.getValue() instanceof Map<?, ?> theirs && mine instanceof Map<?, ?> ours) {
        out.put(e.getKey(), merge(cast(ours), cast(theirs)));
      } else {
        out.put(e.getKey(), e.getValue());
      }
    }
    return out;
  }

  /** A deep copy with fresh mutable maps and lists, so callers never alias a chart's defaults. */
  static Map<String, Object> deepCopy(Map<String, Object> map) {
    Map<String, Object> out = new LinkedHashMap<>();
    if (map != null) {
      map.forEach((k, v) -> out.put(k, deepCopyValue(v)));
    }
    return out;
  }

  static Object deepCopyValue(Object value) {
    if (value instanceof Map<?, ?> m) {
      return deepCopy(cast(m));
    }
    if (value instanceof List<?> l) {
      List<Object> out = new ArrayList<>(l.size());
      l.forEach(v -> out.add(deepCopyValue(v)));
      return out;
    }
    return value;
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> cast(Map<?, ?> map) {
    return (Map<String, Object>) map;
  }

  /**
   * Converts a Jackson tree to plain maps, lists, strings, booleans, Longs and Doubles.
   *
   * @throws ArithmeticException for a number too large for a double
   */
  static Object fromTree(JsonNode node) {
    if (node == null || node.isNull() || node.isMissingNode()) {
      return null;
    }
    if (node.isObject()) {
      Map<String, Object> out = new LinkedHashMap<>();
      node.properties().forEach(e -> out.put(e.getKey(), fromTree(e.getValue())));
      return out;
    }
    if (node.isArray()) {
      List<Object> out = new ArrayList<>(node.size());
      node.forEach(v -> out.add(fromTree(v)));
      return out;
    }
    if (node.isNumber()) {
      double d = node.doubleValue();
      if (Double.isInfinite(d)) {
        // Go's JSON decoder refuses a number no float64 can hold (1e400); it does not round it.
        throw new ArithmeticException("number out of range: " + node.asText());
      }
      return number(d);
    }
    if (node.isBoolean()) {
      return node.booleanValue();
    }
    return node.asText();
  }

  /**
   * Helm reads every YAML and JSON number as a float64; one with an integral value prints as an
   * integer, so it is a Long here, and only true fractions (or huge values) stay Doubles.
   */
  static Object number(double d) {
    boolean negativeZero = d == 0 && 1 / d < 0;
    if (!negativeZero && d == Math.rint(d) && Math.abs(d) < LONG_LIMIT) {
      return (long) d;
    }
    return d;
  }

  /** A value's type in words, for error messages. */
  static String describe(Object value) {
    if (value == null) {
      return "null";
    }
    if (value instanceof Map<?, ?>) {
      return "a map";
    }
    if (value instanceof List<?>) {
      return "a list";
    }
    if (value instanceof String) {
      return "a string";
    }
    if (value instanceof Boolean) {
      return "a boolean";
    }
    return "a number";
  }
}
