package dev.capstan.cli.release;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import dev.capstan.engine.history.ReleaseRevision;
import java.io.UncheckedIOException;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Prints a release history as Helm's {@code history} does: a table, or JSON/YAML for scripts. */
final class HistoryPrinter {
  enum Format { table, json, yaml }

  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);
  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
  private static final ObjectMapper YAML = new ObjectMapper(YAMLFactory.builder()
      .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER).disable(YAMLGenerator.Feature.SPLIT_LINES)
      .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES).build());

  private HistoryPrinter() {}

  static String print(List<ReleaseRevision> history, Format format) {
    return switch (format) {
      case table -> table(history);
      case json -> write(JSON, history) + "\n";
      case yaml -> write(YAML, history);
    };
  }

  private static String table(List<ReleaseRevision> history) {
    Table table = new Table("REVISION", "UPDATED", "STATUS", "CHART", "COMMIT", "DESCRIPTION");
    for (ReleaseRevision r : history) {
      table.row(Integer.toString(r.number()), TIME.format(r.time()), r.status().label(), chart(r),
          r.gitCommit() == null ? "-" : r.gitCommit().substring(0, Math.min(12, r.gitCommit().length())),
          r.description() == null ? "" : r.description());
    }
    return table.render();
  }

  private static String write(ObjectMapper mapper, List<ReleaseRevision> history) {
    List<Map<String, Object>> rows = history.stream().map(r -> {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("revision", r.number());
      row.put("updated", r.time().toString());
      row.put("status", r.status().label());
      row.put("chart", chart(r));
      row.put("gitCommit", r.gitCommit());
      row.put("description", r.description());
      return row;
    }).toList();
    try {
      return mapper.writeValueAsString(rows);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String chart(ReleaseRevision r) {
    return r.chart();
  }
}
