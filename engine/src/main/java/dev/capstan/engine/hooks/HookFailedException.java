package dev.capstan.engine.hooks;

import dev.capstan.engine.resource.HookPhase;
import dev.capstan.engine.resource.ObjectException;
import dev.capstan.engine.resource.ObjectRef;

/** A hook object could not be applied or did not become healthy (a failed Job). */
public class HookFailedException extends ObjectException {
  private final HookPhase phase;

  public HookFailedException(ObjectRef ref, HookPhase phase, Throwable cause) {
    super(ref, phase.label() + " hook failed: " + stripId(ref, cause.getMessage()), cause);
    this.phase = phase;
  }

  public HookPhase phase() {
    return phase;
  }

  private static String stripId(ObjectRef ref, String message) {
    String prefix = ref + ": ";
    return message != null && message.startsWith(prefix) ? message.substring(prefix.length()) : String.valueOf(message);
  }
}
