package dev.capstan.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * kube-api-test starts the API server with a /24 Service range (253 ClusterIPs). Benchmarks that
 * sync a thousand applications create a Service each; the local server must have room for them.
 */
@KubeApiServerTest
class ServiceRangeIT {
  @Test
  void theLocalApiServerHandsOutMoreClusterIpsThanASlash24Holds(KubernetesClient client, KubeEnv env) {
    String ns = env.newNamespace("svc-range");
    Set<String> ips = new HashSet<>();
    for (int i = 0; i < 300; i++) {
      Service created = client.services().inNamespace(ns).resource(new ServiceBuilder()
          .withNewMetadata().withName("s" + i).endMetadata()
          .withNewSpec().addNewPort().withPort(80).endPort().endSpec().build()).create();
      ips.add(created.getSpec().getClusterIP());
    }
    assertThat(ips).hasSize(300).allSatisfy(ip -> assertThat(ip).isNotBlank());
  }
}
