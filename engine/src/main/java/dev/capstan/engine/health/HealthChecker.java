package dev.capstan.engine.health;

import dev.capstan.engine.resource.ObjectRef;
import java.util.Map;

/** Picks the health rules for an object's kind and applies them; one verb: {@link #check}. */
public final class HealthChecker {
  private static final Map<String, HealthCheck> BY_GROUP_KIND = Map.of(
      "apps/Deployment", new DeploymentHealth(),
      "apps/StatefulSet", new StatefulSetHealth(),
      "apps/DaemonSet", new DaemonSetHealth(),
      "apps/ReplicaSet", new ReplicaSetHealth(),
      "batch/Job", new JobHealth(),
      "/Pod", new PodHealth(),
      "/PersistentVolumeClaim", new PersistentVolumeClaimHealth(),
      "/Service", new ServiceHealth(),
      "apiextensions.k8s.io/CustomResourceDefinition", new CustomResourceDefinitionHealth());
  private static final HealthCheck GENERIC = new ConditionsHealth();

  /** The health of a live object; null (absent) is {@link HealthStatus#MISSING}. */
  public Health check(Map<String, Object> live) {
    if (live == null) {
      return Health.missing();
    }
    ObjectRef ref = ObjectRef.of(live);
    return BY_GROUP_KIND.getOrDefault(ref.group() + "/" + ref.kind(), GENERIC).check(live);
  }
}
