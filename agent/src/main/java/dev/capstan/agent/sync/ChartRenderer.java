package dev.capstan.agent.sync;

import dev.capstan.agent.application.Application;
import dev.capstan.engine.history.ReleaseStore;
import dev.capstan.engine.resource.DesiredState;
import dev.capstan.git.cache.RepositoryCache;
import dev.capstan.git.fetch.GitRevision;
import dev.capstan.git.read.FolderReader;
import dev.capstan.release.ReleaseRenderer;

/**
 * Renders the chart an Application names, read from the Git cache at the revision, with the release
 * layer's renderer (the CLI's too), as the release's next revision from its history.
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
  public DesiredState render(Application app, GitRevision revision) {
    return renderer.render(store, charts.input(app, revision));
  }
}
