package dev.capstan.engine.release;

import dev.capstan.engine.cluster.Cluster;
import dev.capstan.engine.history.ReleaseRevision;
import dev.capstan.engine.history.ReleaseStore;
import dev.capstan.engine.prune.Pruner;
import dev.capstan.engine.resource.CapstanMetadata;
import dev.capstan.engine.resource.ChangeSet;
import dev.capstan.engine.resource.ObjectRef;
import dev.capstan.engine.resource.ReleaseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Deletes every object any kept revision created (reverse kind order, honouring
 * {@code capstan.dev/prune: disabled} and never touching other releases' objects), then the history.
 */
public final class Uninstall {
  private final Cluster cluster;
  private final ReleaseStore store;

  public Uninstall(Cluster cluster, ReleaseStore store) {
    this.cluster = cluster;
    this.store = store;
  }

  public ChangeSet run(String namespace, String release) {
    List<ReleaseRevision> history = store.list(namespace, release);
    if (history.isEmpty()) {
      throw new ReleaseException(namespace, release, "not found (no history in namespace " + namespace + ")");
    }
    Map<String, ObjectRef> inventory = new LinkedHashMap<>();
    for (ReleaseRevision revision : history) {
      Revisions.inventory(revision).forEach(ref -> inventory.putIfAbsent(ref.key(), ref));
    }
    ChangeSet deleted = new Pruner(cluster).prune(inventory.values(), List.of(), CapstanMetadata.releaseId(namespace, release));
    for (ReleaseRevision revision : history) {
      store.delete(namespace, release, revision.number());
    }
    return deleted;
  }
}
