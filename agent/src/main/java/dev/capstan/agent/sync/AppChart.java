package dev.capstan.agent.sync;

import dev.capstan.agent.application.Application;
import dev.capstan.chart.Chart;
import dev.capstan.chart.ChartLoader;
import dev.capstan.chart.values.UserValues;
import dev.capstan.chart.values.ValuesOptions;
import dev.capstan.git.cache.CachedRepository;
import dev.capstan.git.cache.RepositoryCache;
import dev.capstan.git.fetch.GitRevision;
import dev.capstan.git.read.FolderReader;
import dev.capstan.git.read.FolderSnapshot;
import dev.capstan.release.ReleaseInput;
import org.eclipse.jgit.lib.ObjectId;

/**
 * An Application's chart and values at a Git revision, as the release actions take them. Rendering
 * is the release layer's ({@link dev.capstan.release.ReleaseRenderer}), the same as the CLI's.
 */
final class AppChart {
  private final RepositoryCache cache;
  private final FolderReader reader;
  private final SourceSecrets secrets;

  AppChart(RepositoryCache cache, FolderReader reader, SourceSecrets secrets) {
    this.cache = cache;
    this.reader = reader;
    this.secrets = secrets;
  }

  ReleaseInput input(Application app, GitRevision revision) {
    CachedRepository repo = cache.repository(SourceOf.located(app, secrets));
    String path = app.getSpec().source().path() == null ? "" : app.getSpec().source().path();
    FolderSnapshot snapshot = reader.read(repo.repository(), ObjectId.fromString(revision.sha()), path);
    SnapshotChartFiles files = new SnapshotChartFiles(snapshot, repo.repository(), reader);
    Chart chart = ChartLoader.load(files, path.isEmpty() ? app.getMetadata().getName() : path);
    return ReleaseInput.of(app.getSpec().destination().namespace(), releaseName(app), chart,
        UserValues.load(AppValues.of(app, files), ValuesOptions.none())).withGitCommit(revision.sha());
  }

  static String releaseName(Application app) {
    String name = app.getSpec().destination().releaseName();
    return name == null || name.isBlank() ? app.getMetadata().getName() : name;
  }
}
