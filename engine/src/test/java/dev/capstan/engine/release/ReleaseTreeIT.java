package dev.capstan.engine.release;

import static dev.capstan.engine.testing.Releases.release;
import static org.assertj.core.api.Assertions.assertThat;

import dev.capstan.engine.cluster.Cluster;
import dev.capstan.engine.health.HealthStatus;
import dev.capstan.engine.history.SecretReleaseStore;
import dev.capstan.testsupport.KubeApiServerTest;
import dev.capstan.testsupport.KubeEnv;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.apps.ReplicaSetBuilder;
import io.fabric8.kubernetes.api.model.discovery.v1.EndpointSliceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A release's objects with what the cluster made from them, read from a real API server. The test
 * creates the children as the controllers would (this server runs none), owned through owner
 * references or, for EndpointSlices, named by the Service label.
 */
@KubeApiServerTest
class ReleaseTreeIT {
  KubernetesClient client;
  KubeEnv env;

  private static OwnerReferenceBuilder ownedBy(HasMetadata owner) {
    return new OwnerReferenceBuilder().withApiVersion(owner.getApiVersion()).withKind(owner.getKind())
        .withName(owner.getMetadata().getName()).withUid(owner.getMetadata().getUid()).withController(true);
  }

  @Test
  void deploymentsOwnReplicaSetsThatOwnPodsAndServicesNameTheirEndpointSlices() {
    String ns = env.namespace();
    SecretReleaseStore store = new SecretReleaseStore(client);
    Cluster cluster = new Cluster(client);
    new Sync(cluster, store, SyncOptions.defaults(), p -> { }).run(release("shop", ns, """
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: web}
        spec:
          replicas: 1
          selector: {matchLabels: {app: web}}
          template:
            metadata: {labels: {app: web}}
            spec: {containers: [{name: web, image: "nginx:1.27"}]}
        ---
        apiVersion: v1
        kind: Service
        metadata: {name: web}
        spec: {selector: {app: web}, ports: [{port: 80}]}
        """));
    var deployment = client.apps().deployments().inNamespace(ns).withName("web").get();
    var rs = client.apps().replicaSets().inNamespace(ns).resource(new ReplicaSetBuilder()
        .withNewMetadata().withName("web-1").withOwnerReferences(ownedBy(deployment).build()).endMetadata()
        .withNewSpec().withNewSelector().addToMatchLabels("app", "web").endSelector()
        .withNewTemplate().withNewMetadata().addToLabels("app", "web").endMetadata()
        .withNewSpec().addNewContainer().withName("web").withImage("nginx:1.27").endContainer().endSpec().endTemplate().endSpec()
        .build()).create();
    client.pods().inNamespace(ns).resource(new PodBuilder().withNewMetadata().withName("web-1-a")
        .withOwnerReferences(ownedBy(rs).build()).endMetadata()
        .withNewSpec().addNewContainer().withName("web").withImage("nginx:1.27").endContainer().endSpec().build()).create();
    // A Pod of another owner, and a slice of another Service: neither belongs in the tree.
    client.pods().inNamespace(ns).resource(new PodBuilder().withNewMetadata().withName("stray").endMetadata()
        .withNewSpec().addNewContainer().withName("x").withImage("busybox").endContainer().endSpec().build()).create();
    client.resource(new EndpointSliceBuilder().withNewMetadata().withName("web-x1").withNamespace(ns)
        .addToLabels("kubernetes.io/service-name", "web").endMetadata().withAddressType("IPv4").build()).create();
    client.resource(new EndpointSliceBuilder().withNewMetadata().withName("other-x1").withNamespace(ns)
        .addToLabels("kubernetes.io/service-name", "other").endMetadata().withAddressType("IPv4").build()).create();

    List<ObjectNode> tree = new ReleaseTree(cluster).run(new ReleaseStatus(cluster, store).run(ns, "shop"));

    ObjectNode web = tree.stream().filter(n -> n.ref().kind().equals("Deployment")).findFirst().orElseThrow();
    assertThat(web.managed()).isTrue();
    assertThat(web.health().status()).isEqualTo(HealthStatus.PROGRESSING);
    assertThat(web.children()).extracting(n -> n.ref().toString()).containsExactly("ReplicaSet/" + ns + "/web-1");
    ObjectNode replicaSet = web.children().get(0);
    assertThat(replicaSet.managed()).isFalse();
    assertThat(replicaSet.children()).extracting(n -> n.ref().name()).containsExactly("web-1-a");
    assertThat(replicaSet.children().get(0).health().message()).contains("web-1-a");
    ObjectNode service = tree.stream().filter(n -> n.ref().kind().equals("Service")).findFirst().orElseThrow();
    assertThat(service.children()).extracting(n -> n.ref().name()).containsExactly("web-x1");
  }
}
