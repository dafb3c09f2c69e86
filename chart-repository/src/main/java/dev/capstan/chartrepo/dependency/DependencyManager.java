package dev.capstan.chartrepo.dependency;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.capstan.chart.Chart;
import dev.capstan.chart.ChartLoader;
import dev.capstan.chart.ChartPackager;
import dev.capstan.chart.source.ChartException;
import dev.capstan.chartrepo.ChartFetcher;
import dev.capstan.chartrepo.FetchedChart;
import dev.capstan.chartrepo.http.Credentials;
import dev.capstan.chartrepo.lock.ChartLock;
import dev.capstan.chartrepo.lock.ChartLockFile;
import dev.capstan.chartrepo.lock.LockDigest;
import dev.capstan.core.semver.RangeDialect;
import dev.capstan.core.semver.SemVer;
import dev.capstan.core.semver.SemVerRange;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * {@code helm dependency update} and {@code build}. {@link #update} resolves Chart.yaml's
 * {@code dependencies} against their repositories ({@code https://} index, {@code oci://} registry,
 * {@code file://} folder; none: the folder under {@code charts/}), writes each as
 * {@code charts/NAME-VERSION.tgz}, removes other archives from {@code charts/}, and writes
 * {@code Chart.lock} when what it locks changed. {@link #build} downloads exactly what
 * {@code Chart.lock} names, after checking the lock still matches Chart.yaml (Helm's digest); with no
 * lock it updates. Every archive is verified on download (index digest or OCI manifest).
 */
public final class DependencyManager {
  /** One dependency written to {@code charts/}. */
  public record Saved(String name, String version, String repository, Path archive) {}

  /** What a run did: the lock in force, whether Chart.lock was (re)written, the archives saved and removed. */
  public record Result(ChartLock lock, boolean lockWritten, List<Saved> saved, List<Path> removed) {}

  private static final YAMLMapper YAML = new YAMLMapper();

  private final ChartFetcher fetcher;
  private final Function<String, Credentials> credentials;
  private final Clock clock;

  /** {@code credentials} gives the credentials for a repository URL ({@link Credentials#NONE} for none). */
  public DependencyManager(ChartFetcher fetcher, Function<String, Credentials> credentials, Clock clock) {
    this.fetcher = fetcher;
    this.credentials = credentials;
    this.clock = clock;
  }

  public Result update(Path chartDir) {
    JsonNode requirements = requirements(chartDir);
    List<ChartLock.Locked> locked = new ArrayList<>();
    List<Saved> saved = new ArrayList<>();
    for (JsonNode req : requirements) {
      String name = req.path("name").asText("");
      String range = req.path("version").asText("");
      String repo = req.path("repository").asText("");
      if (repo.isEmpty()) {
        requireFolder(chartDir, name);
        locked.add(new ChartLock.Locked(name, "", range));
        continue;
      }
      Saved s = save(chartDir, name, range, repo, false);
      saved.add(s);
      locked.add(new ChartLock.Locked(name, repo, s.version()));
    }
    List<Path> removed = removeOthers(chartDir, saved);
    ChartLock lock = new ChartLock(locked, LockDigest.of(requirements, locked), clock.instant().toString());
    Optional<ChartLock> old = ChartLockFile.read(chartDir);
    boolean changed = old.isEmpty() || !old.get().digest().equals(lock.digest());
    if (changed) {
      ChartLockFile.write(chartDir, lock);
    }
    return new Result(changed ? lock : old.get(), changed, saved, removed);
  }

  public Result build(Path chartDir) {
    Optional<ChartLock> read = ChartLockFile.read(chartDir);
    if (read.isEmpty()) {
      return update(chartDir);
    }
    ChartLock lock = read.get();
    JsonNode requirements = requirements(chartDir);
    LockDigest.requireInSync(requirements, lock, chartDir.resolve("Chart.lock").toString());
    List<Saved> saved = new ArrayList<>();
    for (ChartLock.Locked l : lock.dependencies()) {
      if (l.repository().isEmpty()) {
        requireFolder(chartDir, l.name());
        continue;
      }
      saved.add(save(chartDir, l.name(), l.version(), l.repository(), true));
    }
    return new Result(lock, false, saved, removeOthers(chartDir, saved));
  }

  private Saved save(Path chartDir, String name, String version, String repo, boolean exact) {
    String where = chartDir.resolve("Chart.yaml") + ": dependency \"" + name + "\"";
    byte[] archive;
    String resolved;
    if (repo.startsWith("file://")) {
      Path dir = chartDir.resolve(repo.substring("file://".length())).normalize();
      Chart chart = ChartLoader.load(dir);
      resolved = chart.metadata().version();
      if (!version.isEmpty() && !SemVerRange.parse(version, exact ? RangeDialect.HELM_CHART_VERSIONS : RangeDialect.HELM)
          .matches(SemVer.parseLoose(resolved).orElseThrow())) {
        throw new ChartException(where, repo + " is version " + resolved + ", not " + version);
      }
      archive = ChartPackager.pack(dir).archive();
    } else {
      FetchedChart fetched = fetcher.fetch(DependencySources.of(name, version, repo, credentials, where));
      resolved = fetched.resolved().version();
      archive = fetched.archive();
    }
    Path target = chartDir.resolve("charts").resolve(name + "-" + resolved + ".tgz");
    try {
      Files.createDirectories(target.getParent());
      Files.write(target, archive);
    } catch (IOException e) {
      throw new ChartException(target.toString(), "cannot write: " + e.getMessage(), e);
    }
    return new Saved(name, resolved, repo, target);
  }

  private static void requireFolder(Path chartDir, String name) {
    if (!Files.isRegularFile(chartDir.resolve("charts").resolve(name).resolve("Chart.yaml"))) {
      throw new ChartException(chartDir.resolve("Chart.yaml") + ": dependency \"" + name + "\"",
          "has no repository and charts/" + name + " is not a chart folder");
    }
  }

  /** Removes the archives under charts/ that this run did not write, as Helm deletes outdated charts. */
  private static List<Path> removeOthers(Path chartDir, List<Saved> saved) {
    Set<Path> keep = new HashSet<>();
    saved.forEach(s -> keep.add(s.archive().normalize()));
    List<Path> removed = new ArrayList<>();
    Path charts = chartDir.resolve("charts");
    if (!Files.isDirectory(charts)) {
      return removed;
    }
    try (Stream<Path> files = Files.list(charts)) {
      for (Path p : files.filter(p -> p.getFileName().toString().endsWith(".tgz")).sorted().toList()) {
        if (!keep.contains(p.normalize())) {
          Files.delete(p);
          removed.add(p);
        }
      }
    } catch (IOException e) {
      throw new ChartException(charts.toString(), "cannot clean up: " + e.getMessage(), e);
    }
    return removed;
  }

  private static JsonNode requirements(Path chartDir) {
    Path file = chartDir.resolve("Chart.yaml");
    try {
      JsonNode root = YAML.readTree(Files.readAllBytes(file));
      JsonNode deps = root == null ? null : root.path("dependencies");
      return deps == null || !deps.isArray() ? YAML.createArrayNode() : deps;
    } catch (IOException e) {
      throw new ChartException(file.toString(), "cannot read: " + e.getMessage(), e);
    }
  }
}
