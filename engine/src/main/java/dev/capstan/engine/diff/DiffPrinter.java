package dev.capstan.engine.diff;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.github.difflib.DiffUtils;
import com.github.difflib.UnifiedDiffUtils;
import com.github.difflib.patch.Patch;
import dev.capstan.engine.cluster.FieldConflict;
import dev.capstan.engine.resource.ObjectRef;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Prints a {@link DiffReport}: a unified YAML diff per object that would change
 * ({@code --- live apps/v1 Deployment shop/web}, {@code +++ desired ...}), coloured only when asked
 * (the CLI asks on a terminal); or a JSON summary for machines.
 */
public final class DiffPrinter {
  private static final String RED = "\u001b[31m";
  private static final String GREEN = "\u001b[32m";
  private static final String CYAN = "\u001b[36m";
  private static final String BOLD = "\u001b[1m";
  private static final String RESET = "\u001b[0m";
  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private DiffPrinter() {}

  public static String unified(DiffReport report, boolean color) {
    return unified(report, color, "live", "desired");
  }

  /**
   * As {@link #unified(DiffReport, boolean)}, naming the two sides, e.g. two Git revisions
   * ({@code --- main v1 ConfigMap shop/web}, {@code +++ HEAD ...}) when no cluster is involved.
   */
  public static String unified(DiffReport report, boolean color, String before, String after) {
    StringBuilder out = new StringBuilder();
    for (ObjectDiff diff : report.objects()) {
      if (diff.action() != DiffAction.UNCHANGED) {
        out.append(unified(diff, color, before, after));
      }
    }
    return out.toString();
  }

  static String unified(ObjectDiff diff, boolean color) {
    return unified(diff, color, "live", "desired");
  }

  private static String unified(ObjectDiff diff, boolean color, String before, String after) {
    List<String> live = lines(diff.liveYaml());
    List<String> desired = lines(diff.desiredYaml());
    Patch<String> patch = DiffUtils.diff(live, desired);
    String id = title(diff.ref());
    List<String> text = UnifiedDiffUtils.generateUnifiedDiff(before + " " + id, after + " " + id, live, patch, 3);
    StringBuilder out = new StringBuilder();
    for (FieldConflict conflict : diff.conflicts()) {
      out.append("# ").append(id).append(": ").append(describe(conflict)).append('\n');
    }
    for (String line : text) {
      out.append(color ? paint(line) : line).append('\n');
    }
    return out.toString();
  }

  /** {@code {"inSync":false,"added":[...],"changed":[...],"pruned":[...],"unchanged":[...]}}. */
  public static String json(DiffReport report) {
    Map<String, Object> summary = new LinkedHashMap<>();
    summary.put("inSync", report.inSync());
    summary.put("added", ids(report, DiffAction.ADDED));
    summary.put("changed", ids(report, DiffAction.CHANGED));
    summary.put("pruned", ids(report, DiffAction.PRUNED));
    summary.put("unchanged", ids(report, DiffAction.UNCHANGED));
    List<Map<String, Object>> conflicts = conflicts(report);
    if (!conflicts.isEmpty()) {
      summary.put("conflicts", conflicts);
    }
    try {
      return JSON.writeValueAsString(summary) + "\n";
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static List<Map<String, String>> ids(DiffReport report, DiffAction action) {
    return report.refs(action).stream().map(DiffPrinter::id).toList();
  }

  private static Map<String, String> id(ObjectRef ref) {
    Map<String, String> id = new LinkedHashMap<>();
    id.put("apiVersion", ref.apiVersion());
    id.put("kind", ref.kind());
    if (ref.namespace() != null) {
      id.put("namespace", ref.namespace());
    }
    id.put("name", ref.name());
    return id;
  }

  /** Fields another manager owns, which apply takes only with {@code --force-conflicts}. */
  private static List<Map<String, Object>> conflicts(DiffReport report) {
    return report.objects().stream().flatMap(o -> o.conflicts().stream().map(c -> {
      Map<String, Object> entry = new LinkedHashMap<>(id(o.ref()));
      entry.put("field", c.field());
      entry.put("manager", c.manager());
      return entry;
    })).toList();
  }

  private static String describe(FieldConflict conflict) {
    return "field " + conflict.field() + " is owned by field manager \"" + conflict.manager()
        + "\"; apply takes it only with --force-conflicts";
  }

  private static String title(ObjectRef ref) {
    return ref.apiVersion() + " " + ref.kind() + " " + (ref.namespace() == null ? "" : ref.namespace() + "/") + ref.name();
  }

  private static List<String> lines(String yaml) {
    return yaml.lines().toList();
  }

  private static String paint(String line) {
    if (line.startsWith("---") || line.startsWith("+++")) {
      return BOLD + line + RESET;
    }
    if (line.startsWith("@@")) {
      return CYAN + line + RESET;
    }
    if (line.startsWith("-")) {
      return RED + line + RESET;
    }
    if (line.startsWith("+")) {
      return GREEN + line + RESET;
    }
    return line;
  }
}
