package dev.capstan.agent.application;

import java.util.List;

/**
 * What the agent's operator allows applications to do. An empty {@code allowedNamespaces} allows
 * every namespace; {@code allowedClusterKinds} lists the cluster-scoped kinds (e.g. {@code Namespace},
 * {@code CustomResourceDefinition}) applications may manage.
 */
public record AgentPolicy(List<String> allowedNamespaces, List<String> allowedClusterKinds) {
  public static AgentPolicy permissive() {
    return new AgentPolicy(List.of(), List.of("Namespace", "CustomResourceDefinition", "ClusterRole", "ClusterRoleBinding"));
  }

  public AgentPolicy withAllowedNamespaces(List<String> namespaces) {
    return new AgentPolicy(List.copyOf(namespaces), allowedClusterKinds);
  }

  public AgentPolicy withAllowedClusterKinds(List<String> kinds) {
    return new AgentPolicy(allowedNamespaces, List.copyOf(kinds));
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
