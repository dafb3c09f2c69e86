package dev.capstan.agent.sync;

import dev.capstan.engine.cluster.Cluster;
import dev.capstan.engine.diff.DiffOptions;
import dev.capstan.engine.diff.DiffReport;
import dev.capstan.engine.history.ReleaseRevision;
import dev.capstan.engine.history.ReleaseStore;
import dev.capstan.engine.release.ObjectNode;
import dev.capstan.engine.release.ReleaseStatus;
import dev.capstan.engine.release.ReleaseTree;
import dev.capstan.engine.release.Rollback;
import dev.capstan.engine.release.StatusReport;
import dev.capstan.engine.release.SyncOptions;
import dev.capstan.engine.release.SyncResult;
import dev.capstan.engine.release.Uninstall;
import dev.capstan.engine.resource.ChangeSet;
import dev.capstan.engine.resource.DesiredState;
import dev.capstan.release.Diff;
import dev.capstan.release.ReleaseRenderer;
import dev.capstan.release.Upgrade;
import java.util.List;

/** The release layer's actions on a real cluster, with history in {@code store}. */
public final class ClusterReleases implements Releases {
  private final Cluster cluster;
  private final ReleaseStore store;
  private final ReleaseRenderer renderer;

  public ClusterReleases(Cluster cluster, ReleaseStore store, ReleaseRenderer renderer) {
    this.cluster = cluster;
    this.store = store;
    this.renderer = renderer;
  }

  @Override
  public SyncResult upgrade(DesiredState desired, SyncOptions options) {
    return new Upgrade(cluster, store, renderer, options, progress -> { }).run(desired);
  }

  /** Takes fields from other managers, as Flux and Argo CD do, so the diff shows what an apply would do. */
  @Override
  public DiffReport diff(DesiredState desired) {
    return new Diff(cluster, store, renderer, DiffOptions.defaults().withForceConflicts(true)).run(desired);
  }

  @Override
  public List<ReleaseRevision> history(String namespace, String release) {
    return store.list(namespace, release);
  }

  @Override
  public StatusReport status(String namespace, String release) {
    return new ReleaseStatus(cluster, store).run(namespace, release);
  }

  @Override
  public StatusReport status(String namespace, String release, List<ReleaseRevision> history) {
    return new ReleaseStatus(cluster, store).run(namespace, release, history);
  }

  @Override
  public List<ObjectNode> tree(String namespace, String release) {
    return new ReleaseTree(cluster).run(status(namespace, release));
  }

  @Override
  public SyncResult rollback(String namespace, String release, int revision, SyncOptions options) {
    return new Rollback(cluster, store, options, progress -> { }).run(namespace, release, revision);
  }

  @Override
  public ChangeSet uninstall(String namespace, String release) {
    return new Uninstall(cluster, store).run(namespace, release);
  }
}
