package dev.capstan.chart;

import dev.capstan.chart.archive.ArchiveBudget;
import dev.capstan.chart.archive.ChartArchiveReader;
import dev.capstan.chart.source.ChartException;
import dev.capstan.chart.source.ChartFiles;
import dev.capstan.core.semver.RangeDialect;
import dev.capstan.core.semver.SemVer;
import dev.capstan.core.semver.SemVerRange;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The chart archives directly under a chart's {@code charts/} folder ({@code charts/redis-1.2.3.tgz}),
 * unpacked once per load. As in Helm, an archive is matched to a Chart.yaml dependency by the name in
 * its own Chart.yaml (not by its file name) and by the dependency's version range; archives no
 * dependency claims are loaded as subcharts too.
 */
final class SubchartArchives {
  /** One unpacked archive: its file name under {@code charts/}, its files, name and version. */
  record Archive(String file, ChartFiles files, String name, String version) {}

  private final List<Archive> archives;
  private final List<Archive> unclaimed;

  private SubchartArchives(List<Archive> archives) {
    this.archives = archives;
    this.unclaimed = new ArrayList<>(archives);
  }

  static SubchartArchives of(ChartFiles files, String displayPath, ArchiveBudget budget) {
    List<Archive> out = new ArrayList<>();
    for (String path : files.list()) {
      if (path.startsWith("charts/") && path.endsWith(".tgz") && path.indexOf('/', "charts/".length()) < 0) {
        String where = displayPath + "/" + path;
        ChartFiles unpacked = ChartArchiveReader.read(files.read(path), where, budget);
        if (!unpacked.exists("Chart.yaml")) {
          throw new ChartException(where, "the chart archive has no Chart.yaml in its folder");
        }
        ChartMetadata meta = MetadataReader.read(new String(unpacked.read("Chart.yaml"), StandardCharsets.UTF_8),
            where + ": Chart.yaml").metadata();
        out.add(new Archive(path, unpacked, meta.name(), meta.version()));
      }
    }
    return new SubchartArchives(out);
  }

  /**
   * The archive of chart {@code name} whose version {@code range} admits (the highest such), taken
   * out of the unclaimed ones; empty when there is no archive of that chart at all. An archive of
   * the chart that the range refuses is an error naming both.
   */
  Optional<Archive> claim(String name, String range, String where) {
    List<Archive> named = archives.stream().filter(a -> a.name().equals(name)).toList();
    if (named.isEmpty()) {
      return Optional.empty();
    }
    SemVerRange wanted = range == null || range.isBlank() ? null : SemVerRange.parse(range, RangeDialect.HELM);
    Optional<Archive> best = named.stream()
        .filter(a -> wanted == null || wanted.matches(SemVer.parseLoose(a.version()).orElseThrow()))
        .max(Comparator.comparing(a -> SemVer.parseLoose(a.version()).orElseThrow()));
    if (best.isEmpty()) {
      throw new ChartException(where, "dependency \"" + name + "\" wants version " + range + " but charts/"
          + named.get(0).file().substring("charts/".length()) + " is " + named.get(0).version());
    }
    unclaimed.remove(best.get());
    return best;
  }

  /** Whether some archive holds chart {@code name}. */
  boolean has(String name) {
    return archives.stream().anyMatch(a -> a.name().equals(name));
  }

  /** The archives no dependency claimed, in file-name order. */
  List<Archive> unclaimed() {
    return List.copyOf(unclaimed);
  }
}
