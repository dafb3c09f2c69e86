package dev.capstan.testsupport;

import dev.capstan.localcluster.LocalApiServer;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;

/**
 * What one test class sees of the shared API server: a client whose default namespace is the
 * class's own fresh namespace, the kubeconfig and URL for other tools, and kubectl. Closed (its
 * client closed, its namespaces deleted) when the class is done.
 */
public final class KubeEnv implements AutoCloseable {
  private final LocalApiServer server;
  private final String namespace;
  private final KubernetesClient client;
  private final List<String> namespaces = new ArrayList<>();

  KubeEnv(LocalApiServer server, String namespacePrefix) {
    this.server = server;
    this.client = server.newClient("default");
    this.namespace = newNamespace(namespacePrefix);
    client.getConfiguration().setNamespace(namespace);
  }

  /** A client for this class, its default namespace {@link #namespace()}; do not close it. */
  public KubernetesClient client() {
    return client;
  }

  /** The fresh namespace this test class owns. */
  public String namespace() {
    return namespace;
  }

  /** A kubeconfig file (certificates inlined, cluster-admin) for kubectl, the CLI or the agent. */
  public Path kubeconfig() {
    return server.kubeconfig();
  }

  /** {@code https://127.0.0.1:<port>} */
  public String serverUrl() {
    return server.serverUrl();
  }

  /** The kubectl built with the server, same version. */
  public Path kubectl() {
    return server.binaries().kubectl();
  }

  /** The shared server itself, for tests that need a second client ({@code newClient}). */
  public LocalApiServer server() {
    return server;
  }

  /** Creates one more namespace, named {@code <prefix>-<random>}, deleted with this class's. */
  public String newNamespace(String prefix) {
    String name = uniqueName(prefix);
    client.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(name).endMetadata().build())
        .create();
    namespaces.add(name);
    return name;
  }

  @Override
  public void close() {
    try {
      // With the API server alone nothing finalizes them: they stay Terminating, out of the way.
      for (String ns : namespaces) {
        client.namespaces().withName(ns).delete();
      }
    } finally {
      client.close();
    }
  }

  static String uniqueName(String prefix) {
    String clean = prefix.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9-]", "-").replaceAll("^-+|-+$", "");
    if (clean.isEmpty()) {
      clean = "test";
    }
    String suffix = Integer.toString(ThreadLocalRandom.current().nextInt(36 * 36 * 36 * 36 * 36), 36);
    int room = 63 - suffix.length() - 1;
    return (clean.length() > room ? clean.substring(0, room).replaceAll("-+$", "") : clean) + "-" + suffix;
  }
}
