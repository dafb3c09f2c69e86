package dev.capstan.chart.lint;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ServiceChecksTest {
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  @SuppressWarnings("unchecked")
  private static Map<String, Object> yaml(String text) throws Exception {
    return YAML.readValue(text, Map.class);
  }

  private static final String DEPLOYMENT = """
      apiVersion: apps/v1
      kind: Deployment
      metadata: {name: web}
      spec:
        template:
          metadata: {labels: {app: web, tier: front}}
          spec:
            containers: [{name: web, image: nginx, ports: [{name: http, containerPort: 80}]}]
      """;

  private static List<String> check(String service, String... others) throws Exception {
    List<Map<String, Object>> objects = new java.util.ArrayList<>();
    for (String other : others) {
      objects.add(yaml(other));
    }
    return ServiceChecks.check(yaml(service), ServiceChecks.podTemplates(objects)).stream()
        .map(f -> f.severity() + " " + f.message()).toList();
  }

  @Test
  void aServiceThatSelectsTheChartsPodsByAPortTheyNamePasses() throws Exception {
    assertThat(check("""
        kind: Service
        spec: {selector: {app: web}, ports: [{port: 80, targetPort: http}, {port: 81, targetPort: 8081}]}
        """, DEPLOYMENT)).isEmpty();
    assertThat(check("kind: Service\nspec: {type: ExternalName, externalName: example.com}\n", DEPLOYMENT)).isEmpty();
  }

  @Test
  void warnsAboutASelectorThatMatchesNoPod() throws Exception {
    assertThat(check("kind: Service\nspec: {selector: {app: web, tier: back}}\n", DEPLOYMENT))
        .containsExactly("WARNING spec.selector: selects none of the pods this chart renders");
  }

  @Test
  void warnsAboutATargetPortNameNoSelectedContainerDeclares() throws Exception {
    assertThat(check("kind: Service\nspec: {selector: {app: web}, ports: [{port: 80, targetPort: https}]}\n", DEPLOYMENT))
        .containsExactly("WARNING spec.ports[0].targetPort: no container of the selected pods has a port named \"https\"");
  }
}
