package dev.capstan.engine.health;

import java.util.Map;

/** Health rules for one kind, applied to the live object as a map. */
interface HealthCheck {
  Health check(Map<String, Object> live);
}
