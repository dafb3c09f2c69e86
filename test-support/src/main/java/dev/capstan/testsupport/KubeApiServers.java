package dev.capstan.testsupport;

import dev.capstan.localcluster.ApiServerOptions;
import dev.capstan.localcluster.LocalApiServer;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Several real API servers (etcd plus kube-apiserver each) for one test class, started together
 * before its first test and stopped after its last, for tests of one agent and many clusters:
 *
 * <pre>{@code
 * @RegisterExtension static final KubeApiServers CLUSTERS = new KubeApiServers(3);
 * }</pre>
 *
 * Each server costs about ten seconds of CPU to start, so a class asks once for all it needs. They
 * are separate from the JVM's shared server of {@link KubeApiServerTest}; {@link LocalApiServer#pause}
 * and {@link LocalApiServer#resume} make one stop answering and come back.
 */
public final class KubeApiServers implements BeforeAllCallback, AfterAllCallback {
  private final int count;
  private final List<LocalApiServer> servers = new ArrayList<>();
  private final List<KubernetesClient> clients = new ArrayList<>();

  public KubeApiServers(int count) {
    if (count < 1) {
      throw new IllegalArgumentException("count must be at least 1");
    }
    this.count = count;
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    List<CompletableFuture<LocalApiServer>> starting = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      starting.add(CompletableFuture.supplyAsync(() -> LocalApiServer.start(ApiServerOptions.defaults())));
    }
    RuntimeException failure = null;
    for (CompletableFuture<LocalApiServer> start : starting) {
      try {
        servers.add(start.join());
      } catch (CompletionException e) {
        failure = failure == null ? (RuntimeException) e.getCause() : failure;
      }
    }
    if (failure != null) {
      afterAll(context);
      throw failure;
    }
    servers.forEach(server -> clients.add(server.newClient("default")));
  }

  /** Server {@code i}, from 0. */
  public LocalApiServer server(int i) {
    return servers.get(i);
  }

  /** A cluster-admin client of server {@code i}; closed with the servers. */
  public KubernetesClient client(int i) {
    return clients.get(i);
  }

  public int count() {
    return servers.size();
  }

  @Override
  public void afterAll(ExtensionContext context) {
    clients.forEach(KubernetesClient::close);
    clients.clear();
    servers.forEach(LocalApiServer::stop);
    servers.clear();
  }
}
