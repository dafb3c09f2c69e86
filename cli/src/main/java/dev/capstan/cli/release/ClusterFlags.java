package dev.capstan.cli.release;

import dev.capstan.engine.cluster.Cluster;
import dev.capstan.engine.cluster.KubeConfigs;
import dev.capstan.engine.history.ReleaseStore;
import dev.capstan.engine.history.SecretReleaseStore;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * Where the cluster is, as kubectl finds it: {@code --kubeconfig}, else {@code KUBECONFIG}, else
 * {@code ~/.kube/config}, else the in-cluster service account; {@code --context} picks a context.
 * Use with {@code @Mixin}; the release namespace defaults to the context's namespace.
 */
public final class ClusterFlags {
  @Option(names = "--kubeconfig", paramLabel = "FILE", description = "Kubeconfig file (default: $KUBECONFIG or ~/.kube/config).")
  Path kubeconfig;

  @Option(names = "--context", paramLabel = "NAME", description = "Kubeconfig context to use (default: the current context).")
  String context;

  @Option(names = {"-n", "--namespace"}, paramLabel = "NS", description = "Release namespace (default: the context's namespace, else default).")
  String namespace;

  private KubernetesClient client;

  KubernetesClient client() {
    if (client == null) {
      client = new KubernetesClientBuilder().withConfig(KubeConfigs.load(kubeconfig, context)).build();
    }
    return client;
  }

  Cluster cluster() {
    return new Cluster(client());
  }

  ReleaseStore store() {
    return new SecretReleaseStore(client());
  }

  String namespace() {
    if (namespace != null) {
      return namespace;
    }
    String fromConfig = client().getConfiguration().getNamespace();
    return fromConfig == null || fromConfig.isEmpty() ? "default" : fromConfig;
  }

  /** The namespace as given by {@code -n}, without asking the kubeconfig (for commands that need no cluster). */
  java.util.Optional<String> namespaceFlag() {
    return java.util.Optional.ofNullable(namespace);
  }

  void close() {
    if (client != null) {
      client.close();
    }
  }

}
