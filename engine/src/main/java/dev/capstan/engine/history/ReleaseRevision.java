package dev.capstan.engine.history;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One entry of a release's history: everything needed to show it and to put it back (rollback
 * re-applies {@link #manifests()}).
 *
 * @param gitCommit the commit the chart came from, or null when unknown
 */
public record ReleaseRevision(
    String namespace,
    String release,
    int number,
    Instant time,
    RevisionStatus status,
    String chartName,
    String chartVersion,
    Map<String, Object> values,
    List<StoredManifest> manifests,
    String gitCommit,
    String description,
    String notes) {

  public ReleaseRevision {
    values = values == null ? Map.of() : values;
    manifests = manifests == null ? List.of() : List.copyOf(manifests);
  }

  public ReleaseRevision withStatus(RevisionStatus status, String description) {
    return new ReleaseRevision(namespace, release, number, time, status, chartName, chartVersion, values, manifests,
        gitCommit, description, notes);
  }

  public ReleaseRevision withTime(Instant time) {
    return new ReleaseRevision(namespace, release, number, time, status, chartName, chartVersion, values, manifests,
        gitCommit, description, notes);
  }
}
