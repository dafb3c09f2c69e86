package dev.capstan.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.ManagedFieldsEntry;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What Capstan's apply relies on, checked against the real API server. */
@KubeApiServerTest
class ServerSideApplyIT {
  KubernetesClient client;
  KubeEnv env;

  @Test
  void applyingAgainWithoutAKeyRemovesIt() {
    apply("capstan", configMap("shrink", Map.of("a", "1", "b", "2")));

    ConfigMap after = apply("capstan", configMap("shrink", Map.of("a", "1")));

    assertThat(after.getData()).containsExactly(Map.entry("a", "1"));
    assertThat(client.configMaps().withName("shrink").get().getData()).containsOnlyKeys("a");
  }

  @Test
  void managedFieldsNameTheFieldManager() {
    ConfigMap applied = apply("capstan", configMap("owned", Map.of("a", "1")));

    assertThat(applied.getMetadata().getNamespace()).isEqualTo(env.namespace());
    assertThat(applied.getMetadata().getManagedFields())
        .filteredOn(f -> "Apply".equals(f.getOperation()))
        .extracting(ManagedFieldsEntry::getManager)
        .containsExactly("capstan");
  }

  @Test
  void aSecondManagerConflictsUnlessItForces() {
    apply("capstan", configMap("contested", Map.of("a", "1")));
    ConfigMap rival = configMap("contested", Map.of("a", "2"));

    assertThatThrownBy(() -> client.configMaps().resource(rival).fieldManager("rival").serverSideApply())
        .isInstanceOfSatisfying(KubernetesClientException.class, e -> {
          assertThat(e.getCode()).isEqualTo(409);
          assertThat(e.getMessage()).contains("conflict").contains("capstan");
        });
    assertThat(client.configMaps().withName("contested").get().getData()).containsEntry("a", "1");

    client.configMaps().resource(rival).fieldManager("rival").forceConflicts().serverSideApply();
    assertThat(client.configMaps().withName("contested").get().getData()).containsEntry("a", "2");
  }

  @Test
  void aDryRunApplyAnswersButPersistsNothing() {
    ConfigMap answered = client.configMaps().resource(configMap("dry", Map.of("a", "1")))
        .dryRun().fieldManager("capstan").serverSideApply();

    assertThat(answered.getData()).containsEntry("a", "1");
    assertThat(client.configMaps().withName("dry").get()).isNull();
  }

  private ConfigMap apply(String manager, ConfigMap cm) {
    return client.configMaps().resource(cm).fieldManager(manager).forceConflicts().serverSideApply();
  }

  private static ConfigMap configMap(String name, Map<String, String> data) {
    return new ConfigMapBuilder().withNewMetadata().withName(name).endMetadata().withData(data).build();
  }
}
