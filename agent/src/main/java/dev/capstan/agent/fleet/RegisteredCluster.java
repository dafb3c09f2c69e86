package dev.capstan.agent.fleet;

import io.fabric8.kubernetes.client.Config;
import java.util.List;

/**
 * A cluster the agent may deploy to, as registered.
 *
 * @param source where it was registered, for messages ({@code Secret capstan/cluster-prod}, {@code --cluster prod})
 * @param config how to reach it (server, credentials, timeouts)
 * @param applicationNamespaces the namespaces whose Applications may target it; empty: any
 * @param fingerprint equal for two registrations that connect the same way, so an unchanged Secret keeps its connection
 */
public record RegisteredCluster(String name, String server, String source, Config config, List<String> applicationNamespaces,
    ClusterLimits limits, String fingerprint) {
  public RegisteredCluster {
    applicationNamespaces = List.copyOf(applicationNamespaces);
  }

  /** Whether Applications in {@code namespace} (null: from files) may target this cluster. */
  public boolean admits(String namespace) {
    return applicationNamespaces.isEmpty() || namespace != null && applicationNamespaces.contains(namespace);
  }
}
