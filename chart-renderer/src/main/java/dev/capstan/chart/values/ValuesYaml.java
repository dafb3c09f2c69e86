package dev.capstan.chart.values;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads a values document ({@code values.yaml} or a {@code -f} file) the way Helm does: the first
 * YAML document, which must be a map (or empty), with numbers as after Helm's JSON round trip.
 * The chart loader uses this too, so defaults and user files read alike.
 */
public final class ValuesYaml {
  private static final YAMLMapper YAML = YAMLMapper.builder().build();

  private ValuesYaml() {}

  /**
   * Parses {@code text}; errors name {@code where} (a file path) and the line.
   *
   * @throws ValuesException when the text is not YAML or not a map
   */
  public static Map<String, Object> read(String where, String text) {
    JsonNode tree;
    try {
      tree = YAML.readTree(text);
    } catch (JsonProcessingException e) {
      JsonLocation at = e.getLocation();
      String place = at == null || at.getLineNr() < 1 ? where : where + ":" + at.getLineNr();
      throw new ValuesException(place, "invalid YAML: " + firstLine(e.getOriginalMessage()));
    }
    if (tree == null || tree.isNull() || tree.isMissingNode()) {
      return new LinkedHashMap<>();
    }
    if (!tree.isObject()) {
      throw new ValuesException(where + ":1", "values must be a map, not "
          + ValueMaps.describe(ValueMaps.fromTree(tree)));
    }
    return ValueMaps.cast((Map<?, ?>) ValueMaps.fromTree(tree));
  }

  private static String firstLine(String message) {
    int nl = message == null ? -1 : message.indexOf('\n');
    return nl < 0 ? String.valueOf(message) : message.substring(0, nl);
  }
}
