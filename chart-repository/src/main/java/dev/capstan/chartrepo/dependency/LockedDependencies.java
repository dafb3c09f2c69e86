package dev.capstan.chartrepo.dependency;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.capstan.chart.source.ChartException;
import dev.capstan.chart.source.ChartFiles;
import dev.capstan.chartrepo.ChartFetcher;
import dev.capstan.chartrepo.http.Credentials;
import dev.capstan.chartrepo.lock.ChartLock;
import dev.capstan.chartrepo.lock.ChartLockFile;
import dev.capstan.chartrepo.lock.LockDigest;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * For a chart kept in Git with only its {@code Chart.lock} (no {@code charts/*.tgz} committed): the
 * chart's files plus each locked {@code https://} or {@code oci://} dependency as
 * {@code charts/NAME-VERSION.tgz}, fetched through the {@link ChartFetcher}'s cache (so an agent with
 * many Applications downloads each locked chart once). Nothing is written to disk. The lock must match
 * Chart.yaml (Helm's digest), as for {@code dependency build}; a chart without a lock, or whose
 * {@code charts/} already holds a dependency, is returned as it is.
 */
public final class LockedDependencies {
  private static final YAMLMapper YAML = new YAMLMapper();

  private final ChartFetcher fetcher;
  private final Function<String, Credentials> credentials;

  public LockedDependencies(ChartFetcher fetcher, Function<String, Credentials> credentials) {
    this.fetcher = fetcher;
    this.credentials = credentials;
  }

  /** {@code files} with the locked archives it lacks; {@code displayName} names the chart in errors. */
  public ChartFiles complete(ChartFiles files, String displayName) {
    if (!files.exists("Chart.lock")) {
      return files;
    }
    ChartLock lock = ChartLockFile.parse(files.read("Chart.lock"), displayName + "/Chart.lock");
    JsonNode requirements;
    try {
      JsonNode root = YAML.readTree(files.read("Chart.yaml"));
      requirements = root == null || !root.path("dependencies").isArray() ? YAML.createArrayNode() : root.path("dependencies");
    } catch (IOException e) {
      throw new ChartException(displayName + "/Chart.yaml", "invalid YAML: " + e.getMessage(), e);
    }
    LockDigest.requireInSync(requirements, lock, displayName + "/Chart.lock");
    Map<String, byte[]> added = new TreeMap<>();
    for (ChartLock.Locked l : lock.dependencies()) {
      String repo = l.repository();
      boolean remote = repo.startsWith("https://") || repo.startsWith("http://") || repo.startsWith("oci://");
      String archive = "charts/" + l.name() + "-" + l.version() + ".tgz";
      if (!remote || files.exists(archive) || files.exists("charts/" + l.name() + "/Chart.yaml")) {
        continue;
      }
      String where = displayName + "/Chart.lock: dependency \"" + l.name() + "\"";
      added.put(archive, fetcher.fetch(DependencySources.of(l.name(), l.version(), repo, credentials, where)).archive());
    }
    return added.isEmpty() ? files : new Overlay(files, added);
  }

  /** The chart's own files plus fetched archives; {@code file://} siblings still resolve through the chart's source. */
  private static final class Overlay implements ChartFiles {
    private final ChartFiles base;
    private final Map<String, byte[]> extra;

    Overlay(ChartFiles base, Map<String, byte[]> extra) {
      this.base = base;
      this.extra = extra;
    }

    @Override
    public List<String> list() {
      TreeSet<String> all = new TreeSet<>(base.list());
      all.addAll(extra.keySet());
      return new ArrayList<>(all);
    }

    @Override
    public byte[] read(String path) {
      byte[] bytes = extra.get(path);
      return bytes != null ? bytes.clone() : base.read(path);
    }

    @Override
    public boolean exists(String path) {
      return extra.containsKey(path) || base.exists(path);
    }

    @Override
    public ChartFiles sibling(String relativePath) {
      return base.sibling(relativePath);
    }
  }
}
