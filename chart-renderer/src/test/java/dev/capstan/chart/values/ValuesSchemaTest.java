package dev.capstan.chart.values;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ValuesSchemaTest {
  private static final String SCHEMA = """
      {"type": "object",
       "required": ["image"],
       "properties": {
         "replicaCount": {"type": "integer", "minimum": 1},
         "image": {"type": "object", "properties": {"tag": {"type": "string"}}}}}
      """;

  @Test
  void valuesThatFitPass() {
    assertThatCode(() -> ValuesSchema.validate("web", SCHEMA,
        Map.of("replicaCount", 2L, "image", Map.of("tag", "1.0"))))
        .doesNotThrowAnyException();
  }

  @Test
  void violationsNameTheSchemaFileAndEveryJsonPath() {
    assertThatThrownBy(() -> ValuesSchema.validate("web", SCHEMA,
            Map.of("replicaCount", "two", "image", Map.of("tag", 5L))))
        .isInstanceOf(ValuesException.class)
        .hasMessageStartingWith("web/values.schema.json: ")
        .hasMessageContaining("$.image.tag: integer found, string expected")
        .hasMessageContaining("$.replicaCount: string found, integer expected");
  }

  @Test
  void missingRequiredKeyIsReported() {
    assertThatThrownBy(() -> ValuesSchema.validate("web", SCHEMA, Map.of()))
        .hasMessageStartingWith("web/values.schema.json: $: required property 'image' not found");
  }

  @Test
  void schemaThatIsNotJsonNamesTheLine() {
    assertThatThrownBy(() -> ValuesSchema.validate("web", "{\n\"type\": }", Map.of()))
        .isInstanceOf(ValuesException.class)
        .hasMessageStartingWith("web/values.schema.json:2: invalid JSON");
  }

  @Test
  void remoteAndLocalReferencesAreNeverLoaded() {
    for (String ref : new String[] {"http://127.0.0.1:9/evil.json", "file:///etc/passwd"}) {
      String schema = "{\"properties\": {\"a\": {\"$ref\": \"" + ref + "\"}}}";
      assertThatThrownBy(() -> ValuesSchema.validate("web", schema, Map.of("a", 1L)))
          .isInstanceOf(ValuesException.class)
          .hasMessageStartingWith("web/values.schema.json: invalid schema");
    }
  }
}
