package dev.capstan.chart.template;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Deep copies of values with every map a {@link TreeMap}: templates iterate maps in sorted key
 * order as Helm's {@code range} does, and {@code toYaml}/{@code toJson} print keys sorted as Go
 * does, whatever order a values file used.
 */
public final class SortedValues {
  private SortedValues() {}

  public static Object sort(Object value) {
    if (value instanceof Map<?, ?> map) {
      TreeMap<String, Object> out = new TreeMap<>();
      map.forEach((k, v) -> out.put(String.valueOf(k), sort(v)));
      return out;
    }
    if (value instanceof List<?> list) {
      List<Object> out = new ArrayList<>(list.size());
      list.forEach(v -> out.add(sort(v)));
      return out;
    }
    return value;
  }

  @SuppressWarnings("unchecked")
  public static Map<String, Object> sortMap(Map<String, Object> map) {
    return (Map<String, Object>) sort(map);
  }
}
