package dev.capstan.cli.release;

import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/**
 * The NAME argument of the commands that act on a recorded release ({@code status}, {@code history},
 * {@code rollback}, {@code uninstall}) with the cluster it is in ({@link ClusterFlags}): one place that
 * reads them and closes the cluster connection when the command is done.
 */
final class ReleaseArgument {
  @Parameters(index = "0", paramLabel = "NAME", description = "Release name.")
  String release;

  @Mixin
  ClusterFlags cluster = new ClusterFlags();

  /** What a command does with the release in {@code namespace} of {@code cluster}; returns the exit code. */
  @FunctionalInterface
  interface Action {
    int run(ClusterFlags cluster, String namespace, String release);
  }

  /** Runs {@code action} on the release, closing the cluster connection afterwards. */
  int run(Action action) {
    try {
      return action.run(cluster, cluster.namespace(), release);
    } finally {
      cluster.close();
    }
  }
}
