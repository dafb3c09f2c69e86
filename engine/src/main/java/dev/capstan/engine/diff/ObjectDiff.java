package dev.capstan.engine.diff;

import dev.capstan.engine.cluster.FieldConflict;
import dev.capstan.engine.resource.ObjectRef;
import java.util.List;

/**
 * The comparison of one object, with both sides already normalised and Secret-masked as YAML, so
 * it is safe to print. {@code liveYaml} is empty for added objects, {@code desiredYaml} for pruned,
 * both for unchanged objects (nothing to show). {@code conflicts} names the fields another field
 * manager owns that applying would take: apply needs {@code --force-conflicts} for them.
 */
public record ObjectDiff(ObjectRef ref, DiffAction action, String liveYaml, String desiredYaml, List<FieldConflict> conflicts) {
  public ObjectDiff {
    conflicts = List.copyOf(conflicts);
  }

  public ObjectDiff(ObjectRef ref, DiffAction action, String liveYaml, String desiredYaml) {
    this(ref, action, liveYaml, desiredYaml, List.of());
  }

  public ObjectDiff withConflicts(List<FieldConflict> conflicts) {
    return new ObjectDiff(ref, action, liveYaml, desiredYaml, conflicts);
  }
}
