package dev.capstan.engine.diff;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The normalised comparison used when the API server cannot dry-run server-side apply, and for the
 * applier's no-change check: only fields the manifest sets count, so values the server defaulted
 * never show up as differences.
 */
public final class ObjectMerge {
  private ObjectMerge() {}

  /**
   * What the live object would look like with the desired fields applied on top: maps merge, lists
   * of equal length merge element by element, anything else is replaced; equivalent scalars keep the
   * live form so {@code "1"} over {@code 1} is no change.
   */
  @SuppressWarnings("unchecked")
  public static Object overlay(Object live, Object desired) {
    if (desired instanceof Map<?, ?> d && live instanceof Map<?, ?> l) {
      Map<String, Object> out = new LinkedHashMap<>((Map<String, Object>) l);
      d.forEach((k, v) -> out.put(String.valueOf(k), overlay(l.get(k), v)));
      return out;
    }
    if (desired instanceof List<?> d && live instanceof List<?> l && d.size() == l.size()) {
      List<Object> out = new ArrayList<>(d.size());
      for (int i = 0; i < d.size(); i++) {
        out.add(overlay(l.get(i), d.get(i)));
      }
      return out;
    }
    if (live != null && desired != null && !(desired instanceof Map) && !(desired instanceof List)
        && Scalars.equivalent(live, desired)) {
      return live;
    }
    return desired;
  }
}
