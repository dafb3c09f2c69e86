package dev.capstan.localcluster;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.List;
import java.util.Map;

/**
 * Room for Services. kube-api-test starts kube-apiserver with {@code --service-cluster-ip-range
 * 10.0.0.0/24} after any flag we pass (so ours cannot win): 253 ClusterIPs, and the 254th Service
 * fails with "range is full". Since Kubernetes 1.33 the range can be extended at run time with a
 * {@code ServiceCIDR} object; this adds kubeadm's default range.
 */
final class ServiceRange {
  static final String CIDR = "10.96.0.0/12";
  static final String NAME = "capstan-local";

  private ServiceRange() {}

  static void widen(LocalApiServer server) {
    try (KubernetesClient client = server.newClient("default")) {
      GenericKubernetesResource cidr = new GenericKubernetesResourceBuilder()
          .withApiVersion("networking.k8s.io/v1").withKind("ServiceCIDR")
          .withNewMetadata().withName(NAME).endMetadata()
          .withAdditionalProperties(Map.of("spec", Map.of("cidrs", List.of(CIDR))))
          .build();
      client.genericKubernetesResources("networking.k8s.io/v1", "ServiceCIDR").resource(cidr)
          .fieldManager("capstan-local-cluster").serverSideApply();
    }
  }
}
