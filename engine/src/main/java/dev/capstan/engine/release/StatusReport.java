package dev.capstan.engine.release;

import dev.capstan.engine.health.HealthStatus;
import dev.capstan.engine.history.ReleaseRevision;
import java.util.List;

/** The latest revision of a release and the live health of the objects it deployed. */
public record StatusReport(ReleaseRevision revision, List<ObjectStatus> objects) {
  public StatusReport {
    objects = List.copyOf(objects);
  }

  /** The worst health of any object; healthy for an empty release. */
  public HealthStatus overall() {
    HealthStatus worst = HealthStatus.HEALTHY;
    for (ObjectStatus object : objects) {
      if (object.health().status().isWorseThan(worst)) {
        worst = object.health().status();
      }
    }
    return worst;
  }
}
