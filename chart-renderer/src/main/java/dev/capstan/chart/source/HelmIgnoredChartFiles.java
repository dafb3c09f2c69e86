package dev.capstan.chart.source;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A chart's files as Helm loads them: without what its {@code .helmignore} (and Helm's default rule)
 * excludes. A directory a rule ignores takes everything under it along, as Helm's walk skips it.
 * Subtrees ({@code charts/<sub>}) see the same filtered list, so the top chart's rules apply to its
 * embedded subcharts by their full path and a subchart's own {@code .helmignore} does not, as in Helm.
 */
final class HelmIgnoredChartFiles implements ChartFiles {
  private final ChartFiles files;
  private final List<String> kept;

  private HelmIgnoredChartFiles(ChartFiles files, List<String> kept) {
    this.files = files;
    this.kept = kept;
  }

  static ChartFiles of(ChartFiles files, String displayPath) {
    HelmIgnore rules = files.exists(HelmIgnore.FILE)
        ? HelmIgnore.parse(new String(files.read(HelmIgnore.FILE), StandardCharsets.UTF_8),
            displayPath + "/" + HelmIgnore.FILE)
        : HelmIgnore.defaults();
    Map<String, Boolean> ignoredDirectories = new HashMap<>();
    List<String> kept = new ArrayList<>();
    for (String path : files.list()) {
      if (!underIgnoredDirectory(path, rules, ignoredDirectories) && !rules.ignores(path, false)) {
        kept.add(path);
      }
    }
    Collections.sort(kept);
    return new HelmIgnoredChartFiles(files, List.copyOf(kept));
  }

  private static boolean underIgnoredDirectory(String path, HelmIgnore rules, Map<String, Boolean> memo) {
    for (int slash = path.indexOf('/'); slash > 0; slash = path.indexOf('/', slash + 1)) {
      if (memo.computeIfAbsent(path.substring(0, slash), dir -> rules.ignores(dir, true))) {
        return true;
      }
    }
    return false;
  }

  @Override
  public List<String> list() {
    return kept;
  }

  @Override
  public boolean exists(String path) {
    return Collections.binarySearch(kept, ChartPaths.check(path)) >= 0;
  }

  @Override
  public byte[] read(String path) {
    if (!exists(path)) {
      throw new ChartException(path, "no such file in the chart");
    }
    return files.read(path);
  }

  /** The sibling chart unfiltered: the loader applies that chart's own {@code .helmignore}. */
  @Override
  public ChartFiles sibling(String relativePath) {
    return files.sibling(relativePath);
  }
}
