package dev.capstan.agent.preview;

import dev.capstan.agent.application.Application;
import dev.capstan.agent.application.ApplicationException;
import dev.capstan.agent.application.ApplicationStatus;
import dev.capstan.agent.application.ApplicationStatus.HistoryEntry;
import dev.capstan.agent.application.Source;
import dev.capstan.agent.sync.AgentContext;
import dev.capstan.agent.sync.AppInputs;
import dev.capstan.agent.sync.ChartRenderer;
import dev.capstan.agent.sync.PassRevision;
import dev.capstan.chart.Chart;
import dev.capstan.chartrepo.ResolvedChart;
import dev.capstan.chartrepo.cache.Digest;
import dev.capstan.engine.history.RevisionStatus;
import dev.capstan.git.fetch.GitRevision;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * What a preview renders from: the sources the pull request changes at its head, every other source
 * at the revision deployed now (the release history's deployed revision in the Application's status:
 * each named source's commit, the chart version and digest of a chart from a repository or registry,
 * the deployed folder's commit), and {@code valuesFrom} read as a sync reads it. A chart from a
 * repository or registry is loaded through the sync's {@link dev.capstan.agent.sync.ChartSources}:
 * the same chart cache and credentials, and its provenance checked when the source asks for it.
 */
final class PreviewInputs {
  private PreviewInputs() {}

  /**
   * @param heads the pull request's head, by {@link MatchedSource#name()}, for the sources it changes
   * @throws dev.capstan.core.CapstanException naming the source when one cannot be read, or when an
   *     unchanged source has no deployed revision to stand for it yet
   */
  static AppInputs read(AgentContext ctx, Application app, Map<String, GitRevision> heads, PullRequestSources sources) {
    Source deployed = app.getSpec().deployedSource();
    Optional<HistoryEntry> live = deployedEntry(app.getStatus());
    PassRevision revision;
    if (heads.containsKey(MatchedSource.DEPLOYED)) {
      revision = PassRevision.of(heads.get(MatchedSource.DEPLOYED));
    } else {
      String id = live.map(e -> deployedRevision(app, e)).orElseThrow(() -> notDeployed(app, "source"));
      revision = deployed.isChartSource() ? chartRevision(app, deployed, id) : PassRevision.of(sources.at(app, deployed, id));
    }
    Map<String, GitRevision> references = new LinkedHashMap<>();
    app.getSpec().referenceSources().forEach((name, source) -> {
      if (heads.containsKey(name)) {
        references.put(name, heads.get(name));
        return;
      }
      String sha = live.map(e -> e.sourceRevisions() == null ? null : e.sourceRevisions().get(name))
          .orElseThrow(() -> notDeployed(app, "source " + name));
      references.put(name, sources.at(app, source, sha));
    });
    Supplier<Chart> chart = revision.chart() == null ? null : () -> ctx.charts().load(app, deployed, revision.chart());
    AppInputs.Dependencies dependencies = revision.chart() != null ? AppInputs.Dependencies.NONE
        : (files, name) -> ctx.charts().withLockedDependencies(app, deployed, files, name);
    return new AppInputs(revision, references, ctx.valuesFrom().read(app), chart, dependencies);
  }

  /** The newest revision of the history that is deployed now; empty before the first sync. */
  static Optional<HistoryEntry> deployedEntry(ApplicationStatus status) {
    if (status == null || status.history() == null) {
      return Optional.empty();
    }
    return status.history().stream().filter(e -> RevisionStatus.DEPLOYED.label().equals(e.status()))
        .max(Comparator.comparingInt(HistoryEntry::revision));
  }

  /** The deployed source's revision as history records it: by its name among several sources, else the Git commit. */
  private static String deployedRevision(Application app, HistoryEntry entry) {
    String byName = entry.sourceRevisions() == null ? null : entry.sourceRevisions().get(ChartRenderer.deployedName(app));
    return byName != null ? byName : entry.gitRevision();
  }

  /** A chart version as history records it ({@code VERSION@sha256:…}, or the bare version when the repository publishes no digest). */
  static PassRevision chartRevision(Application app, Source source, String id) {
    int at = id.indexOf('@');
    String version = at < 0 ? id : id.substring(0, at);
    Optional<Digest> digest = at < 0 ? Optional.empty() : Digest.parse(id.substring(at + 1));
    return PassRevision.of(new ResolvedChart(chartName(source), version, digest));
  }

  /** The chart's name: {@code chart} for a Helm repository, the repository's last segment for an OCI registry. */
  private static String chartName(Source source) {
    if (source.chart() != null && !source.chart().isBlank()) {
      return source.chart();
    }
    String url = source.repoURL().strip().replaceAll("/+$", "");
    return url.substring(url.lastIndexOf('/') + 1);
  }

  private static ApplicationException notDeployed(Application app, String which) {
    return new ApplicationException(which, "has no deployed revision yet (the Application has not synced); "
        + "a preview renders the sources the pull request does not change as they are deployed");
  }
}
