package dev.capstan.engine.apply;

import static dev.capstan.engine.testing.Releases.release;
import static org.assertj.core.api.Assertions.assertThat;

import dev.capstan.engine.cluster.Cluster;
import dev.capstan.engine.history.InMemoryReleaseStore;
import dev.capstan.engine.release.Sync;
import dev.capstan.engine.release.SyncOptions;
import dev.capstan.engine.resource.Action;
import dev.capstan.engine.resource.Change;
import dev.capstan.testsupport.KubeApiServerTest;
import dev.capstan.testsupport.KubeEnv;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Kind and wave order against a real API server: a CRD is established before its custom
 * resources are applied, namespaces come first, and waves are created one after the other
 * (etcd's resource versions give the creation order).
 */
@KubeApiServerTest
class OrderIT {
  KubernetesClient client;
  KubeEnv env;

  @Test
  void appliesCrdsAndNamespacesFirstThenWavesInKindOrder() {
    String ns = env.namespace();
    String extraNs = ns + "-extra";
    String documents = """
        apiVersion: v1
        kind: ConfigMap
        metadata: {name: late, annotations: {capstan.dev/sync-wave: "2"}}
        ---
        apiVersion: order.capstan.dev/v1
        kind: Gadget
        metadata: {name: gadget}
        spec: {size: 3}
        ---
        apiVersion: v1
        kind: Service
        metadata: {name: web}
        spec: {ports: [{port: 80}]}
        ---
        apiVersion: v1
        kind: ConfigMap
        metadata: {name: web}
        ---
        apiVersion: v1
        kind: Secret
        metadata: {name: early, annotations: {capstan.dev/sync-wave: "-1"}}
        ---
        apiVersion: v1
        kind: ConfigMap
        metadata: {name: elsewhere, namespace: %s}
        ---
        apiVersion: v1
        kind: Namespace
        metadata: {name: %s}
        ---
        apiVersion: apiextensions.k8s.io/v1
        kind: CustomResourceDefinition
        metadata: {name: gadgets.order.capstan.dev}
        spec:
          group: order.capstan.dev
          scope: Namespaced
          names: {kind: Gadget, plural: gadgets, singular: gadget, listKind: GadgetList}
          versions:
          - name: v1
            served: true
            storage: true
            schema:
              openAPIV3Schema:
                type: object
                x-kubernetes-preserve-unknown-fields: true
        ---
        """.formatted(extraNs, extraNs);

    var result = new Sync(new Cluster(client), new InMemoryReleaseStore(), SyncOptions.defaults(), p -> { })
        .run(release("order", ns, documents));

    assertThat(result.changes().changes()).extracting(Change::action).containsOnly(Action.CREATED);
    assertThat(result.changes().changes()).extracting(c -> c.ref().kind() + "/" + c.ref().name()).containsExactly(
        "Namespace/" + extraNs, "CustomResourceDefinition/gadgets.order.capstan.dev",
        "Secret/early",
        "ConfigMap/web", "ConfigMap/elsewhere", "Service/web", "Gadget/gadget",
        "ConfigMap/late");
    GenericKubernetesResource gadget = client.genericKubernetesResources("order.capstan.dev/v1", "Gadget")
        .inNamespace(ns).withName("gadget").get();
    List<HasMetadata> live = Stream.<HasMetadata>of(
            client.namespaces().withName(extraNs).get(),
            client.secrets().inNamespace(ns).withName("early").get(),
            client.configMaps().inNamespace(ns).withName("web").get(),
            client.services().inNamespace(ns).withName("web").get(),
            gadget,
            client.configMaps().inNamespace(ns).withName("late").get())
        .toList();
    assertThat(live).isSortedAccordingTo(Comparator.comparingLong(o -> Long.parseLong(o.getMetadata().getResourceVersion())));
    assertThat(client.configMaps().inNamespace(extraNs).withName("elsewhere").get()).isNotNull();
  }
}
