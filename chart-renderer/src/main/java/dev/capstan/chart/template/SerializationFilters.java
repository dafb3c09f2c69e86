package dev.capstan.chart.template;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.ObjectWriter;
import dev.capstan.chart.Mappers;
import io.pebbletemplates.pebble.extension.Filter;
import java.util.List;
import java.util.Map;

/**
 * {@code toYaml}, {@code toJson}, {@code toPrettyJson}, {@code fromYaml}, {@code fromJson}: Jackson
 * both ways. Maps are sorted before rendering, so output keys come out sorted as Helm's do;
 * {@code toYaml} drops the final newline as Helm's does. Unlike Sprig, a parse error in
 * {@code fromYaml}/{@code fromJson} stops the render with the template line instead of returning
 * a map with an {@code Error} key.
 */
final class SerializationFilters {
  private static final ObjectWriter PRETTY_JSON = Mappers.JSON.writer(new DefaultPrettyPrinter(
      Separators.createDefaultInstance().withObjectFieldValueSpacing(Separators.Spacing.AFTER)
          .withObjectEmptySeparator("").withArrayEmptySeparator(""))
      .withObjectIndenter(new DefaultIndenter("  ", "\n"))
      .withArrayIndenter(new DefaultIndenter("  ", "\n")));

  private SerializationFilters() {}

  static void register(Map<String, Filter> filters) {
    filters.put("toYaml", FilterBody.of(List.of(), (in, call) -> toYaml(in, call)));
    filters.put("toJson", FilterBody.of(List.of(), (in, call) -> write(in, call, Mappers.JSON.writer())));
    filters.put("toPrettyJson", FilterBody.of(List.of(), (in, call) -> write(in, call, PRETTY_JSON)));
    filters.put("fromYaml", FilterBody.of(List.of(), (in, call) -> read(in, call, true)));
    filters.put("fromJson", FilterBody.of(List.of(), (in, call) -> read(in, call, false)));
  }

  private static String toYaml(Object in, FilterCall call) {
    try {
      String yaml = Mappers.YAML.writeValueAsString(in);
      return yaml.endsWith("\n") ? yaml.substring(0, yaml.length() - 1) : yaml;
    } catch (JsonProcessingException e) {
      throw call.error("toYaml: " + e.getOriginalMessage());
    }
  }

  private static String write(Object in, FilterCall call, ObjectWriter writer) {
    try {
      return writer.writeValueAsString(in);
    } catch (JsonProcessingException e) {
      throw call.error("toJson: " + e.getOriginalMessage());
    }
  }

  private static Object read(Object in, FilterCall call, boolean yaml) {
    String text = Text.str(in);
    try {
      Object parsed = yaml ? Mappers.readYaml(text) : (text.isBlank() ? null : Mappers.JSON.readValue(text, Object.class));
      return SortedValues.sort(parsed == null && yaml ? new java.util.TreeMap<String, Object>() : parsed);
    } catch (JsonProcessingException e) {
      throw call.error((yaml ? "fromYaml" : "fromJson") + ": " + e.getOriginalMessage());
    }
  }
}
