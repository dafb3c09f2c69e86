package dev.capstan.agent.sync;

import dev.capstan.agent.application.Application;
import dev.capstan.chart.lint.LintReport;
import dev.capstan.engine.history.ReleaseStore;
import dev.capstan.git.cache.RepositoryCache;
import dev.capstan.git.fetch.GitRevision;
import dev.capstan.git.read.FolderReader;
import dev.capstan.release.ReleaseLint;
import java.util.List;

/**
 * Lints the chart an Application names, read from the Git cache at the revision, with the
 * Application's values and as its release's next revision, exactly as {@link ChartRenderer} reads it
 * for a render; the checks are {@code capstan lint}'s ({@link ReleaseLint}). Findings name files from
 * the repository's root ({@code apps/web/templates/deployment.yaml:14}).
 */
public final class ChartLinter implements AppLinter {
  private final AppChart charts;
  private final ReleaseLint lint;
  private final ReleaseStore store;

  public ChartLinter(RepositoryCache cache, FolderReader reader, SourceSecrets secrets, ReleaseLint lint, ReleaseStore store) {
    this.charts = new AppChart(cache, reader, secrets);
    this.lint = lint;
    this.store = store;
  }

  /** A folder of plain manifests is no chart and has nothing for lint: its objects meet the API server's dry run. */
  @Override
  public LintReport lint(Application app, GitRevision revision) {
    return lint(app, AppInputs.of(revision));
  }

  /** With every source's revision: a chart from a repository or registry is linted as loaded, its findings named from the chart's root. */
  @Override
  public LintReport lint(Application app, AppInputs inputs) {
    if (inputs.chart() != null) {
      return lint.lint(store, charts.repositoryChartInput(app, inputs, inputs.chart().get()), "");
    }
    SnapshotChartFiles files = charts.files(app, inputs.revision().git());
    if (AppChart.isManifests(app, files)) {
      return new LintReport(List.of());
    }
    String path = app.getSpec().deployedSource().path();
    String folder = path == null ? "" : path.replaceAll("^/+|/+$", "");
    return lint.lint(store, charts.chartInput(app, inputs, files), folder);
  }
}
