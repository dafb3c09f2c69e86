package dev.capstan.engine.diff;

import com.fasterxml.jackson.core.JsonPointer;
import dev.capstan.engine.resource.Maps;
import dev.capstan.engine.resource.ObjectRef;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * Removes what the server owns before two objects are compared: {@code status}, managed fields,
 * resource version, uid, generation, timestamps, bookkeeping annotations, plus the fields the
 * release's ignore rules name. Secrets have {@code stringData} folded into {@code data}, as the API
 * server does on write.
 */
final class Normalizer {
  private static final List<String> SERVER_METADATA = List.of(
      "managedFields", "resourceVersion", "uid", "generation", "creationTimestamp", "selfLink",
      "deletionTimestamp", "deletionGracePeriodSeconds");
  private static final List<String> SERVER_ANNOTATIONS = List.of(
      "kubectl.kubernetes.io/last-applied-configuration", "deployment.kubernetes.io/revision");

  private final List<IgnoreRule> rules;

  Normalizer(List<IgnoreRule> rules) {
    this.rules = List.copyOf(rules);
  }

  Map<String, Object> normalize(Map<String, Object> object) {
    Map<String, Object> copy = Maps.deepCopy(object);
    copy.remove("status");
    Map<String, Object> metadata = Maps.childForWrite(copy, "metadata");
    SERVER_METADATA.forEach(metadata::remove);
    Map<String, Object> annotations = Maps.childForWrite(metadata, "annotations");
    SERVER_ANNOTATIONS.forEach(annotations::remove);
    if (annotations.isEmpty()) {
      metadata.remove("annotations");
    }
    if (Maps.child(metadata, "labels").isEmpty()) {
      metadata.remove("labels");
    }
    if ("Secret".equals(copy.get("kind")) && "v1".equals(copy.get("apiVersion"))) {
      foldStringData(copy);
    }
    ObjectRef ref = ObjectRef.of(copy);
    for (IgnoreRule rule : rules) {
      if (rule.appliesTo(ref)) {
        remove(copy, rule.pointer());
      }
    }
    return copy;
  }

  private static void foldStringData(Map<String, Object> secret) {
    Object stringData = secret.remove("stringData");
    if (stringData instanceof Map<?, ?> plain && !plain.isEmpty()) {
      Map<String, Object> data = Maps.childForWrite(secret, "data");
      plain.forEach((k, v) -> data.put(String.valueOf(k),
          Base64.getEncoder().encodeToString(String.valueOf(v).getBytes(StandardCharsets.UTF_8))));
    }
  }

  @SuppressWarnings("unchecked")
  private static void remove(Object node, JsonPointer pointer) {
    if (pointer.matches() || node == null) {
      return;
    }
    JsonPointer tail = pointer.tail();
    boolean last = tail.matches();
    if (node instanceof Map<?, ?> map) {
      String key = pointer.getMatchingProperty();
      if (last) {
        ((Map<String, Object>) map).remove(key);
      } else {
        remove(map.get(key), tail);
      }
    } else if (node instanceof List<?> list && pointer.getMatchingIndex() >= 0 && pointer.getMatchingIndex() < list.size()) {
      if (last) {
        ((List<Object>) list).remove(pointer.getMatchingIndex());
      } else {
        remove(list.get(pointer.getMatchingIndex()), tail);
      }
    }
  }
}
