package dev.capstan.agent.application;

import java.util.List;

/**
 * What the agent's operator allows applications to do. An empty {@code allowedNamespaces} allows
 * every namespace; {@code allowedClusterKinds} lists the cluster-scoped kinds (e.g. {@code Namespace},
 * {@code CustomResourceDefinition}) applications may manage. {@code localRepositories} allows
 * {@code file://} sources: on for an agent run from files on a workstation (the quickstart), off for
 * an agent watching the cluster, where one team's Application could otherwise read another's checkout
 * or anything else on the agent's disk.
 */
public record AgentPolicy(List<String> allowedNamespaces, List<String> allowedClusterKinds, boolean localRepositories) {
  public static AgentPolicy permissive() {
    return new AgentPolicy(List.of(), List.of("Namespace", "CustomResourceDefinition", "ClusterRole", "ClusterRoleBinding"), true);
  }

  public AgentPolicy withAllowedNamespaces(List<String> namespaces) {
    return new AgentPolicy(List.copyOf(namespaces), allowedClusterKinds, localRepositories);
  }

  public AgentPolicy withAllowedClusterKinds(List<String> kinds) {
    return new AgentPolicy(allowedNamespaces, List.copyOf(kinds), localRepositories);
  }

  public AgentPolicy withLocalRepositories(boolean allowed) {
    return new AgentPolicy(allowedNamespaces, allowedClusterKinds, allowed);
  }

  /** True when applications may deploy anywhere, so the agent holds rights in every namespace. */
  public boolean anyNamespace() {
    return allowedNamespaces.isEmpty();
  }

  public boolean allowsNamespace(String namespace) {
    return allowedNamespaces.isEmpty() || allowedNamespaces.contains(namespace);
  }

  public boolean allowsClusterKind(String kind) {
    return allowedClusterKinds.contains(kind);
  }
}
