package dev.capstan.engine.release;

import dev.capstan.engine.apply.Applier;
import dev.capstan.engine.apply.ApplyOptions;
import dev.capstan.engine.cluster.Cluster;
import dev.capstan.engine.health.WaitProgress;
import dev.capstan.engine.history.ReleaseRevision;
import dev.capstan.engine.history.ReleaseStore;
import dev.capstan.engine.history.RevisionStatus;
import dev.capstan.engine.hooks.HookRunner;
import dev.capstan.engine.plan.Plan;
import dev.capstan.engine.plan.Planner;
import dev.capstan.engine.prune.Pruner;
import dev.capstan.engine.resource.HookPhase;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * What happens when a sync fails: sync-fail hooks run, then either the revision is recorded
 * {@code failed}, or (atomic) the previous deployed revision is re-applied, whatever the failed
 * revision created is deleted, and the failed revision is recorded {@code rolled-back}. The history
 * always says what state the cluster was left in.
 */
final class AtomicRestore {
  private final Cluster cluster;
  private final ReleaseStore store;
  private final SyncOptions options;
  private final Consumer<WaitProgress> progress;

  AtomicRestore(Cluster cluster, ReleaseStore store, SyncOptions options, Consumer<WaitProgress> progress) {
    this.cluster = cluster;
    this.store = store;
    this.options = options;
    this.progress = progress;
  }

  SyncFailedException fail(Plan plan, ReleaseRevision pending, ReleaseRevision previous, RuntimeException cause) {
    String reason = cause.getMessage();
    try {
      new HookRunner(cluster, progress).run(HookPhase.SYNC_FAIL, plan.hooks(HookPhase.SYNC_FAIL),
          plan.state().releaseId(), options.timeout());
    } catch (RuntimeException hookError) {
      reason = reason + "; " + hookError.getMessage();
    }
    if (!options.atomic()) {
      return record(pending, RevisionStatus.FAILED, reason, "revision " + pending.number() + " failed: " + reason, cause);
    }
    String target = previous == null ? "nothing (first install)" : "revision " + previous.number();
    try {
      restore(plan, previous);
    } catch (RuntimeException restoreError) {
      String both = reason + "; rollback to " + target + " also failed: " + restoreError.getMessage();
      return record(pending, RevisionStatus.FAILED, both, "revision " + pending.number() + " failed: " + both, cause);
    }
    return record(pending, RevisionStatus.ROLLED_BACK, "Rolled back to " + target + ": " + reason,
        "revision " + pending.number() + " failed and was rolled back to " + target + ": " + reason, cause);
  }

  private void restore(Plan failed, ReleaseRevision previous) {
    String releaseId = failed.state().releaseId();
    List<dev.capstan.engine.resource.ObjectRef> keep = List.of();
    if (previous != null) {
      Plan old = new Planner(cluster).plan(Revisions.desiredState(previous));
      ApplyOptions applyOptions = ApplyOptions.defaults()
          .withForceConflicts(options.forceConflicts())
          .withWait(true)
          .withTimeout(options.timeout())
          .withIgnoreRules(options.ignoreRules());
      // No "last applied" hints: every object is re-sent, whatever the failed revision did to it.
      Applier applier = new Applier(cluster, applyOptions, progress);
      applier.apply(old, Map.of(), applier.read(old));
      keep = old.inventory();
    }
    new Pruner(cluster).prune(failed.inventory(), keep, releaseId);
  }

  private SyncFailedException record(ReleaseRevision pending, RevisionStatus status, String description, String message,
      RuntimeException cause) {
    store.update(pending.withStatus(status, description));
    return new SyncFailedException(pending.namespace(), pending.release(), pending.number(), status, message, cause);
  }
}
