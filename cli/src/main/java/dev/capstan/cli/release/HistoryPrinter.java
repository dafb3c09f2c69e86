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
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Prints a release history as Helm's {@code history} does: a table, or JSON/YAML for scripts. Who
 * signed a verified revision shows in a {@code SIGNED BY} column (and a {@code signedBy} field) only
 * when some revision was signed, so the history of an unverified release prints as it always did.
 */
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
    boolean signed = anySigned(history);
    Table table = signed
        ? new Table("REVISION", "UPDATED", "STATUS", "CHART", "COMMIT", "SIGNED BY", "DESCRIPTION")
        : new Table("REVISION", "UPDATED", "STATUS", "CHART", "COMMIT", "DESCRIPTION");
    for (ReleaseRevision r : history) {
      List<String> row = new ArrayList<>(List.of(Integer.toString(r.number()), TIME.format(r.time()), r.status().label(), chart(r),
          r.gitCommit() == null ? "-" : r.gitCommit().substring(0, Math.min(12, r.gitCommit().length()))));
      if (signed) {
        row.add(r.signedBy() == null ? "-" : r.signedBy());
      }
      row.add(r.description() == null ? "" : r.description());
      table.row(row.toArray(String[]::new));
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
      if (r.signedBy() != null) {
        row.put("signedBy", r.signedBy());
      }
      row.put("description", r.description());
      return row;
    }).toList();
    try {
      return mapper.writeValueAsString(rows);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static boolean anySigned(List<ReleaseRevision> history) {
    return history.stream().anyMatch(r -> r.signedBy() != null);
  }

  private static String chart(ReleaseRevision r) {
    return r.chart();
  }
}
