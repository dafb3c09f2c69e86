package dev.capstan.chart.render;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.capstan.chart.Mappers;
import dev.capstan.chart.source.ChartException;
import dev.capstan.chart.source.ChartFiles;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A folder of plain Kubernetes manifests, read as they are (no templating): the files a
 * {@link ManifestSelection} picks, split into documents, each checked as a rendered template's output
 * is (an object with {@code apiVersion}, {@code kind} and {@code metadata.name}, no object twice) and
 * sorted in apply order. The result is what a chart's render returns, so a release of plain manifests
 * is applied, diffed, pruned and recorded like any chart's.
 */
public final class PlainManifests {
  private PlainManifests() {}

  /**
   * @param displayPath how errors and each object's source name the folder ({@code apps/web})
   * @param releaseNamespace the namespace objects without one go to, for the duplicate check
   * @throws ChartException when no file is selected, a limit is passed, or a file is not JSON
   * @throws ManifestException naming the file and line of a document that is not a usable object
   */
  public static List<RenderedManifest> read(ChartFiles files, String displayPath, String releaseNamespace,
      ManifestSelection selection, ManifestLimits limits) {
    List<String> paths;
    try {
      paths = files.list().stream().filter(selection.filter()).sorted().toList();
    } catch (IllegalArgumentException e) {
      throw new ChartException(displayPath, "bad include/exclude pattern: " + e.getMessage(), e);
    }
    if (paths.isEmpty()) {
      // Nothing selected is a mistake (a wrong path or pattern), never "delete everything this release deployed".
      throw new ChartException(displayPath, "no manifest files (.yaml, .yml, .json) selected" + describe(selection));
    }
    if (paths.size() > limits.maxFiles()) {
      throw new ChartException(displayPath, paths.size() + " manifest files selected, over the limit of " + limits.maxFiles());
    }
    List<ManifestParser.Located> out = new ArrayList<>();
    long total = 0;
    for (String path : paths) {
      byte[] bytes = files.read(path);
      total += bytes.length;
      if (total > limits.maxTotalBytes()) {
        throw new ChartException(displayPath, "manifest files hold more than " + limits.maxTotalBytes() + " bytes in all (at " + path + ")");
      }
      String source = displayPath.isEmpty() ? path : displayPath + "/" + path;
      String text = new String(bytes, StandardCharsets.UTF_8);
      out.addAll(ManifestParser.parse(source, path.endsWith(".json") ? jsonAsYaml(source, text) : text));
    }
    Duplicates.check(out, releaseNamespace);
    List<RenderedManifest> ordered = new ArrayList<>(out.stream().map(ManifestParser.Located::manifest).toList());
    ordered.sort(RenderedManifest.ORDER);
    return ordered;
  }

  /**
   * A JSON file as the one YAML document the parser reads. JSON is parsed as JSON (YAML parsers
   * refuse the tab indentation JSON files often have), then checked like any document.
   */
  private static String jsonAsYaml(String source, String text) {
    try {
      Object parsed = Mappers.JSON.readValue(text, Object.class);
      return parsed == null ? "" : Mappers.YAML.writeValueAsString(parsed);
    } catch (JsonProcessingException e) {
      int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
      throw new ManifestException(source, line, "not valid JSON: " + firstLine(e.getOriginalMessage()), e);
    }
  }

  private static String describe(ManifestSelection s) {
    StringBuilder b = new StringBuilder();
    b.append(s.recurse() ? " (recurse" : " (not recursive");
    if (s.include() != null) {
      b.append(", include \"").append(s.include()).append('"');
    }
    if (s.exclude() != null) {
      b.append(", exclude \"").append(s.exclude()).append('"');
    }
    return b.append(')').toString();
  }

  private static String firstLine(String message) {
    int nl = message == null ? -1 : message.indexOf('\n');
    return nl < 0 ? String.valueOf(message) : message.substring(0, nl);
  }
}
