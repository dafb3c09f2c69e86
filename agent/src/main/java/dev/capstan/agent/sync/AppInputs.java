package dev.capstan.agent.sync;

import dev.capstan.chart.Chart;
import dev.capstan.chart.source.ChartFiles;
import dev.capstan.chart.values.ValuesDocument;
import dev.capstan.git.fetch.GitRevision;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * What one pass read for an application besides its spec: what the deployed source resolved to (a
 * commit, or a chart version), the commit of each named source that provides values files, and the
 * values documents read from ConfigMaps and Secrets ({@code valuesFrom}).
 *
 * @param revision the deployed source's revision
 * @param references the named sources' commits, by name, in spec order
 * @param valuesFrom values documents from objects, in spec order
 * @param chart for a chart from a repository or registry, loads it (only a pass that renders asks);
 *     null for a Git source
 * @param dependencies completes a chart read from Git with the dependencies its Chart.lock names
 *     and its {@code charts/} lacks
 *
 * <p>The chart as these inputs render it is read once: whoever asks again (a preview's linter after its
 * renderer) gets the same chart, fetched dependencies included, not a second fetch.
 */
public record AppInputs(PassRevision revision, Map<String, GitRevision> references, List<ValuesDocument> valuesFrom,
    Supplier<Chart> chart, Dependencies dependencies) {
  /** Adds a Git chart's locked dependencies ({@link ChartSources#withLockedDependencies}); {@code chart} names it in errors. */
  @FunctionalInterface
  public interface Dependencies {
    /** Leaves the chart as it is. */
    Dependencies NONE = (files, chart) -> files;

    ChartFiles complete(ChartFiles files, String chart);
  }

  public AppInputs {
    references = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(references));
    valuesFrom = List.copyOf(valuesFrom);
    if (dependencies == null) {
      dependencies = Dependencies.NONE;
    } else if (dependencies != Dependencies.NONE && !(dependencies instanceof OnceDependencies)) {
      dependencies = new OnceDependencies(dependencies);
    }
    chart = chart == null ? null : once(chart);
  }

  /** The chart loaded on the first request and kept for these inputs' later ones. */
  private static Supplier<Chart> once(Supplier<Chart> load) {
    AtomicReference<Chart> loaded = new AtomicReference<>();
    return () -> {
      synchronized (loaded) {
        if (loaded.get() == null) {
          loaded.set(load.get());
        }
        return loaded.get();
      }
    };
  }

  /**
   * Completes each chart once: within one {@link AppInputs} every source is at one revision, so a chart
   * with the same name, Chart.yaml and Chart.lock is the same chart. A chart without a lock is returned
   * as it is (there is nothing to fetch).
   */
  private static final class OnceDependencies implements Dependencies {
    private final Dependencies complete;
    private final Map<String, ChartFiles> completed = new ConcurrentHashMap<>();

    OnceDependencies(Dependencies complete) {
      this.complete = complete;
    }

    @Override
    public ChartFiles complete(ChartFiles files, String chart) {
      if (!files.exists("Chart.lock")) {
        return complete.complete(files, chart);
      }
      String key = chart + "\0" + new String(files.read("Chart.lock"), StandardCharsets.UTF_8) + "\0"
          + (files.exists("Chart.yaml") ? new String(files.read("Chart.yaml"), StandardCharsets.UTF_8) : "");
      return completed.computeIfAbsent(key, k -> complete.complete(files, chart));
    }
  }

  /** Inputs whose Git chart is taken as it is. */
  public AppInputs(PassRevision revision, Map<String, GitRevision> references, List<ValuesDocument> valuesFrom, Supplier<Chart> chart) {
    this(revision, references, valuesFrom, chart, Dependencies.NONE);
  }

  /** An application with one Git source and nothing read from objects. */
  public static AppInputs of(GitRevision revision) {
    return new AppInputs(PassRevision.of(revision), Map.of(), List.of(), null);
  }

  /**
   * A digest of everything here but the deployed commit: a different one means the values changed
   * though the chart's folder did not, so the next pass renders again. Secret values go in only as
   * part of the digest.
   */
  String extrasKey() {
    if (references.isEmpty() && valuesFrom.isEmpty()) {
      return "";
    }
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      references.forEach((name, r) -> sha.update((name + "=" + r.sha() + "\n").getBytes(StandardCharsets.UTF_8)));
      for (ValuesDocument doc : valuesFrom) {
        sha.update((doc.name() + "\n" + doc.text() + "\n").getBytes(StandardCharsets.UTF_8));
      }
      return "+" + HexFormat.of().formatHex(sha.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * Every source's revision by name as the release history records it, when there is more than one
   * source or the chart comes from a repository: the deployed one under {@code deployedName}; empty
   * for a single Git source, whose commit is the history's {@code gitCommit}.
   */
  Map<String, String> sourceRevisions(String deployedName) {
    if (references.isEmpty() && revision.isGitCommit()) {
      return Map.of();
    }
    Map<String, String> out = new LinkedHashMap<>();
    out.put(deployedName, revision.id());
    references.forEach((name, r) -> out.put(name, r.sha()));
    return out;
  }
}
