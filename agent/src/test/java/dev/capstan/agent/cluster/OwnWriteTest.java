package dev.capstan.agent.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceBuilder;
import io.fabric8.kubernetes.api.model.ManagedFieldsEntry;
import io.fabric8.kubernetes.api.model.ManagedFieldsEntryBuilder;
import java.util.List;
import org.junit.jupiter.api.Test;

class OwnWriteTest {
  @Test
  void theAgentsApplyAsTheNewestWriteIsItsOwnEcho() {
    assertThat(OwnWrite.newestIsOurs(object(
        entry("kube-controller-manager", "Update", null, "2026-11-26T10:00:00Z"),
        entry("capstan", "Apply", null, "2026-11-26T10:00:05Z")))).isTrue();
  }

  @Test
  void aLaterHandEditIsDrift() {
    assertThat(OwnWrite.newestIsOurs(object(
        entry("capstan", "Apply", null, "2026-11-26T10:00:05Z"),
        entry("kubectl-edit", "Update", null, "2026-11-26T10:00:09Z")))).isFalse();
  }

  @Test
  void anEditInTheSameSecondCountsAsDrift() {
    assertThat(OwnWrite.newestIsOurs(object(
        entry("capstan", "Apply", null, "2026-11-26T10:00:05Z"),
        entry("kubectl-patch", "Update", null, "2026-11-26T10:00:05Z")))).isFalse();
  }

  @Test
  void statusWritesDoNotHideTheAgentsApply() {
    assertThat(OwnWrite.newestIsOurs(object(
        entry("capstan", "Apply", null, "2026-11-26T10:00:05Z"),
        entry("kube-controller-manager", "Update", "status", "2026-11-26T10:00:07Z")))).isTrue();
  }

  @Test
  void anotherManagersApplyOrNoRecordIsNotTheAgents() {
    assertThat(OwnWrite.newestIsOurs(object(entry("helm", "Apply", null, "2026-11-26T10:00:05Z")))).isFalse();
    assertThat(OwnWrite.newestIsOurs(object())).isFalse();
  }

  private static GenericKubernetesResource object(ManagedFieldsEntry... entries) {
    return new GenericKubernetesResourceBuilder().withApiVersion("v1").withKind("ConfigMap")
        .withNewMetadata().withName("web").withManagedFields(List.of(entries)).endMetadata().build();
  }

  private static ManagedFieldsEntry entry(String manager, String operation, String subresource, String time) {
    return new ManagedFieldsEntryBuilder().withManager(manager).withOperation(operation).withSubresource(subresource)
        .withTime(time).withApiVersion("v1").withFieldsType("FieldsV1").build();
  }
}
