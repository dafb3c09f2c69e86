package dev.capstan.chart.values;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaException;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.SpecVersionDetector;
import com.networknt.schema.ValidationMessage;
import com.networknt.schema.resource.DisallowSchemaLoader;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Checks values against a chart's {@code values.schema.json} (draft-07 unless the schema names
 * another). As in Helm, each chart's schema is checked against that chart's own scope: the caller
 * passes a subchart's scope ({@code values.get(alias)}) with the subchart's schema. Schemas come
 * from untrusted charts, so no {@code $ref} may load anything from the network or the disk.
 */
public final class ValuesSchema {
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private ValuesSchema() {}

  /**
   * @throws ValuesException naming {@code <chart>/values.schema.json} and, for each violation, the
   *     JSON path ({@code $.replicaCount: string found, integer expected})
   */
  public static void validate(String chartName, String schemaJson, Map<String, Object> values) {
    String where = chartName + "/values.schema.json";
    JsonNode schemaNode;
    try {
      schemaNode = JSON.readTree(schemaJson);
    } catch (JsonProcessingException e) {
      int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
      throw new ValuesException(line > 0 ? where + ":" + line : where,
          "invalid JSON: " + e.getOriginalMessage());
    }
    Set<ValidationMessage> errors;
    try {
      errors = schema(schemaNode).validate(JSON.valueToTree(values));
    } catch (JsonSchemaException | IllegalArgumentException | UnsupportedOperationException e) {
      throw new ValuesException(where, "invalid schema: " + e.getMessage(), e);
    }
    if (!errors.isEmpty()) {
      String message = errors.stream()
          .map(m -> m.getInstanceLocation() + ": " + m.getError())
          .sorted()
          .collect(Collectors.joining("; "));
      throw new ValuesException(where, message);
    }
  }

  private static JsonSchema schema(JsonNode schemaNode) {
    SpecVersion.VersionFlag version = SpecVersionDetector.detectOptionalVersion(schemaNode, false)
        .orElse(SpecVersion.VersionFlag.V7);
    JsonSchemaFactory factory = JsonSchemaFactory.getInstance(version,
        builder -> builder.schemaLoaders(loaders -> loaders.values(list -> {
          list.clear();
          list.add(DisallowSchemaLoader.getInstance());
        })));
    return factory.getSchema(schemaNode);
  }
}
