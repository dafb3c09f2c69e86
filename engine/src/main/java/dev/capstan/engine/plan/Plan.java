package dev.capstan.engine.plan;

import dev.capstan.engine.resource.DesiredState;
import dev.capstan.engine.resource.HookPhase;
import dev.capstan.engine.resource.ObjectRef;
import dev.capstan.engine.resource.RefOrder;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A validated release, ready to apply: every object prepared and sorted. Building one touches
 * nothing in the cluster, so a bad chart fails before any write.
 */
public record Plan(DesiredState state, List<PlannedObject> objects) {
  private static final Comparator<PlannedObject> ORDER =
      Comparator.comparing(PlannedObject::ref, RefOrder.install());
  /** Kinds applied in a stage of their own before any wave, because everything else may need them. */
  private static final java.util.Set<String> FIRST_STAGE = java.util.Set.of("CustomResourceDefinition", "Namespace");

  public Plan {
    objects = objects.stream().sorted(ORDER).toList();
  }

  /** Ordinary (non-hook) objects in install order. */
  public List<PlannedObject> resources() {
    return objects.stream().filter(o -> !o.isHook()).toList();
  }

  public List<PlannedObject> hooks(HookPhase phase) {
    return objects.stream().filter(o -> o.hook() == phase).toList();
  }

  /**
   * Stages to apply one after the other, each healthy before the next: CRDs and Namespaces first,
   * then one stage per sync wave (ascending), each in kind order.
   */
  public List<List<PlannedObject>> stages() {
    List<PlannedObject> first = new ArrayList<>();
    Map<Integer, List<PlannedObject>> waves = new TreeMap<>();
    for (PlannedObject object : resources()) {
      if (FIRST_STAGE.contains(object.ref().kind())) {
        first.add(object);
      } else {
        waves.computeIfAbsent(object.wave(), w -> new ArrayList<>()).add(object);
      }
    }
    List<List<PlannedObject>> stages = new ArrayList<>();
    if (!first.isEmpty()) {
      stages.add(first);
    }
    stages.addAll(waves.values());
    return stages;
  }

  /** Every object the release owns, hooks included: the inventory recorded in history. */
  public List<ObjectRef> inventory() {
    return objects.stream().map(PlannedObject::ref).toList();
  }
}
