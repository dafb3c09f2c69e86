package dev.capstan.agent.sync;

import dev.capstan.agent.application.Application;
import dev.capstan.agent.application.DirectorySource;
import dev.capstan.agent.application.Source;
import dev.capstan.chart.Chart;
import dev.capstan.chart.ChartLoader;
import dev.capstan.chart.render.ManifestLimits;
import dev.capstan.chart.render.ManifestSelection;
import dev.capstan.chart.render.PlainManifests;
import dev.capstan.chart.source.ChartException;
import dev.capstan.chart.source.ChartFiles;
import dev.capstan.chart.values.UserValues;
import dev.capstan.chart.values.ValuesOptions;
import dev.capstan.git.cache.CachedRepository;
import dev.capstan.git.cache.RepositoryCache;
import dev.capstan.git.fetch.GitRevision;
import dev.capstan.git.read.FolderReader;
import dev.capstan.git.read.FolderSnapshot;
import dev.capstan.release.ManifestsInput;
import dev.capstan.release.ReleaseInput;
import java.util.Map;
import org.eclipse.jgit.lib.ObjectId;

/**
 * An Application's chart and values, or its plain manifests, at its sources' revisions, as the
 * release actions take them. Rendering is the release layer's ({@link dev.capstan.release.ReleaseRenderer}),
 * the same as the CLI's. A folder is plain manifests when the source says {@code directory}, or when
 * it holds no {@code Chart.yaml} (as Argo CD decides).
 */
final class AppChart {
  private final RepositoryCache cache;
  private final FolderReader reader;
  private final SourceSecrets secrets;
  private final ManifestLimits manifestLimits;

  AppChart(RepositoryCache cache, FolderReader reader, SourceSecrets secrets) {
    this.cache = cache;
    this.reader = reader;
    this.secrets = secrets;
    this.manifestLimits = ManifestLimits.defaults();
  }

  /** The deployed source's folder at its commit. */
  SnapshotChartFiles files(Application app, GitRevision revision) {
    CachedRepository repo = cache.repository(SourceOf.located(app, app.getSpec().deployedSource(), secrets));
    FolderSnapshot snapshot = reader.read(repo.repository(), ObjectId.fromString(revision.sha()), folder(app));
    return new SnapshotChartFiles(snapshot, repo.repository(), reader);
  }

  /** Whether the folder is read as plain manifests rather than as a chart. */
  static boolean isManifests(Application app, SnapshotChartFiles files) {
    return app.getSpec().deployedSource().directory() != null || !files.exists("Chart.yaml");
  }

  ReleaseInput chartInput(Application app, AppInputs inputs, SnapshotChartFiles files) {
    String path = folder(app);
    String name = path.isEmpty() ? app.getMetadata().getName() : path;
    Chart chart = ChartLoader.load(inputs.dependencies().complete(files, name), name);
    AppValues values = new AppValues(app, files, this::referenceFile, inputs);
    return ReleaseInput.of(app.getSpec().destination().namespace(), releaseName(app), chart,
        UserValues.load(values.documents(), ValuesOptions.none())).withGitCommit(inputs.revision().id());
  }

  /** A chart from a repository or registry, with values from the app's Git sources, objects and spec. */
  ReleaseInput repositoryChartInput(Application app, AppInputs inputs, Chart chart) {
    AppValues values = new AppValues(app, ChartFiles.of(Map.of()), this::referenceFile, inputs);
    return ReleaseInput.of(app.getSpec().destination().namespace(), releaseName(app), chart,
        UserValues.load(values.documents(), ValuesOptions.none()));
  }

  ManifestsInput manifestsInput(Application app, AppInputs inputs, SnapshotChartFiles files) {
    Source source = app.getSpec().deployedSource();
    String path = folder(app);
    if (!source.valuesFilesOrEmpty().isEmpty() || !source.valuesOrEmpty().isEmpty() || !inputs.valuesFrom().isEmpty()) {
      throw new ChartException(path.isEmpty() ? "/" : path, "holds plain manifests (no Chart.yaml), which take no values; "
          + "remove valuesFiles, values and valuesFrom, or add a Chart.yaml");
    }
    DirectorySource dir = source.directory();
    ManifestSelection selection = dir == null ? ManifestSelection.defaults()
        : new ManifestSelection(dir.isRecurse(), dir.include(), dir.exclude());
    String namespace = app.getSpec().destination().namespace();
    String name = path.isEmpty() ? app.getMetadata().getName() : path.substring(path.lastIndexOf('/') + 1);
    return new ManifestsInput(namespace, releaseName(app), name,
        PlainManifests.read(files, path, namespace, selection, manifestLimits), inputs.revision().id());
  }

  /** A file of the named source {@code name}, at the commit this pass fetched, from its repository's root. */
  private byte[] referenceFile(Application app, AppInputs inputs, String name, String path) {
    Source source = app.getSpec().referenceSources().get(name);
    GitRevision revision = inputs.references().get(name);
    CachedRepository repo = cache.repository(SourceOf.located(app, source, secrets));
    int slash = path.lastIndexOf('/');
    FolderSnapshot folder = reader.read(repo.repository(), ObjectId.fromString(revision.sha()), slash < 0 ? "" : path.substring(0, slash));
    String file = path.substring(slash + 1);
    if (!folder.contains(file)) {
      throw new ChartException("$" + name + "/" + path, "no such file in " + source.repoURL() + " at " + revision.shortSha());
    }
    return folder.read(file);
  }

  private static String folder(Application app) {
    String path = app.getSpec().deployedSource().path();
    return path == null ? "" : path.replaceAll("^/+|/+$", "");
  }

  static String releaseName(Application app) {
    String name = app.getSpec().destination().releaseName();
    return name == null || name.isBlank() ? app.getMetadata().getName() : name;
  }
}
