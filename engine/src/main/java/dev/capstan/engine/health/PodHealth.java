package dev.capstan.engine.health;

import dev.capstan.engine.resource.Maps;
import java.util.Map;
import java.util.Set;

/** A Pod is healthy when ready (or succeeded); image and crash-loop errors are degraded. */
final class PodHealth implements HealthCheck {
  private static final Set<String> BROKEN = Set.of(
      "ImagePullBackOff", "ErrImagePull", "CrashLoopBackOff", "CreateContainerConfigError", "InvalidImageName");

  @Override
  public Health check(Map<String, Object> live) {
    String name = Conditions.name(live);
    String phase = Maps.string(live, "status", "phase");
    if ("Succeeded".equals(phase)) {
      return Health.healthy();
    }
    if ("Failed".equals(phase)) {
      return Health.degraded(name + ": failed: " + Maps.string(live, "status", "message"));
    }
    for (Map<String, Object> container : Maps.list(live, "status", "containerStatuses")) {
      String reason = Maps.string(container, "state", "waiting", "reason");
      if (reason != null && BROKEN.contains(reason)) {
        return Health.degraded(name + ": container " + container.get("name") + " has " + reason);
      }
    }
    if (Conditions.isTrue(live, "Ready")) {
      return Health.healthy();
    }
    return Health.progressing(name + ": not ready" + (phase == null ? "" : " (" + phase + ")"));
  }
}
