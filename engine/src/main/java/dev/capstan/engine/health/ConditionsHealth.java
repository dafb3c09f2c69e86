package dev.capstan.engine.health;

import java.util.Map;

/**
 * Any other kind, by the Kubernetes condition convention: a current observedGeneration,
 * {@code Stalled} not true, {@code Ready} or {@code Available} true when present. Objects without
 * conditions are healthy once they exist.
 */
final class ConditionsHealth implements HealthCheck {
  @Override
  public Health check(Map<String, Object> live) {
    String name = Conditions.name(live);
    if (Conditions.generationPending(live)) {
      return Health.progressing(name + ": waiting for the controller to observe the new spec");
    }
    var stalled = Conditions.find(live, "Stalled");
    if (stalled.isPresent() && "True".equals(stalled.get().get("status"))) {
      return Health.degraded(name + ": stalled: " + Conditions.message(stalled.get()));
    }
    for (String type : new String[] {"Ready", "Available"}) {
      var condition = Conditions.find(live, type);
      if (condition.isPresent() && !"True".equals(condition.get().get("status"))) {
        return Health.progressing(name + ": " + type + " is " + condition.get().get("status")
            + (Conditions.message(condition.get()).isEmpty() ? "" : ": " + Conditions.message(condition.get())));
      }
    }
    return Health.healthy();
  }
}
