package dev.capstan.engine.diff;

import dev.capstan.engine.cluster.Cluster;
import dev.capstan.engine.cluster.ConflictException;
import dev.capstan.engine.plan.Ownership;
import dev.capstan.engine.plan.Plan;
import dev.capstan.engine.plan.PlannedObject;
import dev.capstan.engine.resource.CapstanMetadata;
import dev.capstan.engine.resource.Maps;
import dev.capstan.engine.resource.ObjectRef;
import dev.capstan.engine.resource.RefOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Compares a plan with the live cluster: for each object, what applying it would make of it
 * ({@link ApplyPrediction}) against what is live, by the drift rule apply uses too
 * ({@link ObjectComparison#drifted}). Objects of the previous revision that are no longer rendered
 * are reported as to be pruned. Writes nothing.
 *
 * <p>Drift made by someone else is what a diff is for: a field another manager took over (after
 * {@code kubectl patch} or {@code kubectl edit}) is compared as apply with
 * {@code --force-conflicts} would leave it, and the conflict is reported beside the difference
 * instead of failing the diff. Apply without {@code --force-conflicts} still refuses it.
 */
public final class Differ {
  private final Cluster cluster;
  private final DiffOptions options;
  private final ObjectComparison comparison;
  private final ApplyPrediction prediction;

  public Differ(Cluster cluster, DiffOptions options) {
    this.cluster = cluster;
    this.options = options;
    this.comparison = new ObjectComparison(options.ignoreRules());
    this.prediction = new ApplyPrediction(cluster);
  }

  /** @param previousInventory the objects of the currently deployed revision (empty on first install) */
  public DiffReport diff(Plan plan, List<ObjectRef> previousInventory) {
    String releaseId = plan.state().releaseId();
    List<ObjectDiff> diffs = new ArrayList<>();
    for (PlannedObject planned : plan.resources()) {
      Optional<Map<String, Object>> live = cluster.serves(planned.ref()) ? cluster.get(planned.ref()) : Optional.empty();
      live.ifPresent(l -> Ownership.check(planned.ref(), l, releaseId));
      diffs.add(compare(planned, live.orElse(null)));
    }
    Set<String> rendered = plan.inventory().stream().map(ObjectRef::key).collect(Collectors.toSet());
    previousInventory.stream()
        .filter(ref -> !rendered.contains(ref.key()))
        .sorted(RefOrder.uninstall())
        .forEach(ref -> pruneCandidate(ref, releaseId).ifPresent(live -> diffs.add(comparison.compare(ref, live, null))));
    return new DiffReport(diffs);
  }

  private ObjectDiff compare(PlannedObject planned, Map<String, Object> live) {
    if (!options.serverDryRun()) {
      return comparison.compare(planned.ref(), live, ApplyPrediction.local(planned.object(), live));
    }
    try {
      return comparison.compare(planned.ref(), live,
          prediction.predict(planned.ref(), planned.object(), live, options.forceConflicts()));
    } catch (ConflictException e) {
      Map<String, Object> forced = prediction.predict(planned.ref(), planned.object(), live, true);
      return comparison.compare(planned.ref(), live, forced).withConflicts(e.conflicts());
    }
  }

  private Optional<Map<String, Object>> pruneCandidate(ObjectRef ref, String releaseId) {
    if (!cluster.serves(ref)) {
      return Optional.empty();
    }
    return cluster.get(ref)
        .filter(live -> releaseId.equals(Ownership.releaseOf(live)))
        .filter(live -> !CapstanMetadata.PRUNE_DISABLED.equals(
            Maps.string(live, "metadata", "annotations", CapstanMetadata.PRUNE_ANNOTATION)));
  }
}
