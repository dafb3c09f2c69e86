package dev.capstan.localcluster;

import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Node objects for KWOK to manage. A Node may be created with its status, so capacity is set here
 * and KWOK's default stages then report the node Ready and keep its lease alive. No taint: these are
 * the only nodes, and Pods should land on them without tolerations.
 */
final class FakeNodes {
  static final String NAME_PREFIX = "kwok-node-";

  private FakeNodes() {}

  static List<String> create(KubernetesClient client, int count) {
    List<String> names = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      Node node = client.nodes().resource(node(NAME_PREFIX + i)).create();
      names.add(node.getMetadata().getName());
    }
    return names;
  }

  private static Node node(String name) {
    Map<String, Quantity> capacity = Map.of(
        "cpu", new Quantity("32"), "memory", new Quantity("256Gi"), "pods", new Quantity("110"));
    return new NodeBuilder()
        .withNewMetadata().withName(name)
        .addToLabels("type", "kwok")
        .addToLabels("kubernetes.io/hostname", name)
        .addToLabels("kubernetes.io/os", "linux")
        .addToLabels("kubernetes.io/arch", "amd64")
        .addToAnnotations("kwok.x-k8s.io/node", "fake")
        .addToAnnotations("node.alpha.kubernetes.io/ttl", "0")
        .endMetadata()
        .withNewStatus()
        .withCapacity(capacity).withAllocatable(capacity)
        .withNewNodeInfo().withKubeletVersion("v" + PinnedVersions.KUBERNETES + "-kwok")
        .withOperatingSystem("linux").withArchitecture("amd64").endNodeInfo()
        .endStatus()
        .build();
  }

  static boolean isReady(Node node) {
    return node.getStatus() != null && node.getStatus().getConditions() != null
        && node.getStatus().getConditions().stream()
            .anyMatch(c -> "Ready".equals(c.getType()) && "True".equals(c.getStatus()));
  }
}
