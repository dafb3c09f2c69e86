package dev.capstan.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceBuilder;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinitionBuilder;
import io.fabric8.kubernetes.api.model.apiextensions.v1.JSONSchemaPropsBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

@KubeApiServerTest
class CustomResourceIT {
  @Test
  void aCrdBecomesEstablishedAndServesItsResources(KubernetesClient client, KubeEnv env) {
    CustomResourceDefinition crd = client.apiextensions().v1().customResourceDefinitions()
        .resource(widgetCrd()).serverSideApply();

    CustomResourceDefinition established = client.apiextensions().v1().customResourceDefinitions()
        .withName(crd.getMetadata().getName())
        .waitUntilCondition(c -> c != null && c.getStatus() != null && c.getStatus().getConditions().stream()
            .anyMatch(cond -> "Established".equals(cond.getType()) && "True".equals(cond.getStatus())),
            60, TimeUnit.SECONDS);
    assertThat(established.getStatus().getAcceptedNames().getKind()).isEqualTo("Widget");

    GenericKubernetesResource widget = new GenericKubernetesResourceBuilder()
        .withApiVersion("test.capstan.dev/v1").withKind("Widget")
        .withNewMetadata().withName("w1").endMetadata()
        .withAdditionalProperties(Map.of("spec", Map.of("size", 3)))
        .build();
    client.genericKubernetesResources("test.capstan.dev/v1", "Widget").resource(widget)
        .fieldManager("capstan").serverSideApply();

    GenericKubernetesResource stored = client.genericKubernetesResources("test.capstan.dev/v1", "Widget")
        .inNamespace(env.namespace()).withName("w1").get();
    assertThat(stored.<Integer>get("spec", "size")).isEqualTo(3);
  }

  private static CustomResourceDefinition widgetCrd() {
    return new CustomResourceDefinitionBuilder()
        .withNewMetadata().withName("widgets.test.capstan.dev").endMetadata()
        .withNewSpec().withGroup("test.capstan.dev").withScope("Namespaced")
        .withNewNames().withKind("Widget").withPlural("widgets").withSingular("widget").endNames()
        .addNewVersion().withName("v1").withServed(true).withStorage(true)
        .withNewSchema().withOpenAPIV3Schema(new JSONSchemaPropsBuilder().withType("object")
            .addToProperties("spec", new JSONSchemaPropsBuilder().withType("object")
                .addToProperties("size", new JSONSchemaPropsBuilder().withType("integer").build())
                .build())
            .build())
        .endSchema().endVersion().endSpec()
        .build();
  }
}
