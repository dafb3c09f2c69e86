package dev.capstan.engine.release;

import dev.capstan.engine.cluster.Cluster;
import dev.capstan.engine.health.HealthChecker;
import dev.capstan.engine.resource.ObjectRef;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.OwnerReference;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A release's objects as a tree, as Argo CD draws them: each deployed object with the objects the
 * cluster made from it (Deployment → ReplicaSet → Pods, StatefulSet, DaemonSet and Job → Pods,
 * CronJob → Jobs, Service → EndpointSlices), each with its live health. Reads only: the release's
 * status ({@link ReleaseStatus}) and one list per child kind and namespace.
 */
public final class ReleaseTree {
  /** Kinds whose children are found through owner references, and the kinds they own. */
  private static final Map<String, List<ObjectRef>> OWNED = Map.of(
      "apps/Deployment", List.of(kind("apps/v1", "ReplicaSet")),
      "apps/ReplicaSet", List.of(kind("v1", "Pod")),
      "apps/StatefulSet", List.of(kind("v1", "Pod")),
      "apps/DaemonSet", List.of(kind("v1", "Pod")),
      "batch/Job", List.of(kind("v1", "Pod")),
      "batch/CronJob", List.of(kind("batch/v1", "Job")));
  private static final ObjectRef ENDPOINT_SLICE = kind("discovery.k8s.io/v1", "EndpointSlice");
  private static final String SERVICE_NAME_LABEL = "kubernetes.io/service-name";
  private static final int MAX_CHILDREN = 200;

  private final Cluster cluster;
  private final HealthChecker checker = new HealthChecker();

  public ReleaseTree(Cluster cluster) {
    this.cluster = cluster;
  }

  /** The tree of {@code report}'s objects, in the report's order; children sorted by kind and name. */
  public List<ObjectNode> run(StatusReport report) {
    Lists lists = new Lists();
    List<ObjectNode> roots = new ArrayList<>();
    for (ObjectStatus object : report.objects()) {
      Optional<Map<String, Object>> live = cluster.serves(object.ref()) ? cluster.get(object.ref()) : Optional.empty();
      List<ObjectNode> children = live.map(l -> children(object.ref(), l, lists, 0)).orElse(List.of());
      roots.add(new ObjectNode(object.ref(), object.health(), true, children));
    }
    return roots;
  }

  private List<ObjectNode> children(ObjectRef parent, Map<String, Object> live, Lists lists, int depth) {
    if (depth > 3 || parent.namespace() == null) {
      return List.of();
    }
    List<GenericKubernetesResource> found = new ArrayList<>();
    if (parent.group().isEmpty() && parent.kind().equals("Service")) {
      found.addAll(lists.of(ENDPOINT_SLICE, parent.namespace()).stream()
          .filter(s -> parent.name().equals(labels(s).get(SERVICE_NAME_LABEL))).toList());
    } else {
      String uid = uid(live);
      for (ObjectRef childKind : OWNED.getOrDefault(parent.group() + "/" + parent.kind(), List.of())) {
        found.addAll(lists.of(childKind, parent.namespace()).stream().filter(c -> ownedBy(c, uid)).toList());
      }
    }
    return found.stream()
        .sorted(Comparator.comparing((GenericKubernetesResource r) -> r.getKind()).thenComparing(r -> r.getMetadata().getName()))
        .limit(MAX_CHILDREN)
        .map(child -> {
          Map<String, Object> map = cluster.toMap(child);
          ObjectRef ref = ObjectRef.of(map);
          return new ObjectNode(ref, checker.check(map), false, children(ref, map, lists, depth + 1));
        })
        .toList();
  }

  private static boolean ownedBy(HasMetadata child, String uid) {
    List<OwnerReference> owners = child.getMetadata().getOwnerReferences();
    return uid != null && owners != null && owners.stream().anyMatch(o -> uid.equals(o.getUid()));
  }

  private static Map<String, String> labels(HasMetadata object) {
    Map<String, String> labels = object.getMetadata().getLabels();
    return labels == null ? Map.of() : labels;
  }

  @SuppressWarnings("unchecked")
  private static String uid(Map<String, Object> live) {
    Object metadata = live.get("metadata");
    return metadata instanceof Map<?, ?> m ? (String) ((Map<String, Object>) m).get("uid") : null;
  }

  private static ObjectRef kind(String apiVersion, String kind) {
    return new ObjectRef(apiVersion, kind, null, "*");
  }

  /** One list per child kind and namespace, for the whole tree; a kind the cluster does not serve lists nothing. */
  private final class Lists {
    private final Map<String, List<GenericKubernetesResource>> cache = new HashMap<>();

    List<GenericKubernetesResource> of(ObjectRef kind, String namespace) {
      return cache.computeIfAbsent(kind.apiVersion() + "/" + kind.kind() + "@" + namespace, k -> {
        ObjectRef probe = kind.withNamespace(namespace);
        if (!cluster.serves(probe)) {
          return List.of();
        }
        return cluster.client().genericKubernetesResources(kind.apiVersion(), kind.kind()).inNamespace(namespace).list().getItems()
            .stream().filter(Objects::nonNull).toList();
      });
    }
  }
}
