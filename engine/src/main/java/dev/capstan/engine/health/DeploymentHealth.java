package dev.capstan.engine.health;

import dev.capstan.engine.resource.Maps;
import java.util.Map;

/**
 * A Deployment is healthy once its controller observed the latest spec, every replica runs the new
 * template, and at least {@code replicas - maxUnavailable} are available (Helm's readiness rule).
 * An exceeded progress deadline is degraded.
 */
final class DeploymentHealth implements HealthCheck {
  @Override
  public Health check(Map<String, Object> live) {
    String name = Conditions.name(live);
    if (Boolean.TRUE.equals(Maps.get(live, "spec", "paused"))) {
      return Health.suspended(name + ": rollout paused");
    }
    var progressing = Conditions.find(live, "Progressing");
    if (progressing.isPresent() && "ProgressDeadlineExceeded".equals(progressing.get().get("reason"))) {
      return Health.degraded(name + ": " + Conditions.message(progressing.get()));
    }
    if (Maps.get(live, "status", "observedGeneration") == null
        || Conditions.generationPending(live)) {
      return Health.progressing(name + ": waiting for the controller to observe the new spec");
    }
    long wanted = Maps.number(live, 1, "spec", "replicas");
    long updated = Maps.number(live, 0, "status", "updatedReplicas");
    long total = Maps.number(live, 0, "status", "replicas");
    long available = Maps.number(live, 0, "status", "availableReplicas");
    if (updated < wanted) {
      return Health.progressing(name + ": " + updated + "/" + wanted + " replicas updated");
    }
    if (total > updated) {
      return Health.progressing(name + ": " + (total - updated) + " old replicas pending termination");
    }
    long needed = wanted - MaxUnavailable.resolve(Maps.get(live, "spec", "strategy", "rollingUpdate", "maxUnavailable"), wanted, Maps.string(live, "spec", "strategy", "type"));
    if (available < needed) {
      return Health.progressing(name + ": " + available + "/" + wanted + " replicas available");
    }
    return Health.healthy();
  }
}
