package dev.capstan.release;

import dev.capstan.chart.Chart;
import dev.capstan.chart.render.RenderOptions;
import java.util.Map;
import java.util.Objects;

/**
 * A chart to deploy as a release: where it goes, the chart, the user's values (already loaded, from
 * flags or from Git), the commit it came from (null outside Git) and how to render it. Of
 * {@code render}, only the cluster's version and API versions, {@code --show-only} and the limits
 * count: the release name, namespace, revision and {@code isUpgrade} are the action's to set.
 */
public record ReleaseInput(String namespace, String release, Chart chart, Map<String, Object> userValues, String gitCommit,
    RenderOptions render) {
  public ReleaseInput {
    Objects.requireNonNull(namespace, "namespace");
    Objects.requireNonNull(release, "release");
    Objects.requireNonNull(chart, "chart");
    userValues = userValues == null ? Map.of() : userValues;
    render = render == null ? RenderOptions.defaults() : render;
  }

  public static ReleaseInput of(String namespace, String release, Chart chart, Map<String, Object> userValues) {
    return new ReleaseInput(namespace, release, chart, userValues, null, RenderOptions.defaults());
  }

  public ReleaseInput withGitCommit(String gitCommit) {
    return new ReleaseInput(namespace, release, chart, userValues, gitCommit, render);
  }

  public ReleaseInput withRender(RenderOptions render) {
    return new ReleaseInput(namespace, release, chart, userValues, gitCommit, render);
  }
}
