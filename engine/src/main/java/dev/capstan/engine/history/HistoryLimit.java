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
    if (max <= 0) {
      return;
    }
    List<Revision> all = store.list(namespace, release);
    int deployed = store.deployed(namespace, release).map(Revision::number).orElse(-1);
    int excess = all.size() - max;
    for (Revision revision : all) {
      if (excess <= 0) {
        return;
      }
      if (revision.number() != deployed) {
        store.delete(namespace, release, revision.number());
        excess--;
      }
    }
  }
}
