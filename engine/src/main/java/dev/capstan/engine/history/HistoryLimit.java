package dev.capstan.engine.history;

import java.util.List;

/** The one place the history limit is enforced. */
public final class HistoryLimit {
  public static final int DEFAULT = 10;

  private HistoryLimit() {}

  /**
   * Deletes the oldest revisions until at most {@code max} remain, never the deployed one
   * (rollback must always be able to reach what is live). {@code max <= 0} keeps everything.
   */
  public static void enforce(ReleaseStore store, String namespace, String release, int max) {
    if (max > 0) {
      enforce(store, store.list(namespace, release), max);
    }
  }

  /** The same, for a caller that knows the whole history (oldest first) and spares the store a read. */
  public static void enforce(ReleaseStore store, List<ReleaseRevision> all, int max) {
    if (max <= 0) {
      return;
    }
    int deployed = ReleaseStore.deployedIn(all).map(ReleaseRevision::number).orElse(-1);
    int excess = all.size() - max;
    for (ReleaseRevision revision : all) {
      if (excess <= 0) {
        return;
      }
      if (revision.number() != deployed) {
        store.delete(revision.namespace(), revision.release(), revision.number());
        excess--;
      }
    }
  }
}
