package dev.capstan.engine.diff;

import dev.capstan.engine.resource.ObjectRef;
import java.util.List;
import java.util.Map;

/**
 * Compares one live object with what applying would make of it, after normalising both sides, then
 * masks Secret values and renders both as YAML. Pure: no cluster access, so it is what the benchmark
 * times.
 *
 * <p>{@link #drifted} is the one rule for "applying would change this object", shared by diff
 * (OutOfSync, exit 1) and apply (the object is sent, not skipped), as Flux's {@code ssa} shares one
 * {@code hasDrifted}: the two cannot disagree.
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
        : differ(before, after) ? DiffAction.CHANGED : DiffAction.UNCHANGED;
    if (action == DiffAction.UNCHANGED) {
      return new ObjectDiff(ref, action, "", ""); // never printed: skip the YAML, most of the cost
    }
    if (SecretMasker.isSecret(before) || SecretMasker.isSecret(after)) {
      SecretMasker.mask(before, after);
    }
    return new ObjectDiff(ref, action, Yaml.write(before), Yaml.write(after));
  }

  /**
   * Whether applying would change a live object: what it would become ({@link ApplyPrediction})
   * differs from what it is, compared normalised (server-set fields dropped, ignore rules applied).
   */
  public boolean drifted(Map<String, Object> live, Map<String, Object> predicted) {
    return differ(normalizer.normalize(live), normalizer.normalize(predicted));
  }

  private static boolean differ(Map<String, Object> normalizedLive, Map<String, Object> normalizedPredicted) {
    return !normalizedLive.equals(normalizedPredicted);
  }
}
