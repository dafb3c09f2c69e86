package dev.capstan.engine.health;

import java.util.Map;

/** A CRD is healthy once established, so custom resources of its kind can be applied. */
final class CustomResourceDefinitionHealth implements HealthCheck {
  @Override
  public Health check(Map<String, Object> live) {
    var names = Conditions.find(live, "NamesAccepted");
    if (names.isPresent() && "False".equals(names.get().get("status"))) {
      return Health.degraded(Conditions.name(live) + ": names not accepted: " + Conditions.message(names.get()));
    }
    if (Conditions.isTrue(live, "Established")) {
      return Health.healthy();
    }
    return Health.progressing(Conditions.name(live) + ": not established yet");
  }
}
