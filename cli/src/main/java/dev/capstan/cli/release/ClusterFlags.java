package dev.capstan.cli.release;

import dev.capstan.agent.application.Destination;
import dev.capstan.agent.fleet.ClusterLimits;
import dev.capstan.agent.fleet.ClusterRegistrations;
import dev.capstan.agent.fleet.ClusterSecrets;
import dev.capstan.core.CapstanException;
import dev.capstan.engine.cluster.Cluster;
import dev.capstan.engine.cluster.KubeConfigs;
import dev.capstan.engine.history.ReleaseStore;
import dev.capstan.engine.history.SecretReleaseStore;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * Where the cluster is, as kubectl finds it: {@code --kubeconfig}, else {@code KUBECONFIG}, else
 * {@code ~/.kube/config}, else the in-cluster service account; {@code --context} picks a context.
 * Use with {@code @Mixin}; the release namespace defaults to the context's namespace.
 *
 * <p>With {@code --cluster NAME} the cluster found that way is the agent's, and the command goes to the
 * cluster registered there as NAME: its cluster Secret is read from {@code --agent-namespace} with the
 * agent's own parser ({@link ClusterRegistrations}), so {@code capstan history web --cluster prod} reads
 * the history the agent wrote in prod, reaching it exactly as the agent does.
 */
public final class ClusterFlags {
  @Option(names = "--kubeconfig", paramLabel = "FILE", description = "Kubeconfig file (default: $KUBECONFIG or ~/.kube/config).")
  Path kubeconfig;

  @Option(names = "--context", paramLabel = "NAME", description = "Kubeconfig context to use (default: the current context).")
  String context;

  @Option(names = {"-n", "--namespace"}, paramLabel = "NS", description = "Release namespace (default: the context's namespace, else default).")
  String namespace;

  @Option(names = "--cluster", paramLabel = "NAME",
      description = {"A cluster registered with the agent (capstan cluster add): reached with its cluster Secret, read from",
          "--agent-namespace in the cluster of --kubeconfig/--context, as the agent reaches it. in-cluster: that cluster itself."})
  String registered;

  @Option(names = "--agent-namespace", paramLabel = "NS",
      description = "With --cluster: the agent's namespace, holding the cluster Secrets (default: the context's namespace, else default).")
  String agentNamespace;

  private KubernetesClient client;

  KubernetesClient client() {
    if (client == null) {
      Config local = KubeConfigs.load(kubeconfig, context);
      client = new KubernetesClientBuilder().withConfig(registered == null ? local : registeredConfig(local)).build();
    }
    return client;
  }

  /** How the agent reaches cluster {@code registered}: the cluster Secret naming it, parsed as the agent parses it. */
  private Config registeredConfig(Config agentCluster) {
    if (Destination.IN_CLUSTER.equals(registered)) {
      return agentCluster;
    }
    String where = "--cluster " + registered;
    String ns = agentNamespace != null ? agentNamespace : agentCluster.getNamespace() == null || agentCluster.getNamespace().isEmpty()
        ? "default" : agentCluster.getNamespace();
    List<Secret> secrets;
    try (KubernetesClient agent = new KubernetesClientBuilder().withConfig(agentCluster).build()) {
      secrets = agent.secrets().inNamespace(ns).withLabel(ClusterSecrets.TYPE_LABEL, ClusterSecrets.TYPE).list().getItems();
    } catch (KubernetesClientException e) {
      String why = e.getStatus() != null && e.getStatus().getMessage() != null ? e.getStatus().getMessage() : e.getMessage().lines().findFirst().orElse("");
      throw new CapstanException(where, "cannot read the cluster Secrets in namespace " + ns + " (--agent-namespace): " + why);
    }
    return ClusterRegistrations.of(secrets, ClusterLimits.defaults()).require(where, ns, registered).config();
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
