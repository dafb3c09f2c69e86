package dev.capstan.engine.resource;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The one order in which kinds are applied (forward) and deleted by prune and uninstall (reverse):
 * CustomResourceDefinitions and Namespaces first, because everything else may need them, then Helm's
 * install order, then unknown kinds (custom resources) by name. Immutable; there is a single instance.
 */
public final class KindOrder {
  /** Kinds applied in a stage of their own before any wave. */
  private static final List<String> FIRST_STAGE = List.of("CustomResourceDefinition", "Namespace");

  private static final List<String> KINDS = List.of(
      "CustomResourceDefinition", "Namespace", "NetworkPolicy", "ResourceQuota", "LimitRange",
      "PodSecurityPolicy", "PodDisruptionBudget", "ServiceAccount", "Secret", "SecretList", "ConfigMap",
      "StorageClass", "PersistentVolume", "PersistentVolumeClaim", "ClusterRole", "ClusterRoleList",
      "ClusterRoleBinding", "ClusterRoleBindingList", "Role", "RoleList", "RoleBinding", "RoleBindingList",
      "Service", "DaemonSet", "Pod", "ReplicationController", "ReplicaSet", "Deployment",
      "HorizontalPodAutoscaler", "StatefulSet", "Job", "CronJob", "IngressClass", "Ingress", "APIService",
      "MutatingWebhookConfiguration", "ValidatingWebhookConfiguration");

  public static final KindOrder INSTANCE = new KindOrder();

  private final Map<String, Integer> ranks = new HashMap<>();
  private final Comparator<ObjectRef> install;

  private KindOrder() {
    for (int i = 0; i < KINDS.size(); i++) {
      ranks.put(KINDS.get(i), i);
    }
    install = Comparator.<ObjectRef>comparingInt(ref -> rank(ref.kind()))
        .thenComparing(ObjectRef::kind)
        .thenComparing(ref -> ref.namespace() == null ? "" : ref.namespace())
        .thenComparing(ObjectRef::name);
  }

  /** Position of a kind; every unknown kind ranks after all known ones. */
  public int rank(String kind) {
    return ranks.getOrDefault(kind, KINDS.size());
  }

  /** True for CRDs and Namespaces, which are applied (and established) before any wave. */
  public boolean firstStage(String kind) {
    return FIRST_STAGE.contains(kind);
  }

  public Comparator<ObjectRef> install() {
    return install;
  }

  /** The exact reverse of {@link #install()}, for prune and uninstall. */
  public Comparator<ObjectRef> uninstall() {
    return install.reversed();
  }
}
