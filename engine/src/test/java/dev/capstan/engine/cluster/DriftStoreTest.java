package dev.capstan.engine.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.ManagedFieldsEntry;
import io.fabric8.kubernetes.client.utils.Serialization;
import org.junit.jupiter.api.Test;

class DriftStoreTest {
  private static GenericKubernetesResource yaml(String text) {
    return Serialization.unmarshal(text, GenericKubernetesResource.class);
  }

  @Test
  void aKindWithAGenerationKeepsItsIdentityAndMetadataOnly() {
    GenericKubernetesResource deployment = yaml("""
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: web
          namespace: shop
          uid: u-1
          resourceVersion: "42"
          generation: 3
          labels: {app.kubernetes.io/managed-by: capstan}
          annotations: {capstan.dev/release: shop/web}
          managedFields: [{manager: capstan, operation: Apply, time: "2026-12-04T05:00:00Z", fieldsType: FieldsV1, fieldsV1: {"f:spec": {}}}]
        spec: {replicas: 2, template: {spec: {containers: [{name: app, image: shop:1}]}}}
        status: {readyReplicas: 2}
        """);

    GenericKubernetesResource slim = DriftStore.slim(deployment);

    assertThat(slim.getMetadata().getGeneration()).isEqualTo(3L);
    assertThat(slim.getMetadata().getResourceVersion()).isEqualTo("42");
    assertThat(slim.getMetadata().getAnnotations()).containsEntry("capstan.dev/release", "shop/web");
    assertThat(slim.getMetadata().getLabels()).containsEntry("app.kubernetes.io/managed-by", "capstan");
    assertThat(slim.getMetadata().getManagedFields()).singleElement().satisfies(entry -> {
      assertThat(entry.getManager()).isEqualTo("capstan");
      assertThat(entry.getOperation()).isEqualTo("Apply");
      assertThat(entry.getTime()).isEqualTo("2026-12-04T05:00:00Z");
      assertThat(entry.getFieldsV1()).isNull();
    });
    assertThat(slim.getAdditionalProperties()).isEmpty();
  }

  @Test
  void aKindWithoutAGenerationKeepsItsBodyButNotItsStatusOrFieldSets() {
    GenericKubernetesResource config = yaml("""
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: web
          namespace: shop
          managedFields: [{manager: kubectl-edit, operation: Update}]
        data: {greeting: hello}
        """);

    GenericKubernetesResource slim = DriftStore.slim(config);

    assertThat(slim.getAdditionalProperties()).containsOnlyKeys("data");
    assertThat(slim.getMetadata().getManagedFields()).extracting(ManagedFieldsEntry::getManager).containsExactly("kubectl-edit");
    assertThat(slim.getKind()).isEqualTo("ConfigMap");
  }

  @Test
  void theStoreHandsBackTheSlimPreviousObjectOnUpdate() {
    DriftStore store = new DriftStore();
    GenericKubernetesResource first = yaml("""
        apiVersion: v1
        kind: ConfigMap
        metadata: {name: web, namespace: shop, resourceVersion: "1", managedFields: [{manager: capstan}]}
        data: {greeting: hello}
        """);
    String key = store.getKey(first);
    store.put(key, first);

    GenericKubernetesResource old = store.put(key, first);

    assertThat(key).isEqualTo("shop/web");
    assertThat(old.getMetadata().getManagedFields()).extracting(ManagedFieldsEntry::getFieldsV1).containsOnlyNulls();
    assertThat(old.getAdditionalProperties()).containsEntry("data", java.util.Map.of("greeting", "hello"));
    assertThat(store.size()).isEqualTo(1);
  }
}
