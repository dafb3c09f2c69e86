package dev.capstan.localcluster;

import java.nio.file.Path;
import java.time.Duration;

/**
 * How to start a {@link LocalApiServer}.
 *
 * @param binariesRoot the folder holding {@code k8s/<version>-<os>-<arch>/}
 * @param startupTimeout how long etcd plus kube-apiserver may take to answer {@code /readyz};
 *     generous because a 2-core machine running parallel builds is slow to start them
 */
public record ApiServerOptions(Path binariesRoot, Duration startupTimeout) {
  public static ApiServerOptions defaults() {
    return new ApiServerOptions(KubeBinaries.defaultRoot(), Duration.ofMinutes(2));
  }

  public ApiServerOptions withBinariesRoot(Path binariesRoot) {
    return new ApiServerOptions(binariesRoot, startupTimeout);
  }

  public ApiServerOptions withStartupTimeout(Duration startupTimeout) {
    return new ApiServerOptions(binariesRoot, startupTimeout);
  }
}
