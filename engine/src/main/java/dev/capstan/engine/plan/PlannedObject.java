package dev.capstan.engine.plan;

import dev.capstan.engine.resource.DesiredObject;
import dev.capstan.engine.resource.HookPhase;
import dev.capstan.engine.resource.ObjectRef;
import java.util.Map;

/**
 * One desired object ready to send: namespace defaulted, Capstan's label and release annotation
 * added, wave and hook phase parsed.
 *
 * @param hook the hook phase, or null for an ordinary object
 */
public record PlannedObject(String source, Map<String, Object> object, ObjectRef ref, int wave, HookPhase hook) {
  public boolean isHook() {
    return hook != null;
  }

  public boolean pruneDisabled() {
    return new DesiredObject(source, object).pruneDisabled();
  }
}
