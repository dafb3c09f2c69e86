package dev.capstan.cli.release;

import dev.capstan.chart.ChartLoader;
import dev.capstan.chart.values.UserValues;
import dev.capstan.chart.values.ValuesOptions;
import dev.capstan.release.ReleaseInput;
import java.io.IOException;
import java.nio.file.Path;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;

/**
 * A chart directory on disk with the values flags, as the release actions take it. Records the Git
 * commit when the chart lives in a Git work tree. Rendering is the release layer's job
 * ({@link dev.capstan.release.ReleaseRenderer}), the same for the CLI and the agent.
 */
final class LocalChart {
  private LocalChart() {}

  static ReleaseInput input(Path chartDir, String namespace, String release, ValuesOptions values) {
    return ReleaseInput.of(namespace, release, ChartLoader.load(chartDir), UserValues.load(values))
        .withGitCommit(gitCommit(chartDir));
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
