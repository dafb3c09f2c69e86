package dev.capstan.engine.health;

import dev.capstan.engine.resource.Maps;
import java.util.Map;
import java.util.Optional;

/** Reads {@code status.conditions} entries by type, as the Kubernetes API conventions define them. */
final class Conditions {
  private Conditions() {}

  static Optional<Map<String, Object>> find(Map<String, Object> live, String type) {
    return Maps.list(live, "status", "conditions").stream()
        .filter(c -> type.equals(c.get("type")))
        .findFirst();
  }

  static boolean isTrue(Map<String, Object> live, String type) {
    return find(live, type).map(c -> "True".equals(c.get("status"))).orElse(false);
  }

  static boolean isFalse(Map<String, Object> live, String type) {
    return find(live, type).map(c -> "False".equals(c.get("status"))).orElse(false);
  }

  static String message(Map<String, Object> condition) {
    Object message = condition.get("message");
    Object reason = condition.get("reason");
    return message != null ? String.valueOf(message) : reason == null ? "" : String.valueOf(reason);
  }

  /** True when the controller has not yet seen the latest spec. */
  static boolean generationPending(Map<String, Object> live) {
    long generation = Maps.number(live, 0, "metadata", "generation");
    long observed = Maps.number(live, -1, "status", "observedGeneration");
    return observed >= 0 ? observed < generation : false;
  }

  static String name(Map<String, Object> live) {
    return Maps.string(live, "kind") + " " + Maps.string(live, "metadata", "name");
  }
}
