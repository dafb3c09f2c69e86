package dev.capstan.engine.diff;

import dev.capstan.engine.resource.ObjectRef;
import java.util.List;

/** The result of a diff: one entry per desired or to-be-pruned object, in apply order. */
public record DiffReport(List<ObjectDiff> objects) {
  public DiffReport {
    objects = List.copyOf(objects);
  }

  public boolean inSync() {
    return objects.stream().allMatch(o -> o.action() == DiffAction.UNCHANGED);
  }

  public List<ObjectRef> refs(DiffAction action) {
    return objects.stream().filter(o -> o.action() == action).map(ObjectDiff::ref).toList();
  }
}
