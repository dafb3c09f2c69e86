package dev.capstan.engine.release;

import dev.capstan.engine.apply.Applier;
import dev.capstan.engine.apply.ApplyOptions;
import dev.capstan.engine.apply.LiveState;
import dev.capstan.engine.cluster.Cluster;
import dev.capstan.engine.health.WaitProgress;
import dev.capstan.engine.history.HistoryLimit;
import dev.capstan.engine.history.ReleaseRevision;
import dev.capstan.engine.history.ReleaseStore;
import dev.capstan.engine.history.RevisionStatus;
import dev.capstan.engine.history.StoredManifest;
import dev.capstan.engine.hooks.HookRunner;
import dev.capstan.engine.plan.Plan;
import dev.capstan.engine.plan.Planner;
import dev.capstan.engine.prune.Pruner;
import dev.capstan.engine.resource.Canonical;
import dev.capstan.engine.resource.ChangeSet;
import dev.capstan.engine.resource.DesiredState;
import dev.capstan.engine.resource.HookPhase;
import dev.capstan.engine.resource.ObjectRef;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Installs or upgrades a release (one action for both, as {@code helm upgrade --install}):
 * plan and validate without writing (kinds, waves, hooks, and that no object belongs to another
 * release), record a {@code pending} revision, run pre-sync hooks, apply
 * stage by stage, run post-sync hooks, prune what is no longer rendered, then record
 * {@code deployed} and mark the previous revision {@code superseded}. On failure the revision is
 * recorded {@code failed}; with {@code atomic} the previous revision is put back first and the
 * failed one is recorded {@code rolled-back}. A {@code pending} revision left by a process that died
 * is recorded {@code failed} and finished by this run, whose prune covers what it created.
 */
public final class Sync {
  private final Cluster cluster;
  private final ReleaseStore store;
  private final SyncOptions options;
  private final Consumer<WaitProgress> progress;

  public Sync(Cluster cluster, ReleaseStore store, SyncOptions options, Consumer<WaitProgress> progress) {
    this.cluster = cluster;
    this.store = store;
    this.options = options;
    this.progress = progress;
  }

  public SyncResult run(DesiredState desired) {
    return run(desired, null);
  }

  SyncResult run(DesiredState desired, String description) {
    Plan plan = new Planner(cluster).plan(desired);
    if (options.dryRun()) {
      return dryRun(plan);
    }
    String ns = desired.namespace();
    String name = desired.release();
    List<ReleaseRevision> history = store.list(ns, name);
    int number = history.isEmpty() ? 1 : history.get(history.size() - 1).number() + 1;
    finishInterrupted(history, number);
    Optional<ReleaseRevision> previous = ReleaseStore.deployedIn(history);
    LiveState live = new Applier(cluster, applyOptions(), progress).read(plan);
    if (description == null && previous.isPresent() && upToDate(plan, previous.get(), history, live)) {
      return new SyncResult(previous.get(), unchanged(plan));
    }
    String doing = description != null ? description : previous.isPresent() ? "Upgrade" : "Install";
    ReleaseRevision pending = new ReleaseRevision(ns, name, number, Instant.now(), RevisionStatus.PENDING, desired.chartName(),
        desired.chartVersion(), desired.values(), manifests(plan), desired.gitCommit(), doing + " in progress",
        desired.notes(), desired.sourceRevisions(), desired.signedBy());
    store.create(pending);
    ChangeSet changes;
    try {
      changes = execute(plan, previous.orElse(null), staleInventory(history, previous.orElse(null)), live);
    } catch (RuntimeException e) {
      throw new AtomicRestore(cluster, store, options, progress).fail(plan, pending, previous.orElse(null), e);
    }
    previous.ifPresent(p -> store.update(p.withStatus(RevisionStatus.SUPERSEDED, p.description())));
    ReleaseRevision deployed = pending.withStatus(RevisionStatus.DEPLOYED, doing + " complete");
    store.update(deployed);
    List<ReleaseRevision> kept = new ArrayList<>(history);
    kept.add(deployed);
    HistoryLimit.enforce(store, kept, options.historyLimit());
    return new SyncResult(deployed, changes);
  }

  private ChangeSet execute(Plan plan, ReleaseRevision previous, List<ObjectRef> stale, LiveState live) {
    String releaseId = plan.state().releaseId();
    HookRunner hooks = new HookRunner(cluster, progress);
    hooks.run(HookPhase.PRE_SYNC, plan.hooks(HookPhase.PRE_SYNC), releaseId, options.timeout());
    ChangeSet applied = new Applier(cluster, applyOptions(), progress).apply(plan, Revisions.byKey(previous), live);
    hooks.run(HookPhase.POST_SYNC, plan.hooks(HookPhase.POST_SYNC), releaseId, options.timeout());
    return applied.plus(new Pruner(cluster).prune(stale, plan.inventory(), releaseId));
  }

  /**
   * Nothing to do: the deployed revision is the latest, has the same chart, values and manifests,
   * and the cluster still matches it. Then no revision is recorded and nothing is written, so an
   * agent re-syncing an unchanged commit costs only reads.
   */
  private boolean upToDate(Plan plan, ReleaseRevision deployed, List<ReleaseRevision> history, LiveState live) {
    DesiredState desired = plan.state();
    return history.get(history.size() - 1).number() == deployed.number()
        && java.util.Objects.equals(deployed.chartName(), desired.chartName())
        && java.util.Objects.equals(deployed.chartVersion(), desired.chartVersion())
        && Canonical.of(deployed.values()).equals(Canonical.of(desired.values()))
        && new Applier(cluster, applyOptions(), progress).upToDate(plan, Revisions.byKey(deployed), live);
  }

  private static ChangeSet unchanged(Plan plan) {
    return new ChangeSet(plan.objects().stream()
        .map(o -> new dev.capstan.engine.resource.Change(o.ref(), dev.capstan.engine.resource.Action.UNCHANGED)).toList());
  }

  private SyncResult dryRun(Plan plan) {
    DesiredState state = plan.state();
    Optional<ReleaseRevision> previous = store.deployed(state.namespace(), state.release());
    Applier applier = new Applier(cluster, applyOptions().withDryRun(true), progress);
    ChangeSet applied = applier.apply(plan, Revisions.byKey(previous.orElse(null)), applier.read(plan));
    ReleaseRevision wouldBe = new ReleaseRevision(state.namespace(), state.release(), 0, Instant.now(), RevisionStatus.PENDING,
        state.chartName(), state.chartVersion(), state.values(), manifests(plan), state.gitCommit(), "Dry run",
        state.notes(), state.sourceRevisions(), state.signedBy());
    return new SyncResult(wouldBe, applied);
  }

  /** Marks revisions a dead process left pending as failed; this run replaces them. */
  private void finishInterrupted(List<ReleaseRevision> history, int next) {
    for (ReleaseRevision revision : history) {
      if (revision.status() == RevisionStatus.PENDING) {
        store.update(revision.withStatus(RevisionStatus.FAILED,
            "Interrupted before it finished; superseded by revision " + next));
      }
    }
  }

  /**
   * Everything earlier revisions may have created and this one must prune: the deployed revision's
   * inventory plus that of any later failed or interrupted revision.
   */
  private static List<ObjectRef> staleInventory(List<ReleaseRevision> history, ReleaseRevision deployed) {
    Map<String, ObjectRef> refs = new LinkedHashMap<>();
    for (ReleaseRevision revision : history) {
      if (deployed == null || revision.number() >= deployed.number()) {
        Revisions.inventory(revision).forEach(ref -> refs.putIfAbsent(ref.key(), ref));
      }
    }
    return List.copyOf(refs.values());
  }

  ApplyOptions applyOptions() {
    return ApplyOptions.defaults()
        .withForceConflicts(options.forceConflicts())
        .withWait(options.waitHealthy() || options.atomic())
        .withTimeout(options.timeout())
        .withIgnoreRules(options.ignoreRules());
  }

  private static List<StoredManifest> manifests(Plan plan) {
    return plan.objects().stream().map(o -> new StoredManifest(o.source(), o.object())).toList();
  }
}
