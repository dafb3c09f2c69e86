package dev.capstan.engine.diff;

import dev.capstan.engine.resource.ObjectRef;
import java.util.List;
import java.util.Map;

/**
 * Compares one live object with what it would become, after normalising both sides, then masks
 * Secret values and renders both as YAML. Pure: no cluster access, so it is what the benchmark times.
 */
public final class ObjectComparison {
  private final Normalizer normalizer;

  public ObjectComparison(List<IgnoreRule> ignoreRules) {
    this.normalizer = new Normalizer(ignoreRules);
  }

  /**
   * @param live the live object, or null when it does not exist
   * @param predicted what the object would be after apply, or null when it would be pruned
   */
  public ObjectDiff compare(ObjectRef ref, Map<String, Object> live, Map<String, Object> predicted) {
    Map<String, Object> before = live == null ? null : normalizer.normalize(live);
    Map<String, Object> after = predicted == null ? null : normalizer.normalize(predicted);
    DiffAction action = before == null ? DiffAction.ADDED
        : after == null ? DiffAction.PRUNED
        : before.equals(after) ? DiffAction.UNCHANGED : DiffAction.CHANGED;
    if (action == DiffAction.UNCHANGED) {
      return new ObjectDiff(ref, action, "", ""); // never printed: skip the YAML, most of the cost
    }
    if (SecretMasker.isSecret(before) || SecretMasker.isSecret(after)) {
      SecretMasker.mask(before, after);
    }
    return new ObjectDiff(ref, action, Yaml.write(before), Yaml.write(after));
  }

  /** True when the live object already has every field of the desired one, ignore rules applied. */
  public boolean covers(Map<String, Object> desired, Map<String, Object> live) {
    return ObjectMerge.covers(normalizer.normalize(desired), normalizer.normalize(live));
  }
}
