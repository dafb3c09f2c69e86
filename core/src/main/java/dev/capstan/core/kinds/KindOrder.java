package dev.capstan.core.kinds;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The one order of Kubernetes kinds, Helm's {@code InstallOrder}: what comes first in
 * {@code capstan render}'s output and what the engine applies first (and deletes last). Namespaces and
 * CRDs come before what lives in them, workloads after their ConfigMaps and Secrets; unknown kinds
 * (custom resources) rank after every known one and among themselves by name.
 */
public final class KindOrder {
  /** Helm 3's {@code InstallOrder}, unchanged. */
  public static final List<String> KINDS = List.of(
      "PriorityClass", "Namespace", "NetworkPolicy", "ResourceQuota", "LimitRange", "PodSecurityPolicy",
      "PodDisruptionBudget", "ServiceAccount", "Secret", "SecretList", "ConfigMap", "StorageClass",
      "PersistentVolume", "PersistentVolumeClaim", "CustomResourceDefinition", "ClusterRole", "ClusterRoleList",
      "ClusterRoleBinding", "ClusterRoleBindingList", "Role", "RoleList", "RoleBinding", "RoleBindingList",
      "Service", "DaemonSet", "Pod", "ReplicationController", "ReplicaSet", "Deployment", "HorizontalPodAutoscaler",
      "StatefulSet", "Job", "CronJob", "IngressClass", "Ingress", "APIService", "MutatingWebhookConfiguration",
      "ValidatingWebhookConfiguration");

  private static final Map<String, Integer> RANKS = new HashMap<>();

  static {
    for (int i = 0; i < KINDS.size(); i++) {
      RANKS.put(KINDS.get(i), i);
    }
  }

  private KindOrder() {}

  /** The position of a kind; every unknown kind shares the rank after the last known one. */
  public static int rank(String kind) {
    return RANKS.getOrDefault(kind, KINDS.size());
  }

  /** Orders anything that has a kind: by rank, then (for unknown kinds) by kind name. */
  public static <T> Comparator<T> byKind(Function<T, String> kindOf) {
    return Comparator.<T>comparingInt(t -> rank(kindOf.apply(t))).thenComparing(kindOf);
  }
}
