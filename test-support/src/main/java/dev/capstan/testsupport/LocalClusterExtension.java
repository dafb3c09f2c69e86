package dev.capstan.testsupport;

import dev.capstan.localcluster.LocalApiServer;
import dev.capstan.localcluster.LocalCluster;
import dev.capstan.localcluster.LocalClusterOptions;
import org.junit.jupiter.api.extension.ExtensionContext;

/** Backs {@link LocalClusterTest}: the full local cluster, one per test JVM. */
public final class LocalClusterExtension extends KubeExtension {
  /** Simulated nodes in the shared cluster. */
  public static final int NODES = 3;

  @Override
  LocalApiServer server(ExtensionContext root) {
    return root.getStore(STORE).getOrComputeIfAbsent(LocalCluster.class,
        key -> LocalCluster.start(LocalClusterOptions.defaults().withNodes(NODES)), LocalCluster.class)
        .apiServer();
  }
}
