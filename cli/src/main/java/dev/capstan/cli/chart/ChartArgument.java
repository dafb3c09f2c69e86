package dev.capstan.cli.chart;

import java.nio.file.Path;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/**
 * The CHART argument of {@code render}, {@code lint}, {@code diff} and {@code apply}, with the flags
 * that say where it comes from ({@link ChartSourceFlags}): one place for what these commands accept
 * as a chart and how it becomes a folder or archive on disk.
 */
public final class ChartArgument {
  @Parameters(index = "0", paramLabel = "CHART",
      description = "A chart folder or .tgz, oci://host/path/chart, a chart name with --repo, or a folder of plain manifests.")
  String chart;

  @Mixin
  ChartSourceFlags source = new ChartSourceFlags();

  /** CHART as given on the command line. */
  public String chart() {
    return chart;
  }

  /** Whether {@code --verify} was given. */
  public boolean verify() {
    return source.verify();
  }

  /** CHART as a path {@code ChartLoader} reads; see {@link ChartSourceFlags#localize(String)}. */
  public Path localize() {
    return source.localize(chart);
  }
}
