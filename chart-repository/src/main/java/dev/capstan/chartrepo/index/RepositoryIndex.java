package dev.capstan.chartrepo.index;

import dev.capstan.chartrepo.http.SourceException;
import dev.capstan.core.semver.InvalidRangeException;
import dev.capstan.core.semver.RangeDialect;
import dev.capstan.core.semver.SemVerRange;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A parsed {@code index.yaml}: every chart's versions, newest first. {@link #resolve} is Helm's
 * rule: the highest version the range admits ({@code ""} or {@code *} means the newest release, no
 * pre-releases unless the range names one), skipping entries without a download URL.
 */
public record RepositoryIndex(String where, Map<String, List<IndexEntry>> entries) {
  private static final Comparator<IndexEntry> NEWEST_FIRST = Comparator.comparing(IndexEntry::semver).reversed();

  public RepositoryIndex {
    entries = Map.copyOf(entries);
  }

  /** The versions of {@code chart}, newest first (empty when the repository has no such chart). */
  public List<IndexEntry> versions(String chart) {
    return entries.getOrDefault(chart, List.of()).stream().sorted(NEWEST_FIRST).toList();
  }

  /** The newest version of {@code chart} that {@code range} admits, or a one-line error saying why not. */
  public IndexEntry resolve(String chart, String range) {
    List<IndexEntry> versions = versions(chart);
    if (versions.isEmpty()) {
      throw new SourceException(where, SourceException.Reason.NOT_FOUND, "chart \"" + chart + "\" not found in the repository");
    }
    SemVerRange wanted = parseRange(range, where);
    Optional<IndexEntry> best = versions.stream().filter(e -> !e.urls().isEmpty())
        .filter(e -> wanted.matches(e.semver())).findFirst();
    return best.orElseThrow(() -> new SourceException(where, SourceException.Reason.NO_MATCHING_VERSION,
        "no version of chart \"" + chart + "\" matches " + describe(range) + " (newest: " + versions.get(0).version() + ")"));
  }

  static SemVerRange parseRange(String range, String where) {
    String r = range == null || range.isBlank() ? "*" : range;
    try {
      return SemVerRange.parse(r, RangeDialect.HELM_CHART_VERSIONS);
    } catch (InvalidRangeException e) {
      throw new SourceException(where, SourceException.Reason.NO_MATCHING_VERSION,
          "--version \"" + range + "\" is not a version or range: " + e.getMessage(), e);
    }
  }

  private static String describe(String range) {
    return range == null || range.isBlank() ? "any release" : "\"" + range + "\"";
  }
}
