package dev.capstan.engine.diff;

import dev.capstan.engine.cluster.ApplyMode;
import dev.capstan.engine.cluster.Cluster;
import dev.capstan.engine.cluster.ConflictException;
import dev.capstan.engine.cluster.RejectedException;
import dev.capstan.engine.resource.ObjectRef;
import java.util.Map;

/**
 * What applying an object would make of it, the prediction diff and apply both compare with the
 * live object through {@link ObjectComparison#drifted}. The API server is asked (a server-side apply
 * dry run as field manager {@code capstan}), so defaults, admission and merge semantics count; where
 * it cannot dry-run (405/415), or the object cannot exist yet (404 on create: its namespace or CRD
 * comes with the release), the manifest is overlaid on the live object instead. Stateless: the
 * fallback is decided per object.
 */
public final class ApplyPrediction {
  private final Cluster cluster;

  public ApplyPrediction(Cluster cluster) {
    this.cluster = cluster;
  }

  /**
   * @param live the live object, or null when it does not exist
   * @param forceConflicts predict as if conflicts were forced; when false, a field another manager
   *     owns is a {@link ConflictException}, as the apply itself would be
   */
  public Map<String, Object> predict(ObjectRef ref, Map<String, Object> desired, Map<String, Object> live, boolean forceConflicts) {
    if (cluster.serves(ref)) {
      try {
        return cluster.apply(desired, ApplyMode.defaults().withDryRun(true).withForceConflicts(forceConflicts));
      } catch (RejectedException e) {
        boolean cannotDryRun = e.code() == 415 || e.code() == 405;
        boolean comesWithRelease = e.code() == 404 && live == null;
        if (!cannotDryRun && !comesWithRelease) {
          throw e;
        }
      }
    }
    return local(desired, live);
  }

  /** The manifest overlaid on the live object: no request, for when the server cannot be asked. */
  @SuppressWarnings("unchecked")
  public static Map<String, Object> local(Map<String, Object> desired, Map<String, Object> live) {
    return live == null ? desired : (Map<String, Object>) ObjectMerge.overlay(live, desired);
  }
}
