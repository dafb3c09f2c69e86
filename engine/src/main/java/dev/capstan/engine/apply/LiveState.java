package dev.capstan.engine.apply;

import dev.capstan.engine.resource.ObjectRef;
import java.util.Map;
import java.util.Optional;

/** The live objects of a plan, read once before anything is written; absent keys do not exist yet. */
public record LiveState(Map<String, Map<String, Object>> byKey) {
  public LiveState {
    byKey = Map.copyOf(byKey);
  }

  public Optional<Map<String, Object>> get(ObjectRef ref) {
    return Optional.ofNullable(byKey.get(ref.key()));
  }
}
