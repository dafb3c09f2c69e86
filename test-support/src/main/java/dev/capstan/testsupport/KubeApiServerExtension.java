package dev.capstan.testsupport;

import dev.capstan.localcluster.ApiServerOptions;
import dev.capstan.localcluster.LocalApiServer;
import dev.capstan.localcluster.LocalCluster;
import org.junit.jupiter.api.extension.ExtensionContext;

/** Backs {@link KubeApiServerTest}: etcd plus kube-apiserver, one per test JVM. */
public final class KubeApiServerExtension extends KubeExtension {
  @Override
  LocalApiServer server(ExtensionContext root) {
    ExtensionContext.Store store = root.getStore(STORE);
    // A full cluster already running in this JVM serves just as well, and costs nothing more.
    LocalCluster cluster = store.get(LocalCluster.class, LocalCluster.class);
    if (cluster != null) {
      return cluster.apiServer();
    }
    return store.getOrComputeIfAbsent(LocalApiServer.class,
        key -> LocalApiServer.start(ApiServerOptions.defaults()), LocalApiServer.class);
  }
}
