package dev.capstan.cli.release;

import dev.capstan.chart.Chart;
import dev.capstan.chart.ChartLoader;
import dev.capstan.chart.render.RenderOptions;
import dev.capstan.chart.render.RenderResult;
import dev.capstan.chart.render.RenderedManifest;
import dev.capstan.chart.render.Renderer;
import dev.capstan.chart.values.ValuesOptions;
import dev.capstan.engine.resource.DesiredObject;
import dev.capstan.engine.resource.DesiredState;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;

/**
 * Renders a local chart into the engine's {@link DesiredState}: the adapter between the renderer's
 * result and the engine, which knows nothing about charts. Records the Git commit when the chart
 * lives in a Git work tree.
 */
final class ChartInput {
  private ChartInput() {}

  static DesiredState render(Path chartDir, String release, String namespace, int revision, String kubeVersion,
      ValuesOptions values) {
    Chart chart = ChartLoader.load(chartDir);
    RenderOptions options = RenderOptions.defaults().withReleaseName(release).withNamespace(namespace)
        .withRevision(revision).withUpgrade(revision > 1).withValues(values);
    if (kubeVersion != null) {
      options = options.withKubeVersion(kubeVersion);
    }
    RenderResult result = new Renderer().render(chart, options);
    List<DesiredObject> objects = result.manifests().stream()
        .map((RenderedManifest m) -> new DesiredObject(m.source(), m.object()))
        .toList();
    return new DesiredState(release, namespace, result.chart().name(), result.chart().version(), result.values(),
        objects, result.notes(), gitCommit(chartDir));
  }

  /** HEAD of the Git work tree containing the chart, or null outside one. */
  static String gitCommit(Path chartDir) {
    FileRepositoryBuilder builder = new FileRepositoryBuilder().findGitDir(chartDir.toAbsolutePath().toFile());
    if (builder.getGitDir() == null) {
      return null;
    }
    try (Repository repository = builder.build()) {
      ObjectId head = repository.resolve("HEAD");
      return head == null ? null : head.name();
    } catch (IOException e) {
      return null; // an unreadable repository only loses the commit, never the apply
    }
  }
}
