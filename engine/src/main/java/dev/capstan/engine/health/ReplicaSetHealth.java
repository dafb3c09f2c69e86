package dev.capstan.engine.health;

import dev.capstan.engine.resource.Maps;
import java.util.Map;

/** A ReplicaSet is healthy when all its replicas are available. */
final class ReplicaSetHealth implements HealthCheck {
  @Override
  public Health check(Map<String, Object> live) {
    String name = Conditions.name(live);
    if (Maps.get(live, "status", "observedGeneration") == null || Conditions.generationPending(live)) {
      return Health.progressing(name + ": waiting for the controller to observe the new spec");
    }
    var failure = Conditions.find(live, "ReplicaFailure");
    if (failure.isPresent() && "True".equals(failure.get().get("status"))) {
      return Health.degraded(name + ": " + Conditions.message(failure.get()));
    }
    long wanted = Maps.number(live, 1, "spec", "replicas");
    long available = Maps.number(live, 0, "status", "availableReplicas");
    if (available < wanted) {
      return Health.progressing(name + ": " + available + "/" + wanted + " replicas available");
    }
    return Health.healthy();
  }
}
