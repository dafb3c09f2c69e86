package dev.capstan.engine.release;

import dev.capstan.engine.history.ReleaseRevision;
import dev.capstan.engine.history.StoredManifest;
import dev.capstan.engine.resource.DesiredObject;
import dev.capstan.engine.resource.DesiredState;
import dev.capstan.engine.resource.ObjectRef;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Conversions between stored revisions and what the engine applies. */
final class Revisions {
  private Revisions() {}

  /** The desired state a revision recorded, to roll back to it or to restore it atomically. */
  static DesiredState desiredState(ReleaseRevision revision) {
    List<DesiredObject> objects = revision.manifests().stream()
        .map(m -> new DesiredObject(m.source(), m.object()))
        .toList();
    return new DesiredState(revision.release(), revision.namespace(), revision.chartName(), revision.chartVersion(),
        revision.values(), objects, revision.notes(), revision.gitCommit(), revision.sourceRevisions(),
        revision.signedBy());
  }

  static List<ObjectRef> inventory(ReleaseRevision revision) {
    return revision.manifests().stream().map(StoredManifest::object).map(ObjectRef::of).toList();
  }

  /** The manifests a revision applied, by object key, for the applier's no-change check. */
  static Map<String, Map<String, Object>> byKey(ReleaseRevision revision) {
    Map<String, Map<String, Object>> out = new LinkedHashMap<>();
    if (revision != null) {
      for (StoredManifest manifest : revision.manifests()) {
        out.put(ObjectRef.of(manifest.object()).key(), manifest.object());
      }
    }
    return out;
  }
}
