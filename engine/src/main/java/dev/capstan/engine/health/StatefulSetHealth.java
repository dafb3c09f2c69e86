package dev.capstan.engine.health;

import dev.capstan.engine.resource.Maps;
import java.util.Map;

/** A StatefulSet is healthy when every replica is ready and runs the update revision. */
final class StatefulSetHealth implements HealthCheck {
  @Override
  public Health check(Map<String, Object> live) {
    String name = Conditions.name(live);
    if (Maps.get(live, "status", "observedGeneration") == null || Conditions.generationPending(live)) {
      return Health.progressing(name + ": waiting for the controller to observe the new spec");
    }
    long wanted = Maps.number(live, 1, "spec", "replicas");
    long ready = Maps.number(live, 0, "status", "readyReplicas");
    if (ready < wanted) {
      return Health.progressing(name + ": " + ready + "/" + wanted + " replicas ready");
    }
    if ("OnDelete".equals(Maps.string(live, "spec", "updateStrategy", "type"))) {
      return Health.healthy();
    }
    long partition = Maps.number(live, 0, "spec", "updateStrategy", "rollingUpdate", "partition");
    long updated = Maps.number(live, 0, "status", "updatedReplicas");
    if (updated < wanted - partition) {
      return Health.progressing(name + ": " + updated + "/" + (wanted - partition) + " replicas updated");
    }
    String current = Maps.string(live, "status", "currentRevision");
    String update = Maps.string(live, "status", "updateRevision");
    if (partition == 0 && update != null && !update.equals(current)) {
      return Health.progressing(name + ": rolling out revision " + update);
    }
    return Health.healthy();
  }
}
