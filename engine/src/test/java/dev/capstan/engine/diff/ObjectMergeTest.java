package dev.capstan.engine.diff;

import static org.assertj.core.api.Assertions.assertThat;

import dev.capstan.engine.resource.ObjectRef;
import dev.capstan.engine.testing.Fixtures;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The fallback used when the API server cannot dry-run server-side apply. */
class ObjectMergeTest {
  private static final String LIVE = """
      apiVersion: v1
      kind: Service
      metadata: {name: web, namespace: shop, uid: 1a2b, resourceVersion: "7"}
      spec:
        type: ClusterIP
        clusterIP: 10.0.0.7
        sessionAffinity: None
        ports: [{name: http, port: 80, protocol: TCP, targetPort: 8080}]
      """;

  @SuppressWarnings("unchecked")
  private static Map<String, Object> overlay(String live, String desired) {
    return (Map<String, Object>) ObjectMerge.overlay(Fixtures.yaml(live), Fixtures.yaml(desired));
  }

  @Test
  void serverDefaultsSurviveAndEquivalentValuesAreNoChange() {
    Map<String, Object> predicted = overlay(LIVE, """
        apiVersion: v1
        kind: Service
        metadata: {name: web, namespace: shop}
        spec:
          ports: [{name: http, port: "80", targetPort: "8080"}]
        """);

    assertThat(new ObjectComparison(List.of()).compare(ObjectRef.of(predicted), Fixtures.yaml(LIVE), predicted).action())
        .isEqualTo(DiffAction.UNCHANGED);
  }

  @Test
  void aChangedFieldIsReplacedAndOtherFieldsKept() {
    Map<String, Object> predicted = overlay(LIVE, """
        apiVersion: v1
        kind: Service
        metadata: {name: web, namespace: shop}
        spec:
          ports: [{name: http, port: 81}]
        """);

    assertThat(predicted).extracting("spec").asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
        .containsEntry("clusterIP", "10.0.0.7")
        .containsEntry("ports", List.of(Map.of("name", "http", "port", 81, "protocol", "TCP", "targetPort", 8080)));
  }

  @Test
  void listsOfADifferentLengthAreReplacedWhole() {
    Map<String, Object> predicted = overlay(LIVE, """
        apiVersion: v1
        kind: Service
        metadata: {name: web, namespace: shop}
        spec:
          ports: [{name: http, port: 80}, {name: https, port: 443}]
        """);

    assertThat(predicted).extracting("spec").asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
        .containsEntry("ports", List.of(Map.of("name", "http", "port", 80), Map.of("name", "https", "port", 443)));
  }
}
