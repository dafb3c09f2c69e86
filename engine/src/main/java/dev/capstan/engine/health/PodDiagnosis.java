package dev.capstan.engine.health;

import dev.capstan.engine.cluster.Cluster;
import dev.capstan.engine.resource.Maps;
import dev.capstan.engine.resource.ObjectRef;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodCondition;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Why a workload is not available, found in its pods: a container waiting with a reason
 * ({@code ImagePullBackOff}, {@code CrashLoopBackOff}, ...) or a pod the scheduler cannot place.
 * Only asked when a wait times out, so it costs one list per stuck workload.
 */
final class PodDiagnosis {
  private static final Set<String> WORKLOADS = Set.of("Deployment", "StatefulSet", "DaemonSet", "ReplicaSet");

  private final Cluster cluster;

  PodDiagnosis(Cluster cluster) {
    this.cluster = cluster;
  }

  Optional<String> explain(ObjectRef ref, Map<String, Object> live) {
    Map<String, Object> matchLabels = Maps.child(Maps.child(Maps.child(live, "spec"), "selector"), "matchLabels");
    if (!"apps".equals(ref.group()) || !WORKLOADS.contains(ref.kind()) || matchLabels.isEmpty()) {
      return Optional.empty();
    }
    Map<String, String> selector = new LinkedHashMap<>();
    matchLabels.forEach((k, v) -> selector.put(k, String.valueOf(v)));
    List<Pod> pods;
    try {
      pods = cluster.client().pods().inNamespace(ref.namespace()).withLabels(selector).list().getItems();
    } catch (KubernetesClientException e) {
      return Optional.empty(); // the diagnosis is a hint; the timeout error stands without it
    }
    return pods.stream().map(PodDiagnosis::explain).flatMap(Optional::stream).findFirst();
  }

  private static Optional<String> explain(Pod pod) {
    if (pod.getStatus() == null) {
      return Optional.empty();
    }
    String name = "Pod " + pod.getMetadata().getName();
    for (ContainerStatus container : pod.getStatus().getContainerStatuses()) {
      var waiting = container.getState() == null ? null : container.getState().getWaiting();
      if (waiting != null && waiting.getReason() != null && !"ContainerCreating".equals(waiting.getReason())) {
        return Optional.of(name + " has " + waiting.getReason() + " (container " + container.getName() + ")");
      }
    }
    for (PodCondition condition : pod.getStatus().getConditions()) {
      if ("PodScheduled".equals(condition.getType()) && "False".equals(condition.getStatus())) {
        return Optional.of(name + " cannot be scheduled: " + condition.getMessage());
      }
    }
    return Optional.empty();
  }
}
