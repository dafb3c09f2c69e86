package dev.capstan.engine.plan;

import dev.capstan.engine.resource.Canonical;
import dev.capstan.engine.resource.CapstanMetadata;
import dev.capstan.engine.resource.DesiredObject;
import dev.capstan.engine.resource.DesiredState;
import dev.capstan.engine.resource.HookPhase;
import dev.capstan.engine.resource.KindScopes;
import dev.capstan.engine.resource.Maps;
import dev.capstan.engine.resource.ObjectException;
import dev.capstan.engine.resource.ObjectRef;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Validates a desired state and prepares each object, reading only discovery: kinds must be served
 * (or defined by a CRD in the same release), waves and hook phases must parse, ids must be unique.
 * Namespaced objects without a namespace get the release namespace; cluster-scoped objects lose
 * one they should not have. Every object gets {@code app.kubernetes.io/managed-by: capstan} and
 * {@code capstan.dev/release: <ns>/<release>}.
 */
public final class Planner {
  private final KindScopes scopes;

  public Planner(KindScopes scopes) {
    this.scopes = scopes;
  }

  public Plan plan(DesiredState state) {
    Map<String, Boolean> releaseCrds = crdScopes(state);
    Map<String, PlannedObject> byKey = new LinkedHashMap<>();
    for (DesiredObject desired : state.objects()) {
      PlannedObject planned = prepare(state, desired, releaseCrds);
      PlannedObject clash = byKey.putIfAbsent(planned.ref().key(), planned);
      if (clash != null) {
        throw new ObjectException(planned.ref(), "rendered twice (" + clash.source() + " and " + desired.source() + ")");
      }
    }
    return new Plan(state, new ArrayList<>(byKey.values()));
  }

  private PlannedObject prepare(DesiredState state, DesiredObject desired, Map<String, Boolean> releaseCrds) {
    ObjectRef ref = desired.ref();
    int wave = desired.wave();
    HookPhase hook = HookPhase.of(desired).orElse(null);
    boolean namespaced = namespaced(ref, releaseCrds);
    Map<String, Object> object = Canonical.of(desired.object());
    Map<String, Object> metadata = Maps.childForWrite(object, "metadata");
    if (namespaced && ref.namespace() == null) {
      metadata.put("namespace", state.namespace());
    } else if (!namespaced) {
      metadata.remove("namespace");
    }
    Maps.childForWrite(metadata, "labels").put(CapstanMetadata.MANAGED_BY_LABEL, CapstanMetadata.MANAGED_BY_VALUE);
    Maps.childForWrite(metadata, "annotations").put(CapstanMetadata.RELEASE_ANNOTATION, state.releaseId());
    return new PlannedObject(desired.source(), object, ObjectRef.of(object), wave, hook);
  }

  private boolean namespaced(ObjectRef ref, Map<String, Boolean> releaseCrds) {
    Boolean fromRelease = releaseCrds.get(ref.group() + "/" + ref.kind());
    if (fromRelease != null) {
      return fromRelease;
    }
    return scopes.namespaced(ref);
  }

  /** Kinds defined by CRDs in this release: their custom resources may be applied once established. */
  private static Map<String, Boolean> crdScopes(DesiredState state) {
    Map<String, Boolean> scopes = new HashMap<>();
    for (DesiredObject desired : state.objects()) {
      Map<String, Object> object = desired.object();
      if ("CustomResourceDefinition".equals(object.get("kind"))) {
        String group = Maps.string(object, "spec", "group");
        String kind = Maps.string(object, "spec", "names", "kind");
        if (group != null && kind != null) {
          scopes.put(group + "/" + kind, !"Cluster".equals(Maps.string(object, "spec", "scope")));
        }
      }
    }
    return scopes;
  }
}
