package dev.capstan.chart.render;

import java.util.Comparator;
import java.util.List;

/**
 * The order {@code capstan render} prints objects in: Helm's install order of kinds (Namespaces
 * and CRDs before what lives in them, workloads after their ConfigMaps and Secrets), unknown kinds
 * after the known ones in alphabetical order, then by template path and position in the file. The
 * same chart and values always print the same stream, and it is the order an apply would use.
 */
public final class KindOrder {
  /** Helm's {@code InstallOrder}. */
  public static final List<String> INSTALL_ORDER = List.of(
      "PriorityClass", "Namespace", "NetworkPolicy", "ResourceQuota", "LimitRange", "PodSecurityPolicy",
      "PodDisruptionBudget", "ServiceAccount", "Secret", "SecretList", "ConfigMap", "StorageClass",
      "PersistentVolume", "PersistentVolumeClaim", "CustomResourceDefinition", "ClusterRole", "ClusterRoleList",
      "ClusterRoleBinding", "ClusterRoleBindingList", "Role", "RoleList", "RoleBinding", "RoleBindingList",
      "Service", "DaemonSet", "Pod", "ReplicationController", "ReplicaSet", "Deployment", "HorizontalPodAutoscaler",
      "StatefulSet", "Job", "CronJob", "IngressClass", "Ingress", "APIService", "MutatingWebhookConfiguration",
      "ValidatingWebhookConfiguration");

  private KindOrder() {}

  /** The rank of a kind; unknown kinds share the rank after the last known one. */
  public static int rank(String kind) {
    int i = INSTALL_ORDER.indexOf(kind);
    return i < 0 ? INSTALL_ORDER.size() : i;
  }

  /** Kind rank, then kind name (for unknown kinds), then source path; stable for documents of one file. */
  public static final Comparator<RenderedManifest> COMPARATOR = Comparator
      .comparingInt((RenderedManifest m) -> rank(m.kind()))
      .thenComparing(RenderedManifest::kind)
      .thenComparing(RenderedManifest::source);
}
