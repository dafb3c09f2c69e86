package dev.capstan.engine.resource;

import java.util.List;
import java.util.Map;

/**
 * What a release should look like: everything the engine needs, independent of how it was rendered
 * (a chart from Git, a local directory, or a stored revision being rolled back to).
 *
 * @param gitCommit the commit the chart came from, or null when unknown
 */
public record DesiredState(
    String release,
    String namespace,
    String chartName,
    String chartVersion,
    Map<String, Object> values,
    List<DesiredObject> objects,
    String notes,
    String gitCommit) {

  public DesiredState {
    values = values == null ? Map.of() : values;
    objects = List.copyOf(objects);
  }

  public DesiredState withObjects(List<DesiredObject> objects) {
    return new DesiredState(release, namespace, chartName, chartVersion, values, objects, notes, gitCommit);
  }

  public DesiredState withGitCommit(String gitCommit) {
    return new DesiredState(release, namespace, chartName, chartVersion, values, objects, notes, gitCommit);
  }

  /** The value of the {@code capstan.dev/release} annotation objects of this release carry. */
  public String releaseId() {
    return CapstanMetadata.releaseId(namespace, release);
  }
}
