package dev.capstan.chart.lint;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class YamlLinesTest {
  private static final String DOC = """
      apiVersion: apps/v1
      kind: Deployment
      spec:
        template:
          spec:
            containers:
              - name: web
                image: nginx
              - name: sidecar
                ports: [{containerPort: 80}]
      """;

  @Test
  void findsFieldsAndListItems() {
    assertThat(YamlLines.lineOf(DOC, List.of("kind"))).isEqualTo(2);
    assertThat(YamlLines.lineOf(DOC, List.of("spec", "template", "spec", "containers", 0, "image"))).isEqualTo(8);
    assertThat(YamlLines.lineOf(DOC, List.of("spec", "template", "spec", "containers", 1))).isEqualTo(9);
    assertThat(YamlLines.lineOf(DOC, List.of("spec", "template", "spec", "containers", 1, "ports", 0, "containerPort")))
        .isEqualTo(10);
  }

  @Test
  void answersZeroForWhatIsNotThere() {
    assertThat(YamlLines.lineOf(DOC, List.of("spec", "replicas"))).isZero();
    assertThat(YamlLines.lineOf(DOC, List.of("spec", "template", "spec", "containers", 5))).isZero();
    assertThat(YamlLines.lineOf("a: [unclosed", List.of("a", 0, "b"))).isZero();
  }

  @Test
  void templateLinesMatchUniqueTextOrAUniqueKey() {
    String template = """
        spec:
          replicas: "{{ values.replicas }}"
          template:
            - name: web
            - name: worker
        """;
    String rendered = "spec:\n  replicas: \"2\"\n  template:\n    - name: web\n    - name: worker\n";
    assertThat(TemplateLines.find(template, rendered, 2, "replicas")).isEqualTo(2);
    assertThat(TemplateLines.find(template, rendered, 5, null)).isEqualTo(5);
    assertThat(TemplateLines.find(template, "spec:\n  name: web\n", 2, "name")).isZero();
  }

  @Test
  void templateLinesLookInTheDocumentThatLooksMostLikeTheRenderedOne() {
    String template = """
        kind: Service
        metadata:
          name: web
        ---
        kind: Service
        metadata:
          name: api
        """;
    assertThat(TemplateLines.find(template, "kind: Service\nmetadata:\n  name: api\n", 1, "kind")).isEqualTo(5);
    assertThat(TemplateLines.find(template, "kind: Service\nmetadata:\n  name: web\n", 1, "kind")).isEqualTo(1);
    assertThat(TemplateLines.find(template, "kind: Service\nmetadata:\n  name: db\n", 1, "kind")).isZero();
  }
}
