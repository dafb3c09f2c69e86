package dev.capstan.release;

import dev.capstan.chart.render.RenderedManifest;
import java.util.List;
import java.util.Objects;

/**
 * A folder of plain manifests to deploy as a release: where it goes, the name its history records
 * where a chart's name would be (the folder's), the objects as read, and the commit they came from
 * (null outside Git).
 */
public record ManifestsInput(String namespace, String release, String name, List<RenderedManifest> manifests, String gitCommit) {
  public ManifestsInput {
    Objects.requireNonNull(namespace, "namespace");
    Objects.requireNonNull(release, "release");
    Objects.requireNonNull(name, "name");
    manifests = List.copyOf(manifests);
  }
}
