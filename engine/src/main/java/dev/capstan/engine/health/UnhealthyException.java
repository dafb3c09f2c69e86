package dev.capstan.engine.health;

import dev.capstan.engine.resource.ObjectException;
import dev.capstan.engine.resource.ObjectRef;

/** An object became degraded (failed Job, exceeded progress deadline, crash loop) while waiting. */
public class UnhealthyException extends ObjectException {
  private final Health health;

  public UnhealthyException(ObjectRef ref, Health health) {
    super(ref, "degraded: " + health.message());
    this.health = health;
  }

  public Health health() {
    return health;
  }
}
