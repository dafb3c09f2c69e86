package dev.capstan.chart.gochart;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Values as Go templates see them in Helm. Capstan's values keep an integral number as a Long
 * whether it came from YAML or from {@code --set}; Helm has a float64 for the first (every YAML and
 * JSON number goes through JSON) and an int64 for the second, and templates can tell them apart
 * ({@code 1000000} prints {@code 1e+06} from YAML, {@code 1000000} from {@code --set}; {@code eq}
 * of an int64 and an int is true, of a float64 and an int false). So every Long becomes a Double
 * except where the {@code --set} flags alone put that very Long.
 */
final class GoNumbers {
  private GoNumbers() {}

  /**
   * A copy of {@code values} in Go's model; {@code setShadow} is what the {@code --set} flags alone
   * produce, at the same place in the tree (null where they set nothing).
   */
  static Object convert(Object value, Object setShadow) {
    if (value instanceof Long l) {
      return setShadow instanceof Long s && s.equals(l) ? l : (Object) l.doubleValue();
    }
    if (value instanceof Map<?, ?> map) {
      Map<?, ?> shadow = setShadow instanceof Map<?, ?> m ? m : Map.of();
      Map<String, Object> out = new LinkedHashMap<>();
      map.forEach((k, v) -> out.put(String.valueOf(k), convert(v, shadow.get(k))));
      return out;
    }
    if (value instanceof List<?> list) {
      List<?> shadow = setShadow instanceof List<?> l ? l : List.of();
      List<Object> out = new ArrayList<>(list.size());
      for (int i = 0; i < list.size(); i++) {
        out.add(convert(list.get(i), i < shadow.size() ? shadow.get(i) : null));
      }
      return out;
    }
    return value;
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> convertMap(Map<String, Object> values, Object setShadow) {
    return (Map<String, Object>) convert(values, setShadow);
  }

  /** The shadow of a dependency's values: its own key, and {@code global}, which Helm copies down. */
  static Object scoped(Object setShadow, String scopeName) {
    if (!(setShadow instanceof Map<?, ?> map)) {
      return null;
    }
    Map<String, Object> out = new LinkedHashMap<>();
    if (map.get(scopeName) instanceof Map<?, ?> own) {
      own.forEach((k, v) -> out.put(String.valueOf(k), v));
    }
    if (map.get("global") != null) {
      out.put("global", map.get("global"));
    }
    return out;
  }
}
