package dev.capstan.chart.lint;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.util.Map;
import org.junit.jupiter.api.Test;

class KubeSchemasTest {
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  private final KubeSchemas schemas = new KubeSchemas();

  @SuppressWarnings("unchecked")
  private static Map<String, Object> yaml(String text) throws Exception {
    return YAML.readValue(text, Map.class);
  }

  private static String deployment(String containerExtra) {
    return """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: web
          labels: {app: web}
          creationTimestamp: null
        spec:
          replicas: 2
          selector: {matchLabels: {app: web}}
          strategy:
            type: RollingUpdate
            rollingUpdate: {maxSurge: 25%, maxUnavailable: 0}
          template:
            metadata: {labels: {app: web}}
            spec:
              containers:
                - name: web
                  image: nginx:1.27
                  ports: [{containerPort: 80, name: http}]
                  resources:
                    requests: {cpu: 100m, memory: 64Mi}
                    limits: {cpu: 1, memory: 0.5Gi}
                  readinessProbe:
                    httpGet: {path: /, port: http}
                  livenessProbe:
                    tcpSocket: {port: 80}
        """ + containerExtra;
  }

  @Test
  void aValidDeploymentHasNoProblems() throws Exception {
    assertThat(schemas.validate(yaml(deployment("")))).isEmpty();
  }

  @Test
  void intOrStringAndQuantityAcceptNumbersAndStrings() throws Exception {
    // maxSurge 25% (string), maxUnavailable 0 (int), port http / 80, cpu 1 (int), memory 64Mi
    assertThat(schemas.validate(yaml(deployment("")))).isEmpty();
    Map<String, Object> pdb = yaml("""
        apiVersion: policy/v1
        kind: PodDisruptionBudget
        metadata: {name: web}
        spec: {minAvailable: 50%, selector: {matchLabels: {app: web}}}
        """);
    assertThat(schemas.validate(pdb)).isEmpty();
  }

  @Test
  void reportsAnUnknownFieldWithItsPath() throws Exception {
    String text = deployment("").replace("image: nginx:1.27", "image: nginx:1.27\n          imagePullPolicyy: Always");
    assertThat(schemas.validate(yaml(text)))
        .containsExactly("spec.template.spec.containers[0].imagePullPolicyy: unknown field \"imagePullPolicyy\"");
  }

  @Test
  void reportsAWrongTypeWithItsPath() throws Exception {
    String text = deployment("").replace("replicas: 2", "replicas: \"2\"").replace("labels: {app: web}\n  creation", "labels: {app: true}\n  creation");
    assertThat(schemas.validate(yaml(text))).containsExactly(
        "metadata.labels.app: boolean found, string expected",
        "spec.replicas: string found, integer expected");
  }

  @Test
  void reportsAMissingRequiredField() throws Exception {
    String text = deployment("").replace("- name: web\n          image:", "- image:");
    assertThat(schemas.validate(yaml(text)))
        .containsExactly("spec.template.spec.containers[0].name: required field \"name\" is missing");
  }

  @Test
  void anIntOrStringFieldRejectsOtherTypes() throws Exception {
    String text = deployment("").replace("maxSurge: 25%", "maxSurge: true");
    assertThat(schemas.validate(yaml(text))).hasSize(1).first().asString()
        .startsWith("spec.strategy.rollingUpdate.maxSurge: boolean found");
  }

  @Test
  void customResourcesAreNotChecked() throws Exception {
    Map<String, Object> cr = yaml("""
        apiVersion: example.com/v1
        kind: Widget
        metadata: {name: w}
        spec: {anything: [1, 2]}
        """);
    assertThat(schemas.knows("example.com/v1", "Widget")).isFalse();
    assertThat(schemas.validate(cr)).isEmpty();
  }

  @Test
  void knowsTheBuiltInKindsOfTheBundledVersion() {
    assertThat(schemas.kubernetesVersion()).startsWith("v1.");
    assertThat(schemas.knows("v1", "ConfigMap")).isTrue();
    assertThat(schemas.knows("apps/v1", "DaemonSet")).isTrue();
    assertThat(schemas.knows("networking.k8s.io/v1", "Ingress")).isTrue();
    assertThat(schemas.knows("autoscaling/v2", "HorizontalPodAutoscaler")).isTrue();
    assertThat(schemas.knows("extensions/v1beta1", "Ingress")).isFalse();
  }

  @Test
  void preservedUnknownFieldsInCustomResourceDefinitionsAreAccepted() throws Exception {
    Map<String, Object> crd = yaml("""
        apiVersion: apiextensions.k8s.io/v1
        kind: CustomResourceDefinition
        metadata: {name: widgets.example.com}
        spec:
          group: example.com
          names: {kind: Widget, plural: widgets}
          scope: Namespaced
          versions:
            - name: v1
              served: true
              storage: true
              schema:
                openAPIV3Schema:
                  type: object
                  x-kubernetes-preserve-unknown-fields: true
                  properties:
                    spec: {type: object, default: {size: 1}}
        """);
    assertThat(schemas.validate(crd)).isEmpty();
  }
}
