package dev.capstan.engine.resource;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Navigation and deep copies of the plain {@code Map}/{@code List} trees objects are kept as. */
public final class Maps {
  private Maps() {}

  /** The map under {@code key}, or an empty map when it is absent or not a map. */
  @SuppressWarnings("unchecked")
  public static Map<String, Object> child(Map<String, Object> map, String key) {
    Object value = map == null ? null : map.get(key);
    return value instanceof Map ? (Map<String, Object>) value : Map.of();
  }

  /** Follows a path of map keys; null when any step is missing. */
  @SuppressWarnings("unchecked")
  public static Object get(Map<String, Object> map, String... path) {
    Object current = map;
    for (String key : path) {
      if (!(current instanceof Map)) {
        return null;
      }
      current = ((Map<String, Object>) current).get(key);
    }
    return current;
  }

  public static String string(Map<String, Object> map, String... path) {
    Object value = get(map, path);
    return value == null ? null : String.valueOf(value);
  }

  /** A number at the path as a long, or {@code fallback} when absent or not numeric. */
  public static long number(Map<String, Object> map, long fallback, String... path) {
    Object value = get(map, path);
    if (value instanceof Number n) {
      return n.longValue();
    }
    if (value instanceof String s) {
      try {
        return Long.parseLong(s);
      } catch (NumberFormatException e) {
        return fallback;
      }
    }
    return fallback;
  }

  @SuppressWarnings("unchecked")
  public static List<Map<String, Object>> list(Map<String, Object> map, String... path) {
    Object value = get(map, path);
    if (!(value instanceof List<?> items)) {
      return List.of();
    }
    List<Map<String, Object>> maps = new ArrayList<>();
    for (Object item : items) {
      if (item instanceof Map) {
        maps.add((Map<String, Object>) item);
      }
    }
    return maps;
  }

  /** A mutable deep copy, so normalisation never changes the caller's object. */
  @SuppressWarnings("unchecked")
  public static Map<String, Object> deepCopy(Map<String, Object> map) {
    return (Map<String, Object>) copy(map);
  }

  @SuppressWarnings("unchecked")
  private static Object copy(Object value) {
    if (value instanceof Map<?, ?> m) {
      Map<String, Object> out = new LinkedHashMap<>();
      m.forEach((k, v) -> out.put(String.valueOf(k), copy(v)));
      return out;
    }
    if (value instanceof List<?> l) {
      List<Object> out = new ArrayList<>(l.size());
      l.forEach(v -> out.add(copy(v)));
      return out;
    }
    return value;
  }

  /** Returns the map at {@code key}, creating (and storing) an empty one when absent. */
  @SuppressWarnings("unchecked")
  public static Map<String, Object> childForWrite(Map<String, Object> map, String key) {
    Object value = map.get(key);
    if (value instanceof Map) {
      return (Map<String, Object>) value;
    }
    Map<String, Object> created = new LinkedHashMap<>();
    map.put(key, created);
    return created;
  }
}
