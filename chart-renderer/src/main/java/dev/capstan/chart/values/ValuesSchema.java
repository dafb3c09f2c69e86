package dev.capstan.chart.values;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaException;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.SpecVersionDetector;
import com.networknt.schema.ValidationMessage;
import com.networknt.schema.resource.DisallowSchemaLoader;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * Checks values against a chart's {@code values.schema.json} (draft-07 unless the schema names
 * another). As in Helm, each chart's schema is checked against that chart's own scope: the caller
 * passes a subchart's scope ({@code values.get(alias)}) with the subchart's schema. Schemas come
 * from untrusted charts, so no {@code $ref} may load anything from the network or the disk.
 */
public final class ValuesSchema {
  private static final JsonMapper JSON = JsonMapper.builder().build();
  /** Compiled schemas by text: a warm render must not recompile its charts' schemas. */
  private static final Map<String, JsonSchema> COMPILED = Collections.synchronizedMap(
      new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, JsonSchema> eldest) {
          return size() > 256;
        }
      });
  private static final Map<SpecVersion.VersionFlag, JsonSchemaFactory> FACTORIES =
      new ConcurrentHashMap<>();

  private ValuesSchema() {}

  /**
   * @throws ValuesException naming {@code <chart>/values.schema.json} and, for each violation, the
   *     JSON path ({@code $.replicaCount: string found, integer expected})
   */
  public static void validate(String chartName, String schemaJson, Map<String, Object> values) {
    String where = chartName + "/values.schema.json";
    Set<ValidationMessage> errors = violations(where, schemaJson, values);
    if (!errors.isEmpty()) {
      String message = errors.stream()
          .map(m -> m.getInstanceLocation() + ": " + m.getError())
          .sorted()
          .collect(Collectors.joining("; "));
      throw new ValuesException(where, message);
    }
  }

  /**
   * The violations as Helm 3.17 lists them for a chart (gojsonschema's wording, one
   * {@code - field: description} line each, see {@link HelmSchemaMessages}); empty when the values
   * are valid. For Helm charts, whose users know these messages.
   *
   * @throws ValuesException when the schema itself is not valid JSON or not a valid schema
   */
  public static List<String> helmViolations(String chartName, String schemaJson, Map<String, Object> values) {
    return violations(chartName + "/values.schema.json", schemaJson, values).stream()
        .map(HelmSchemaMessages::line)
        .toList();
  }

  private static Set<ValidationMessage> violations(String where, String schemaJson, Map<String, Object> values) {
    try {
      return compiled(where, schemaJson).validate(JSON.valueToTree(values));
    } catch (JsonSchemaException | IllegalArgumentException | UnsupportedOperationException e) {
      throw new ValuesException(where, "invalid schema: " + e.getMessage(), e);
    }
  }

  private static JsonSchema compiled(String where, String schemaJson) {
    JsonSchema cached = COMPILED.get(schemaJson);
    if (cached != null) {
      return cached;
    }
    JsonNode schemaNode;
    try {
      schemaNode = JSON.readTree(schemaJson);
    } catch (JsonProcessingException e) {
      int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
      throw new ValuesException(line > 0 ? where + ":" + line : where,
          "invalid JSON: " + e.getOriginalMessage());
    }
    Optional<SpecVersion.VersionFlag> declared = SpecVersionDetector.detectOptionalVersion(schemaNode, false);
    if (declared.isEmpty() && schemaNode.has("$schema") && schemaNode instanceof ObjectNode o) {
      // Helm (gojsonschema) reads a $schema it does not know, such as the common
      // "http://json-schema.org/schema#", as the latest draft it has; so do we, instead of
      // trying to load that URI as a meta-schema.
      schemaNode = o.deepCopy().without("$schema");
    }
    SpecVersion.VersionFlag version = declared.orElse(SpecVersion.VersionFlag.V7);
    JsonSchema schema = FACTORIES.computeIfAbsent(version, ValuesSchema::factory).getSchema(schemaNode);
    // Resolve every $ref now, so a bad reference fails here and is never cached.
    schema.initializeValidators();
    COMPILED.put(schemaJson, schema);
    return schema;
  }

  private static JsonSchemaFactory factory(SpecVersion.VersionFlag version) {
    return JsonSchemaFactory.getInstance(version,
        builder -> builder.schemaLoaders(loaders -> loaders.values(list -> {
          list.clear();
          list.add(DisallowSchemaLoader.getInstance());
        })));
  }
}
