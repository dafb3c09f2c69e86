package dev.capstan.engine.diff;

import dev.capstan.engine.cluster.ApplyMode;
import dev.capstan.engine.cluster.Cluster;
import dev.capstan.engine.cluster.RejectedException;
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
 * Compares a plan with the live cluster. Each object is sent as a server-side apply dry-run (field
 * manager {@code capstan}) so the API server itself says what it would become — defaults, admission
 * and merge semantics included; where the server cannot dry-run, the manifest is overlaid on the
 * live object instead. Objects of the previous revision that are no longer rendered are reported as
 * to be pruned. Writes nothing.
 */
public final class Differ {
  private final Cluster cluster;
  private final DiffOptions options;
  private final ObjectComparison comparison;
  private boolean serverDryRun;

  public Differ(Cluster cluster, DiffOptions options) {
    this.cluster = cluster;
    this.options = options;
    this.comparison = new ObjectComparison(options.ignoreRules());
    this.serverDryRun = options.serverDryRun();
  }

  /** @param previousInventory the objects of the currently deployed revision (empty on first install) */
  public DiffReport diff(Plan plan, List<ObjectRef> previousInventory) {
    String releaseId = plan.state().releaseId();
    List<ObjectDiff> diffs = new ArrayList<>();
    for (PlannedObject planned : plan.resources()) {
      Optional<Map<String, Object>> live = cluster.serves(planned.ref()) ? cluster.get(planned.ref()) : Optional.empty();
      live.ifPresent(l -> Ownership.check(planned.ref(), l, releaseId));
      Map<String, Object> predicted = predict(planned, live.orElse(null));
      diffs.add(comparison.compare(planned.ref(), live.orElse(null), predicted));
    }
    Set<String> rendered = plan.inventory().stream().map(ObjectRef::key).collect(Collectors.toSet());
    previousInventory.stream()
        .filter(ref -> !rendered.contains(ref.key()))
        .sorted(RefOrder.uninstall())
        .forEach(ref -> pruneCandidate(ref, releaseId).ifPresent(live -> diffs.add(comparison.compare(ref, live, null))));
    return new DiffReport(diffs);
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

  private Map<String, Object> predict(PlannedObject planned, Map<String, Object> live) {
    if (serverDryRun && cluster.serves(planned.ref())) {
      try {
        return cluster.apply(planned.object(), ApplyMode.defaults().withDryRun(true).withForceConflicts(options.forceConflicts()));
      } catch (RejectedException e) {
        if (e.code() == 415 || e.code() == 405) {
          serverDryRun = false; // this server cannot dry-run server-side apply; overlay from now on
        } else if (!(e.code() == 404 && live == null)) {
          throw e; // 404 on create: the namespace comes with this release
        }
      }
    }
    return live == null ? planned.object() : castMap(ObjectMerge.overlay(live, planned.object()));
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> castMap(Object value) {
    return (Map<String, Object>) value;
  }
}
