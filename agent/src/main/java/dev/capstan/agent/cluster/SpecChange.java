package dev.capstan.agent.cluster;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import java.util.Map;
import java.util.Objects;

/**
 * Whether an update changed what a user manages (spec, data, labels, annotations) rather than what
 * the cluster reports (status, resourceVersion, managedFields). Kinds with a generation bump it on
 * every spec change; kinds without one (ConfigMaps, Secrets) are compared field by field.
 */
final class SpecChange {
  private SpecChange() {}

  static boolean between(GenericKubernetesResource old, GenericKubernetesResource now) {
    ObjectMeta a = old.getMetadata();
    ObjectMeta b = now.getMetadata();
    if (a == null || b == null) {
      return true;
    }
    if (!Objects.equals(a.getLabels(), b.getLabels()) || !Objects.equals(a.getAnnotations(), b.getAnnotations())) {
      return true;
    }
    if (b.getGeneration() != null && b.getGeneration() > 0) {
      return !Objects.equals(a.getGeneration(), b.getGeneration());
    }
    return !Objects.equals(withoutStatus(old.getAdditionalProperties()), withoutStatus(now.getAdditionalProperties()));
  }

  private static Map<String, Object> withoutStatus(Map<String, Object> fields) {
    Map<String, Object> copy = new java.util.HashMap<>(fields);
    copy.remove("status");
    return copy;
  }
}
