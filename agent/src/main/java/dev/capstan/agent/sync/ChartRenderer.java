package dev.capstan.agent.sync;

import dev.capstan.agent.application.Application;
import dev.capstan.agent.application.Source;
import dev.capstan.engine.history.ReleaseStore;
import dev.capstan.engine.resource.DesiredState;
import dev.capstan.git.cache.RepositoryCache;
import dev.capstan.git.read.FolderReader;
import dev.capstan.release.ReleaseRenderer;
import java.util.List;

/**
 * Renders the chart an Application names, read from the Git cache at the revision, with the release
 * layer's renderer (the CLI's too), as the release's next revision from its history; or, for a folder
 * of plain manifests, takes them as they are. With several sources, the state records each one's commit;
 * a verified source, who signed it.
 */
public final class ChartRenderer implements AppRenderer {
  private final AppChart charts;
  private final ReleaseRenderer renderer;
  private final ReleaseStore store;

  public ChartRenderer(RepositoryCache cache, FolderReader reader, SourceSecrets secrets, ReleaseRenderer renderer, ReleaseStore store) {
    this.charts = new AppChart(cache, reader, secrets);
    this.renderer = renderer;
    this.store = store;
  }

  @Override
  public DesiredState render(Application app, AppInputs inputs) {
    DesiredState desired;
    if (inputs.chart() != null) {
      desired = renderer.render(store, charts.repositoryChartInput(app, inputs, inputs.chart().get()));
    } else {
      SnapshotChartFiles files = charts.files(app, inputs.revision().git());
      desired = AppChart.isManifests(app, files)
          ? renderer.render(charts.manifestsInput(app, inputs, files))
          : renderer.render(store, charts.chartInput(app, inputs, files));
    }
    return desired.withSourceRevisions(inputs.sourceRevisions(deployedName(app))).withSignedBy(inputs.revision().signedBy());
  }

  /** How history names the deployed source: {@code source}, or its place in {@code spec.sources}. */
  public static String deployedName(Application app) {
    if (app.getSpec().sources() == null || app.getSpec().sources().isEmpty()) {
      return "source";
    }
    List<Source> sources = app.getSpec().allSources();
    return "sources[" + sources.indexOf(app.getSpec().deployedSource()) + "]";
  }
}
