package dev.capstan.cli.release;

import dev.capstan.chart.ChartLoader;
import dev.capstan.chart.values.UserValues;
import dev.capstan.chart.values.ValuesOptions;
import dev.capstan.cli.render.LocalManifests;
import dev.capstan.cli.render.ManifestsFlags;
import dev.capstan.cli.render.ValuesFlags;
import dev.capstan.engine.resource.DesiredState;
import dev.capstan.release.ManifestsInput;
import dev.capstan.release.ReleaseInput;
import dev.capstan.release.ReleaseRenderer;
import java.io.IOException;
import java.nio.file.Path;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;

/**
 * A chart directory (or a folder of plain manifests) on disk with the values flags, as the release actions take it. Records the Git
 * commit when the chart lives in a Git work tree. Rendering is the release layer's job
 * ({@link dev.capstan.release.ReleaseRenderer}), the same for the CLI and the agent.
 */
final class LocalChart {
  private LocalChart() {}

  static ReleaseInput input(Path chartDir, String namespace, String release, ValuesOptions values) {
    return ReleaseInput.of(namespace, release, ChartLoader.load(chartDir), UserValues.load(values))
        .withGitCommit(gitCommit(chartDir));
  }

  /**
   * A folder of plain manifests as the release's desired state, as the agent makes one: the objects
   * as read, the folder's name where a chart's would be, and the commit of the work tree around it.
   */
  static DesiredState manifests(Path dir, String namespace, String release, ManifestsFlags flags, ValuesFlags values) {
    return new ReleaseRenderer().render(new ManifestsInput(namespace, release, LocalManifests.name(dir),
        LocalManifests.read(dir, flags, values, namespace), gitCommit(dir)));
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
