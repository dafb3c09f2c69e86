package dev.capstan.chart.source;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The files of one chart, whatever holds them: a directory on disk or an in-memory snapshot of a
 * Git tree. Paths are relative, '/'-separated and never contain {@code ..}; nothing outside the
 * chart can be named through this interface.
 */
public interface ChartFiles {
  /** Every file of the chart, relative, '/'-separated, sorted. */
  List<String> list();

  /** The bytes of one file; throws {@link ChartException} when there is no such file. */
  byte[] read(String path);

  /** Whether {@code path} names a file of the chart. */
  default boolean exists(String path) {
    return list().contains(path);
  }

  /** The files under {@code prefix} (a folder such as {@code charts/redis}), relative to it. */
  default ChartFiles subtree(String prefix) {
    return new SubtreeChartFiles(this, prefix);
  }

  /**
   * The chart a {@code file://} dependency points at, relative to this chart. Sources that hold a
   * single chart cannot reach outside it and refuse.
   */
  default ChartFiles sibling(String relativePath) {
    throw new ChartException("file://" + relativePath, "file:// dependencies cannot be resolved for a chart given as an in-memory file set");
  }

  /**
   * These files less those the chart's {@code .helmignore} (and Helm's default rule, hidden files
   * under {@code templates/}) leave out, as Helm loads a chart; {@code displayPath} names the chart
   * in errors about a bad {@code .helmignore} line. See {@link HelmIgnore}.
   */
  default ChartFiles withoutIgnored(String displayPath) {
    return HelmIgnoredChartFiles.of(this, displayPath);
  }

  /** The chart in {@code dir}; symlinks that resolve outside it are refused. */
  static ChartFiles of(Path dir) {
    return DirectoryChartFiles.open(dir);
  }

  /** An in-memory chart, e.g. read from a Git tree. */
  static ChartFiles of(Map<String, byte[]> files) {
    return new MemoryChartFiles(files);
  }
}
