package dev.capstan.engine.health;

import dev.capstan.engine.resource.ObjectRef;

/** One object a wait is still waiting for, and why. */
public record Holdup(ObjectRef ref, Health health) {
  @Override
  public String toString() {
    return health.message().isEmpty() ? ref + ": " + health.status().label() : health.message();
  }
}
