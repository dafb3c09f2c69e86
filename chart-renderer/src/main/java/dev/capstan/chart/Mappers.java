package dev.capstan.chart;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import dev.capstan.chart.values.ValuesYaml;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The Jackson mappers every part of the renderer shares, configured once: YAML written the way
 * Helm's {@code toYaml} writes it (no document marker, minimal quoting, block lists not indented,
 * multi-line strings as literal blocks), JSON compact or pretty.
 */
public final class Mappers {
  public static final ObjectMapper YAML = new ObjectMapper(YAMLFactory.builder()
      .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
      .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
      .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
      .enable(YAMLGenerator.Feature.LITERAL_BLOCK_STYLE)
      .disable(YAMLGenerator.Feature.SPLIT_LINES)
      .build())
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
      .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS);
  public static final ObjectMapper JSON = new ObjectMapper().disable(SerializationFeature.FAIL_ON_EMPTY_BEANS);

  private static final Class<Object> ANY_CLASS = Object.class;

  private Mappers() {}

  /**
   * Parses one YAML document into maps, lists and scalars; an empty document is {@code null}. A
   * text longer than {@link ValuesYaml#MAX_DOCUMENT_CHARS} is refused before parsing (Chart.yaml,
   * {@code fromYaml}), as the parser would take minutes to find it too long.
   */
  public static Object readYaml(String text) throws JsonProcessingException {
    if (text.length() > ValuesYaml.MAX_DOCUMENT_CHARS) {
      throw new JsonParseException(null, "document of " + text.length() + " characters exceeds the limit of "
          + ValuesYaml.MAX_DOCUMENT_CHARS + " (ValuesYaml.MAX_DOCUMENT_CHARS)");
    }
    JsonNode tree = text.isBlank() ? null : YAML.readTree(text);
    return tree == null || tree.isMissingNode() || tree.isNull() ? null : YAML.treeToValue(tree, ANY_CLASS);
  }

  /** Parses a YAML mapping (values.yaml, Chart.yaml); an empty file is an empty map. */
  @SuppressWarnings("unchecked")
  public static Map<String, Object> readYamlMap(String text) throws JsonProcessingException {
    Object o = readYaml(text);
    if (o == null) {
      return new LinkedHashMap<>();
    }
    if (!(o instanceof Map)) {
      throw new IllegalArgumentException("expected a mapping at the top level, found " + describe(o));
    }
    return (Map<String, Object>) o;
  }

  public static String describe(Object o) {
    return o instanceof Map ? "a mapping" : o instanceof java.util.List ? "a list" : "a " + (o == null ? "null" : o.getClass().getSimpleName().toLowerCase());
  }
}
