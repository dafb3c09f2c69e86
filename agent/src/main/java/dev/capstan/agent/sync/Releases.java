package dev.capstan.agent.sync;

import dev.capstan.core.CapstanException;
import dev.capstan.engine.diff.DiffReport;
import dev.capstan.engine.history.ReleaseRevision;
import dev.capstan.engine.release.ObjectNode;
import dev.capstan.engine.release.StatusReport;
import dev.capstan.engine.release.SyncOptions;
import dev.capstan.engine.release.SyncResult;
import dev.capstan.engine.resource.ChangeSet;
import dev.capstan.engine.resource.DesiredState;
import java.util.List;

/**
 * The release actions the agent runs in its cluster, and what it reads back. Every write fails with a
 * {@link CapstanException} naming the release or object.
 */
public interface Releases {
  /** Applies {@code desired} as the release's next revision. */
  SyncResult upgrade(DesiredState desired, SyncOptions options);

  /** Compares {@code desired} with the cluster as the agent applies: taking fields from other managers. */
  DiffReport diff(DesiredState desired);

  /** The kept revisions of a release, oldest first; empty when it was never deployed. */
  List<ReleaseRevision> history(String namespace, String release);

  /** The release's deployed objects and their live health; fails for a release without history. */
  StatusReport status(String namespace, String release);

  /**
   * {@link #status} from {@code history}, the release's revisions as {@link #history} returned them just
   * now, for a caller that read them already: one history read fewer where the store is a cluster's.
   */
  default StatusReport status(String namespace, String release, List<ReleaseRevision> history) {
    return status(namespace, release);
  }

  /**
   * The release's objects as a tree with what the cluster made from them. Without a cluster to list
   * children from, the deployed objects alone, as {@link #status} reports them.
   */
  default List<ObjectNode> tree(String namespace, String release) {
    return status(namespace, release).objects().stream().map(o -> new ObjectNode(o.ref(), o.health(), true, List.of())).toList();
  }

  /** Puts {@code revision} back as a new revision. */
  SyncResult rollback(String namespace, String release, int revision, SyncOptions options);

  /** Deletes what the release deployed and its history. */
  ChangeSet uninstall(String namespace, String release);
}
