package dev.capstan.chart.lint;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ObjectChecksTest {
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  @SuppressWarnings("unchecked")
  private static List<String> check(String yaml) throws Exception {
    Map<String, Object> object = YAML.readValue(yaml, Map.class);
    return ObjectChecks.check(object).stream()
        .map(f -> f.severity() + " " + f.message()).toList();
  }

  @Test
  void aTidyDeploymentPasses() throws Exception {
    assertThat(check("""
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: web.v2, labels: {app.kubernetes.io/name: web, tier: ""}}
        spec:
          selector: {matchLabels: {app: web}}
          template:
            metadata: {labels: {app: web, extra: "yes"}}
            spec:
              containers: [{name: web, image: nginx, resources: {requests: {cpu: 10m}}}]
        """)).isEmpty();
  }

  @Test
  void namesLabelsAndSelectorsTheApiServerWouldReject() throws Exception {
    String longName = "a".repeat(64);
    assertThat(check("""
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: Web_1, labels: {"example.com/app": "%s", "bad key!": x}}
        spec:
          selector: {matchLabels: {app: web}}
          template:
            metadata: {labels: {app: webui}}
            spec:
              containers: [{name: web, image: nginx, resources: {requests: {cpu: 10m}}}]
        """.formatted(longName))).containsExactly(
        "ERROR metadata.name: name \"Web_1\" must be a DNS subdomain: lower-case letters, digits, '-' and '.'",
        "ERROR metadata.labels.example.com/app: label value \"" + longName + "\" must be at most 63 letters, digits,"
            + " '-', '_' or '.', starting and ending with a letter or digit",
        "ERROR metadata.labels.bad key!: label key \"bad key!\" must be an optional DNS-subdomain prefix and '/' and"
            + " a name of at most 63 letters, digits, '-', '_' or '.'",
        "ERROR spec.selector.matchLabels.app: selector app=web does not match the pod template's labels;"
            + " the API server rejects this Deployment");
  }

  @Test
  void serviceNamesAreDnsLabelsStartingWithALetter() throws Exception {
    assertThat(check("apiVersion: v1\nkind: Service\nmetadata: {name: 1web}\n")).containsExactly(
        "ERROR metadata.name: name \"1web\" must be a DNS-1035 label: at most 63 lower-case letters, digits and '-',"
            + " starting with a letter");
    assertThat(check("apiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRole\nmetadata: {name: \"system:web\"}\n"))
        .isEmpty();
  }

  @Test
  void containerAndPortNamesTheApiServerWouldReject() throws Exception {
    assertThat(check("""
        apiVersion: v1
        kind: Pod
        metadata: {name: web}
        spec:
          containers:
            - name: web
              image: nginx
              resources: {requests: {cpu: 10m}}
              ports: [{name: http, containerPort: 80}, {name: metrics-endpoint, containerPort: 9090}, {name: "8443"}]
            - name: web
              image: envoy
              resources: {requests: {cpu: 10m}}
              ports: [{name: admin--port, containerPort: 9901}]
        """)).containsExactly(
        "ERROR spec.containers[0].ports[1].name: port name \"metrics-endpoint\" must be at most 15 lower-case letters,"
            + " digits and '-', with a letter and no \"--\"",
        "ERROR spec.containers[0].ports[2].name: port name \"8443\" must be at most 15 lower-case letters,"
            + " digits and '-', with a letter and no \"--\"",
        "ERROR spec.containers[1].name: container name \"web\" is used twice in the pod",
        "ERROR spec.containers[1].ports[0].name: port name \"admin--port\" must be at most 15 lower-case letters,"
            + " digits and '-', with a letter and no \"--\"");
  }

  @Test
  void probesOnPortNamesTheContainerDoesNotDeclareAreWarnings() throws Exception {
    assertThat(check("""
        apiVersion: v1
        kind: Pod
        metadata: {name: web}
        spec:
          containers:
            - name: web
              image: nginx
              resources: {requests: {cpu: 10m}}
              ports: [{name: http, containerPort: 80}]
              readinessProbe: {httpGet: {path: /, port: http}}
              livenessProbe: {tcpSocket: {port: htpp}}
              startupProbe: {httpGet: {path: /, port: 80}}
        """)).containsExactly("WARNING spec.containers[0].livenessProbe.tcpSocket.port: \"htpp\" is not a port name"
        + " of container \"web\", so the probe always fails");
  }

  @Test
  void containersWithoutRequestsAreReportedAsInfo() throws Exception {
    assertThat(check("""
        apiVersion: batch/v1
        kind: CronJob
        metadata: {name: nightly}
        spec:
          schedule: "@daily"
          jobTemplate:
            spec:
              template:
                spec:
                  containers: [{name: backup, image: busybox, resources: {}}]
        """)).containsExactly("INFO container \"backup\" has no resource requests, so the scheduler cannot place it well;"
        + " set resources.requests");
  }
}
