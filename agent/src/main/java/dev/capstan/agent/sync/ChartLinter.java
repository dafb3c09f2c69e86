package dev.capstan.agent.sync;

import dev.capstan.agent.application.Application;
import dev.capstan.chart.lint.LintReport;
import dev.capstan.engine.history.ReleaseRevision;
import dev.capstan.engine.history.ReleaseStore;
import dev.capstan.git.cache.RepositoryCache;
import dev.capstan.git.fetch.GitRevision;
import dev.capstan.git.read.FolderReader;
import dev.capstan.release.ReleaseInput;
import dev.capstan.release.ReleaseLint;
import java.util.List;
import java.util.function.BiFunction;

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
    return lint(app, inputs, store::list);
  }

  /** As the next revision of the release in {@code releases}' cluster: a preview of an app on a registered cluster. */
  @Override
  public LintReport lint(Application app, AppInputs inputs, Releases releases) {
    return lint(app, inputs, releases::history);
  }

  private LintReport lint(Application app, AppInputs inputs, BiFunction<String, String, List<ReleaseRevision>> history) {
    if (inputs.chart() != null) {
      ReleaseInput input = charts.repositoryChartInput(app, inputs, inputs.chart().get());
      return lint.lint(history.apply(input.namespace(), input.release()), input, "");
    }
    SnapshotChartFiles files = charts.files(app, inputs.revision().git());
    if (AppChart.isManifests(app, files)) {
      return new LintReport(List.of());
    }
    String path = app.getSpec().deployedSource().path();
    String folder = path == null ? "" : path.replaceAll("^/+|/+$", "");
    ReleaseInput input = charts.chartInput(app, inputs, files);
    return lint.lint(history.apply(input.namespace(), input.release()), input, folder);
  }
}
