package dev.capstan.engine.resource;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a release should look like: everything the engine needs, independent of how it was rendered
 * (a chart from Git, a local directory, or a stored revision being rolled back to).
 *
 * @param gitCommit the commit the chart came from, or null when unknown
 * @param sourceRevisions every source the release was made from and its revision, by source name,
 *     when there is more than the one {@code gitCommit} names (a chart from one repository, values
 *     from another); empty otherwise
 * @param signedBy who signed what it was made from and with which key, when that was verified; null otherwise
 */
public record DesiredState(
    String release,
    String namespace,
    String chartName,
    String chartVersion,
    Map<String, Object> values,
    List<DesiredObject> objects,
    String notes,
    String gitCommit,
    Map<String, String> sourceRevisions,
    String signedBy) {

  public DesiredState {
    values = values == null ? Map.of() : values;
    objects = List.copyOf(objects);
    sourceRevisions = sourceRevisions == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(sourceRevisions));
  }

  /** A state made from one source (or none). */
  public DesiredState(String release, String namespace, String chartName, String chartVersion, Map<String, Object> values,
      List<DesiredObject> objects, String notes, String gitCommit) {
    this(release, namespace, chartName, chartVersion, values, objects, notes, gitCommit, Map.of(), null);
  }

  /** A state made from several sources, not verified. */
  public DesiredState(String release, String namespace, String chartName, String chartVersion, Map<String, Object> values,
      List<DesiredObject> objects, String notes, String gitCommit, Map<String, String> sourceRevisions) {
    this(release, namespace, chartName, chartVersion, values, objects, notes, gitCommit, sourceRevisions, null);
  }

  public DesiredState withObjects(List<DesiredObject> objects) {
    return new DesiredState(release, namespace, chartName, chartVersion, values, objects, notes, gitCommit, sourceRevisions, signedBy);
  }

  public DesiredState withGitCommit(String gitCommit) {
    return new DesiredState(release, namespace, chartName, chartVersion, values, objects, notes, gitCommit, sourceRevisions, signedBy);
  }

  public DesiredState withSourceRevisions(Map<String, String> sourceRevisions) {
    return new DesiredState(release, namespace, chartName, chartVersion, values, objects, notes, gitCommit, sourceRevisions, signedBy);
  }

  public DesiredState withSignedBy(String signedBy) {
    return new DesiredState(release, namespace, chartName, chartVersion, values, objects, notes, gitCommit, sourceRevisions, signedBy);
  }

  /** The value of the {@code capstan.dev/release} annotation objects of this release carry. */
  public String releaseId() {
    return CapstanMetadata.releaseId(namespace, release);
  }
}
