package dev.capstan.engine.health;

import dev.capstan.engine.resource.Maps;
import java.util.Map;

/** A Job is healthy once complete and degraded once failed; anything else is still running. */
final class JobHealth implements HealthCheck {
  @Override
  public Health check(Map<String, Object> live) {
    String name = Conditions.name(live);
    var failed = Conditions.find(live, "Failed");
    if (failed.isPresent() && "True".equals(failed.get().get("status"))) {
      return Health.degraded(name + ": failed: " + Conditions.message(failed.get()));
    }
    if (Conditions.isTrue(live, "Complete")) {
      return Health.healthy();
    }
    if (Boolean.TRUE.equals(Maps.get(live, "spec", "suspend"))) {
      return Health.suspended(name + ": suspended");
    }
    long active = Maps.number(live, 0, "status", "active");
    long succeeded = Maps.number(live, 0, "status", "succeeded");
    long completions = Maps.number(live, 1, "spec", "completions");
    return Health.progressing(name + ": " + succeeded + "/" + completions + " completions, " + active + " running");
  }
}
