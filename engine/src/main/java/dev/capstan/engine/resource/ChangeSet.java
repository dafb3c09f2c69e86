package dev.capstan.engine.resource;

import java.util.ArrayList;
import java.util.List;

/** What an apply, prune or uninstall did, in the order it did it; a value callers print or assert. */
public record ChangeSet(List<Change> changes) {
  public ChangeSet {
    changes = List.copyOf(changes);
  }

  public static ChangeSet empty() {
    return new ChangeSet(List.of());
  }

  public ChangeSet plus(ChangeSet other) {
    List<Change> all = new ArrayList<>(changes);
    all.addAll(other.changes);
    return new ChangeSet(all);
  }

  public List<ObjectRef> refs(Action action) {
    return changes.stream().filter(c -> c.action() == action).map(Change::ref).toList();
  }

  /** Number of objects written (created, configured or deleted). */
  public long writes() {
    return changes.stream().filter(c -> c.action() != Action.UNCHANGED && c.action() != Action.SKIPPED).count();
  }
}
