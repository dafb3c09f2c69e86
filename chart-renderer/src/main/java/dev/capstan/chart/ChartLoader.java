package dev.capstan.chart;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.capstan.chart.archive.ArchiveBudget;
import dev.capstan.chart.archive.ArchiveLimits;
import dev.capstan.chart.archive.ChartArchiveReader;
import dev.capstan.chart.source.ChartException;
import dev.capstan.chart.source.ChartFiles;
import dev.capstan.chart.values.ValuesYaml;
import dev.capstan.core.semver.RangeDialect;
import dev.capstan.core.semver.SemVer;
import dev.capstan.core.semver.SemVerRange;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Reads a chart and its dependencies into a {@link Chart}. Every problem is a
 * {@link ChartException} naming the file ({@code mychart/Chart.yaml:4}) and what is wrong.
 *
 * <p>Dependencies come from Chart.yaml ({@code repository: file://../other}, or none: then
 * {@code charts/<name>}) and from any other folder under {@code charts/}, which Helm also loads.
 * Charts are never downloaded: vendor remote dependencies into {@code charts/}.
 */
public final class ChartLoader {
  private static final int MAX_NESTING = 16;

  private ChartLoader() {}

  /**
   * Loads the chart in {@code dir}, or in the chart archive {@code dir} names when it is a file;
   * errors name files as {@code <dir name>/...}.
   */
  public static Chart load(Path dir) {
    if (Files.isRegularFile(dir)) {
      return loadArchive(dir, ArchiveLimits.defaults());
    }
    Path name = dir.toAbsolutePath().normalize().getFileName();
    return load(ChartFiles.of(dir), name == null ? dir.toString() : name.toString());
  }

  /** Loads the chart archive ({@code .tgz}) at {@code file} within {@code limits}. */
  public static Chart loadArchive(Path file, ArchiveLimits limits) {
    ArchiveBudget budget = ArchiveBudget.of(limits);
    ChartFiles files;
    try (InputStream in = Files.newInputStream(file)) {
      files = ChartArchiveReader.read(in, file.toString(), budget);
    } catch (IOException e) {
      throw new ChartException(file.toString(), "cannot read the chart archive: " + e.getMessage(), e);
    }
    return load(files.withoutIgnored(file.getFileName().toString()), file.toString(), null, 0, budget);
  }

  /** Loads a chart archive held in memory (downloaded from a repository or registry). */
  public static Chart loadArchive(byte[] tgz, String displayName, ArchiveLimits limits) {
    ArchiveBudget budget = ArchiveBudget.of(limits);
    ChartFiles files = ChartArchiveReader.read(tgz, displayName, budget);
    return load(files.withoutIgnored(displayName), displayName, null, 0, budget);
  }

  /**
   * Loads a chart from any file source; {@code displayName} prefixes file names in errors. Files the
   * chart's {@code .helmignore} excludes are not loaded, as in Helm.
   */
  public static Chart load(ChartFiles files, String displayName) {
    return load(files.withoutIgnored(displayName), displayName, null, 0, ArchiveBudget.of(ArchiveLimits.defaults()));
  }

  private static Chart load(ChartFiles files, String displayPath, Dependency entry, int depth, ArchiveBudget budget) {
    if (depth > MAX_NESTING) {
      throw new ChartException(displayPath, "dependencies nest deeper than " + MAX_NESTING + " levels (a cycle?)");
    }
    if (!files.exists("Chart.yaml")) {
      throw new ChartException(displayPath + "/Chart.yaml", "missing: a chart needs a Chart.yaml");
    }
    MetadataReader.Read chartYaml = MetadataReader.read(text(files, "Chart.yaml"), displayPath + "/Chart.yaml");
    ChartMetadata metadata = chartYaml.metadata();
    if (entry != null && entry.alias() != null && !entry.alias().isEmpty()) {
      metadata = metadata.withName(entry.alias());
    }
    // Output and errors name files by chart name, as Helm does, whatever the folder is called.
    displayPath = entry == null ? metadata.name() : displayPath;
    Map<String, Object> defaults = readValues(files, displayPath);
    String schema = files.exists("values.schema.json") ? text(files, "values.schema.json") : null;
    SortedMap<String, String> templates = new TreeMap<>();
    for (String path : files.list()) {
      if (path.startsWith("templates/")) {
        templates.put(path, text(files, path));
      }
    }
    List<Chart> dependencies = new ArrayList<>();
    Set<String> loadedFolders = new LinkedHashSet<>();
    SubchartArchives archives = SubchartArchives.of(files, displayPath, budget);
    for (int i = 0; i < metadata.dependencies().size(); i++) {
      Dependency dep = metadata.dependencies().get(i);
      String range = chartYaml.dependencyVersions().get(i);
      String depPath = displayPath + "/charts/" + dep.scopeName();
      ChartFiles depFiles = dependencyFiles(files, dep, range, displayPath, loadedFolders, archives);
      Chart loaded = load(depFiles, depPath, dep, depth + 1, budget);
      checkVersion(dep, range, loaded, displayPath + "/Chart.yaml");
      dependencies.add(loaded);
    }
    for (String folder : chartFolders(files)) {
      if (!loadedFolders.contains(folder)) {
        Dependency implicit = new Dependency(folder, null, null, List.of(), null);
        dependencies.add(load(files.subtree("charts/" + folder), displayPath + "/charts/" + folder, implicit, depth + 1,
            budget));
      }
    }
    for (SubchartArchives.Archive archive : archives.unclaimed()) {
      Dependency implicit = new Dependency(archive.name(), null, null, List.of(), null);
      dependencies.add(load(archive.files().withoutIgnored(displayPath + "/" + archive.file()),
          displayPath + "/charts/" + archive.name(), implicit, depth + 1, budget));
    }
    return new Chart(metadata, displayPath, entry, defaults, schema, Collections.unmodifiableSortedMap(templates),
        files, dependencies);
  }

  /** A dependency's {@code version} range must admit the chart found (Helm silently ignores the entry instead). */
  private static void checkVersion(Dependency dep, String range, Chart loaded, String where) {
    if (range != null && !range.isBlank()) {
      SemVer found = SemVer.parseLoose(loaded.metadata().version()).orElseThrow();
      if (!SemVerRange.parse(range, RangeDialect.HELM).matches(found)) {
        throw new ChartException(where, "dependency \"" + dep.name() + "\" wants version " + range + " but "
            + loaded.path() + " is " + found);
      }
    }
  }

  private static ChartFiles dependencyFiles(ChartFiles files, Dependency dep, String range, String displayPath,
      Set<String> loadedFolders, SubchartArchives archives) {
    String repo = dep.repository() == null ? "" : dep.repository();
    if (repo.startsWith("file://") && archives.has(dep.name())) {
      // As in Helm, what charts/ holds wins: a packaged chart carries its file:// dependencies as archives.
      loadedFolders.add(dep.name());
      return archives.claim(dep.name(), range, displayPath + "/Chart.yaml").orElseThrow()
          .files().withoutIgnored(displayPath + "/charts/" + dep.scopeName());
    }
    if (repo.startsWith("file://")) {
      String target = Path.of(repo.substring("file://".length())).normalize().toString().replace('\\', '/');
      if (target.startsWith("charts/") && target.indexOf('/', "charts/".length()) < 0) {
        // file://charts/x names the folder the chart already vendors: not a second, implicit dependency.
        loadedFolders.add(target.substring("charts/".length()));
      }
      // Helm packages a file:// dependency before using it, so that chart's own .helmignore applies.
      return files.sibling(repo.substring("file://".length()))
          .withoutIgnored(displayPath + "/charts/" + dep.scopeName());
    }
    if (!chartFolders(files).contains(dep.name())) {
      String where = displayPath + "/Chart.yaml";
      return archives.claim(dep.name(), range, where)
          .map(a -> a.files().withoutIgnored(displayPath + "/" + a.file()))
          .orElseThrow(() -> new ChartException(where, "dependency \"" + dep.name() + "\" not found in charts/"
              + dep.name() + " (nor a charts/*.tgz archive of that chart)"
              + (repo.isEmpty() ? "" : "; run capstan dependency update to download it from " + repo)));
    }
    loadedFolders.add(dep.name());
    return files.subtree("charts/" + dep.name());
  }

  /** The folders directly under charts/ that hold a Chart.yaml. */
  private static Set<String> chartFolders(ChartFiles files) {
    Set<String> out = new TreeSet<>();
    for (String path : files.list()) {
      if (path.startsWith("charts/") && path.endsWith("/Chart.yaml")) {
        String rest = path.substring("charts/".length());
        if (rest.indexOf('/') == rest.length() - "/Chart.yaml".length()) {
          out.add(rest.substring(0, rest.indexOf('/')));
        }
      }
    }
    return out;
  }

  private static Map<String, Object> readValues(ChartFiles files, String displayPath) {
    if (!files.exists("values.yaml")) {
      return new LinkedHashMap<>();
    }
    return ValuesYaml.read(displayPath + "/values.yaml", text(files, "values.yaml"));
  }

  static String location(JsonProcessingException e) {
    return e.getLocation() == null || e.getLocation().getLineNr() < 1 ? ""
        : ":" + e.getLocation().getLineNr() + ":" + e.getLocation().getColumnNr();
  }

  private static String text(ChartFiles files, String path) {
    return new String(files.read(path), StandardCharsets.UTF_8);
  }
}
