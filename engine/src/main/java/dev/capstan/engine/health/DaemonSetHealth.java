package dev.capstan.engine.health;

import dev.capstan.engine.resource.Maps;
import java.util.Map;

/** A DaemonSet is healthy when every scheduled pod is updated and available. */
final class DaemonSetHealth implements HealthCheck {
  @Override
  public Health check(Map<String, Object> live) {
    String name = Conditions.name(live);
    if (Maps.get(live, "status", "observedGeneration") == null || Conditions.generationPending(live)) {
      return Health.progressing(name + ": waiting for the controller to observe the new spec");
    }
    if ("OnDelete".equals(Maps.string(live, "spec", "updateStrategy", "type"))) {
      return Health.healthy();
    }
    long desired = Maps.number(live, 0, "status", "desiredNumberScheduled");
    long updated = Maps.number(live, 0, "status", "updatedNumberScheduled");
    long available = Maps.number(live, 0, "status", "numberAvailable");
    if (updated < desired) {
      return Health.progressing(name + ": " + updated + "/" + desired + " pods updated");
    }
    if (available < desired) {
      return Health.progressing(name + ": " + available + "/" + desired + " pods available");
    }
    return Health.healthy();
  }
}
