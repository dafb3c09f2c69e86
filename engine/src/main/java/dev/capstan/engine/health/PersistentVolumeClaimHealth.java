package dev.capstan.engine.health;

import dev.capstan.engine.resource.Maps;
import java.util.Map;

/** A PersistentVolumeClaim is healthy once bound; a lost volume is degraded. */
final class PersistentVolumeClaimHealth implements HealthCheck {
  @Override
  public Health check(Map<String, Object> live) {
    String phase = Maps.string(live, "status", "phase");
    if ("Bound".equals(phase)) {
      return Health.healthy();
    }
    if ("Lost".equals(phase)) {
      return Health.degraded(Conditions.name(live) + ": volume lost");
    }
    return Health.progressing(Conditions.name(live) + ": " + (phase == null ? "Pending" : phase));
  }
}
