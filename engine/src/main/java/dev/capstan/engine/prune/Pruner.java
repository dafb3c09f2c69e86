package dev.capstan.engine.prune;

import dev.capstan.engine.cluster.Cluster;
import dev.capstan.engine.plan.Ownership;
import dev.capstan.engine.resource.Action;
import dev.capstan.engine.resource.CapstanMetadata;
import dev.capstan.engine.resource.Change;
import dev.capstan.engine.resource.ChangeSet;
import dev.capstan.engine.resource.Maps;
import dev.capstan.engine.resource.ObjectRef;
import dev.capstan.engine.resource.RefOrder;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Deletes objects of an earlier inventory that the release no longer has, in the reverse of
 * {@link RefOrder} (workloads before the ConfigMaps they mount, Namespaces and CRDs last). Keeps an
 * object annotated {@code capstan.dev/prune: disabled}, and never deletes one that now belongs to
 * another release or to nobody. Also used by uninstall, with an empty current inventory.
 */
public final class Pruner {
  private final Cluster cluster;

  public Pruner(Cluster cluster) {
    this.cluster = cluster;
  }

  public ChangeSet prune(Collection<ObjectRef> previous, Collection<ObjectRef> current, String releaseId) {
    Set<String> keep = current.stream().map(ObjectRef::key).collect(Collectors.toSet());
    List<ObjectRef> gone = previous.stream()
        .filter(ref -> !keep.contains(ref.key()))
        .sorted(RefOrder.uninstall())
        .toList();
    List<Change> changes = new ArrayList<>();
    for (ObjectRef ref : gone) {
      changes.add(new Change(ref, pruneOne(ref, releaseId)));
    }
    return new ChangeSet(changes);
  }

  private Action pruneOne(ObjectRef ref, String releaseId) {
    if (!cluster.serves(ref)) {
      return Action.SKIPPED; // its CRD is gone, and with it the object
    }
    Optional<Map<String, Object>> live = cluster.get(ref);
    if (live.isEmpty() || !releaseId.equals(Ownership.releaseOf(live.get()))) {
      return Action.SKIPPED;
    }
    String policy = Maps.string(live.get(), "metadata", "annotations", CapstanMetadata.PRUNE_ANNOTATION);
    if (CapstanMetadata.PRUNE_DISABLED.equals(policy)) {
      return Action.SKIPPED;
    }
    return cluster.delete(ref) ? Action.DELETED : Action.SKIPPED;
  }
}
