package dev.capstan.engine.diff;

import dev.capstan.engine.resource.Maps;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Replaces Secret values with placeholders before anything is printed. Keys stay visible; a changed
 * value shows as a changed placeholder, so a reader learns <em>that</em> a key changed, never to what.
 */
final class SecretMasker {
  static final String SAME = "*** (masked)";
  static final String BEFORE = "*** (masked, before)";
  static final String AFTER = "*** (masked, after)";

  private SecretMasker() {}

  /** Masks both sides in place; either may be null (added or pruned Secret). */
  static void mask(Map<String, Object> live, Map<String, Object> desired) {
    Map<String, Object> liveData = data(live);
    Map<String, Object> desiredData = data(desired);
    Set<String> keys = new LinkedHashSet<>();
    if (liveData != null) {
      keys.addAll(liveData.keySet());
    }
    if (desiredData != null) {
      keys.addAll(desiredData.keySet());
    }
    for (String key : keys) {
      boolean same = liveData != null && desiredData != null
          && liveData.containsKey(key) && desiredData.containsKey(key)
          && Objects.equals(liveData.get(key), desiredData.get(key));
      if (liveData != null && liveData.containsKey(key)) {
        liveData.put(key, same ? SAME : BEFORE);
      }
      if (desiredData != null && desiredData.containsKey(key)) {
        desiredData.put(key, same ? SAME : AFTER);
      }
    }
  }

  static boolean isSecret(Map<String, Object> object) {
    return object != null && "Secret".equals(object.get("kind")) && "v1".equals(object.get("apiVersion"));
  }

  private static Map<String, Object> data(Map<String, Object> object) {
    if (!isSecret(object)) {
      return null;
    }
    return object.get("data") instanceof Map ? Maps.childForWrite(object, "data") : null;
  }
}
