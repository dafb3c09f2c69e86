package dev.capstan.chart;

import dev.capstan.chart.archive.ChartArchiveWriter;
import dev.capstan.chart.source.ChartException;
import dev.capstan.chart.source.ChartFiles;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code helm package} for Go-template and Pebble charts alike: loads the chart (so a chart that
 * would not render is not packaged, and missing dependencies are reported), then writes the files
 * Helm would load, less those {@code .helmignore} excludes, as {@code NAME-VERSION.tgz}. The files
 * go in byte for byte, {@code charts/*.tgz} archives included, and each {@code file://} dependency
 * goes in as {@code charts/NAME-VERSION.tgz} (what {@code helm dependency update} would put there),
 * so Capstan reads the archive as it read the folder; Helm reads it too (see docs/chart-sources.md for what Helm makes of a
 * Pebble chart: it can store, push, pull, index and show it, not render it).
 */
public final class ChartPackager {
  /** One packaged chart: its name, version and archive bytes. */
  public record Packaged(String name, String version, byte[] archive) {
    /** The file name Helm gives it: {@code NAME-VERSION.tgz}. */
    public String fileName() {
      return name + "-" + version + ".tgz";
    }
  }

  private ChartPackager() {}

  /** Packages the chart in {@code chartDir} in memory. */
  public static Packaged pack(Path chartDir) {
    if (!Files.isDirectory(chartDir)) {
      throw new ChartException(chartDir.toString(), "not a chart folder (capstan package reads a folder with a Chart.yaml)");
    }
    Chart chart = ChartLoader.load(chartDir);
    ChartFiles files = ChartFiles.of(chartDir).withoutIgnored(chart.metadata().name());
    Map<String, byte[]> content = new TreeMap<>();
    for (String path : files.list()) {
      content.put(path, files.read(path));
    }
    for (Dependency dep : chart.metadata().dependencies()) {
      String repo = dep.repository() == null ? "" : dep.repository();
      boolean inCharts = content.containsKey("charts/" + dep.name() + "/Chart.yaml") || hasArchiveOf(content, dep.name());
      if (repo.startsWith("file://") && !inCharts) {
        // What `helm dependency update` does before `helm package`: the archive carries the chart.
        Packaged sub = pack(chartDir.resolve(repo.substring("file://".length())).normalize());
        content.put("charts/" + sub.fileName(), sub.archive());
      }
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ChartArchiveWriter.write(ChartFiles.of(content), chart.metadata().name(), out);
    return new Packaged(chart.metadata().name(), chart.metadata().version(), out.toByteArray());
  }

  private static boolean hasArchiveOf(Map<String, byte[]> content, String name) {
    return content.keySet().stream().anyMatch(p -> p.startsWith("charts/" + name + "-") && p.endsWith(".tgz")
        && p.indexOf('/', "charts/".length()) < 0);
  }

  /** Packages the chart in {@code chartDir} into {@code outDir/NAME-VERSION.tgz} and returns that path. */
  public static Path pack(Path chartDir, Path outDir) {
    Packaged packaged = pack(chartDir);
    Path target = outDir.resolve(packaged.fileName());
    try {
      Files.createDirectories(outDir);
      Path tmp = Files.createTempFile(outDir, ".capstan-package-", ".tgz");
      Files.write(tmp, packaged.archive());
      Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new ChartException(target.toString(), "cannot write the chart archive: " + e.getMessage(), e);
    }
    return target;
  }
}
