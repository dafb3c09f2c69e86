package dev.capstan.engine.history;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One entry of a release's history: everything needed to show it and to put it back (rollback
 * re-applies {@link #manifests()}).
 *
 * @param gitCommit the commit the chart came from, or null when unknown
 * @param sourceRevisions every source and its revision by source name, for a release made from
 *     several (see {@link dev.capstan.engine.resource.DesiredState#sourceRevisions()}); empty otherwise
 * @param signedBy who signed what was deployed and with which key, when the source was verified (a
 *     chart's provenance, a signed commit); null otherwise, and in records written before it was kept
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
    String notes,
    Map<String, String> sourceRevisions,
    String signedBy) {

  public ReleaseRevision {
    values = values == null ? Map.of() : values;
    manifests = manifests == null ? List.of() : List.copyOf(manifests);
    sourceRevisions = sourceRevisions == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(sourceRevisions));
  }

  /** A revision made from one source (or none); also what records written before sources were kept read as. */
  public ReleaseRevision(String namespace, String release, int number, Instant time, RevisionStatus status, String chartName,
      String chartVersion, Map<String, Object> values, List<StoredManifest> manifests, String gitCommit, String description,
      String notes) {
    this(namespace, release, number, time, status, chartName, chartVersion, values, manifests, gitCommit, description, notes,
        Map.of(), null);
  }

  /** A revision with the revision of each source, not verified. */
  public ReleaseRevision(String namespace, String release, int number, Instant time, RevisionStatus status, String chartName,
      String chartVersion, Map<String, Object> values, List<StoredManifest> manifests, String gitCommit, String description,
      String notes, Map<String, String> sourceRevisions) {
    this(namespace, release, number, time, status, chartName, chartVersion, values, manifests, gitCommit, description, notes,
        sourceRevisions, null);
  }

  /**
   * How listings name what was deployed: {@code NAME-VERSION} as Helm prints a chart, or the name
   * alone for what has no version (a folder of plain manifests).
   */
  public String chart() {
    return chartVersion == null || chartVersion.isEmpty() ? chartName : chartName + "-" + chartVersion;
  }

  public ReleaseRevision withStatus(RevisionStatus status, String description) {
    return new ReleaseRevision(namespace, release, number, time, status, chartName, chartVersion, values, manifests,
        gitCommit, description, notes, sourceRevisions, signedBy);
  }

  public ReleaseRevision withTime(Instant time) {
    return new ReleaseRevision(namespace, release, number, time, status, chartName, chartVersion, values, manifests,
        gitCommit, description, notes, sourceRevisions, signedBy);
  }
}
