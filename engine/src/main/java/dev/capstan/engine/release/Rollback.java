package dev.capstan.engine.release;

import dev.capstan.engine.cluster.Cluster;
import dev.capstan.engine.health.WaitProgress;
import dev.capstan.engine.history.ReleaseRevision;
import dev.capstan.engine.history.ReleaseStore;
import dev.capstan.engine.history.RevisionStatus;
import dev.capstan.engine.resource.ReleaseException;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * Puts an earlier revision back, as Helm does: its recorded manifests and values are synced as a new
 * revision ({@code Rollback to N}), so history only grows and the rollback itself can be undone.
 */
public final class Rollback {
  private final Cluster cluster;
  private final ReleaseStore store;
  private final SyncOptions options;
  private final Consumer<WaitProgress> progress;

  public Rollback(Cluster cluster, ReleaseStore store, SyncOptions options, Consumer<WaitProgress> progress) {
    this.cluster = cluster;
    this.store = store;
    this.options = options;
    this.progress = progress;
  }

  /** @param revision the revision to go back to, or 0 for the one before the deployed revision */
  public SyncResult run(String namespace, String release, int revision) {
    List<ReleaseRevision> history = store.list(namespace, release);
    if (history.isEmpty()) {
      throw new ReleaseException(namespace, release, "not found (no history in namespace " + namespace + ")");
    }
    ReleaseRevision target = revision > 0 ? find(history, namespace, release, revision) : beforeDeployed(history, namespace, release);
    return new Sync(cluster, store, options, progress).run(Revisions.desiredState(target), "Rollback to " + target.number());
  }

  private static ReleaseRevision find(List<ReleaseRevision> history, String namespace, String release, int number) {
    return history.stream().filter(r -> r.number() == number).findFirst()
        .orElseThrow(() -> new ReleaseException(namespace, release, "revision " + number + " is not in the history (kept: "
            + history.stream().map(r -> Integer.toString(r.number())).collect(Collectors.joining(", ")) + ")"));
  }

  private static ReleaseRevision beforeDeployed(List<ReleaseRevision> history, String namespace, String release) {
    int deployed = history.stream().filter(r -> r.status() == RevisionStatus.DEPLOYED)
        .mapToInt(ReleaseRevision::number).max().orElse(Integer.MAX_VALUE);
    ReleaseRevision target = null;
    for (ReleaseRevision revision : history) {
      if (revision.number() < deployed && revision.status() == RevisionStatus.SUPERSEDED) {
        target = revision;
      }
    }
    if (target == null) {
      throw new ReleaseException(namespace, release, "no earlier deployed revision to roll back to");
    }
    return target;
  }
}
