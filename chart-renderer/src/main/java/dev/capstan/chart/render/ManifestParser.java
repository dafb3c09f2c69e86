package dev.capstan.chart.render;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.capstan.chart.Mappers;
import dev.capstan.chart.values.ValuesYaml;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Splits one template's output into YAML documents at {@code ---} lines, drops the empty ones and
 * parses the rest with Jackson, checking each is an object with {@code apiVersion}, {@code kind}
 * and {@code metadata.name}. Errors carry the line within the rendered output.
 */
final class ManifestParser {
  private ManifestParser() {}

  /** A parsed document and the line of the rendered output it starts on. */
  record Located(RenderedManifest manifest, int line) {}

  static List<Located> parse(String source, String rendered) {
    List<Located> out = new ArrayList<>();
    String[] lines = rendered.split("\n", -1);
    int start = 0;
    for (int i = 0; i <= lines.length; i++) {
      if (i == lines.length || isSeparator(lines[i])) {
        document(source, lines, start, i).ifPresent(out::add);
        start = i + 1;
      }
    }
    return out;
  }

  private static boolean isSeparator(String line) {
    if (!line.startsWith("---")) {
      return false;
    }
    String rest = line.substring(3).stripTrailing();
    return rest.isEmpty() || rest.startsWith(" #") || rest.startsWith("\t#");
  }

  private static Optional<Located> document(String source, String[] lines, int from, int to) {
    int first = from;
    while (first < to && lines[first].isBlank()) {
      first++;
    }
    int last = to;
    while (last > first && lines[last - 1].isBlank()) {
      last--;
    }
    if (first == last) {
      return Optional.empty();
    }
    String text = String.join("\n", Arrays.asList(lines).subList(first, last)).stripTrailing();
    if (text.length() > ValuesYaml.MAX_DOCUMENT_CHARS) {
      throw new ManifestException(source, first + 1, "rendered document of " + text.length() + " characters exceeds the limit of "
          + ValuesYaml.MAX_DOCUMENT_CHARS + " (ValuesYaml.MAX_DOCUMENT_CHARS)");
    }
    Object parsed;
    try {
      parsed = Mappers.readYaml(text + "\n"); // as printed: a final block scalar keeps its newline
    } catch (JsonProcessingException e) {
      int line = e.getLocation() == null ? first + 1 : first + e.getLocation().getLineNr();
      throw new ManifestException(source, line, "rendered document is not valid YAML: " + firstLine(e.getOriginalMessage()), e);
    }
    if (parsed == null) {
      return Optional.empty(); // only comments
    }
    if (!(parsed instanceof Map<?, ?> map)) {
      throw new ManifestException(source, first + 1, "rendered document is " + Mappers.describe(parsed)
          + ", not a Kubernetes object");
    }
    @SuppressWarnings("unchecked")
    Map<String, Object> object = (Map<String, Object>) map;
    require(object.get("apiVersion"), "apiVersion", source, first + 1);
    require(object.get("kind"), "kind", source, first + 1);
    Object metadata = object.get("metadata");
    require(metadata instanceof Map<?, ?> m ? m.get("name") : null, "metadata.name", source, first + 1);
    return Optional.of(new Located(new RenderedManifest(source, text, object), first + 1));
  }

  private static void require(Object value, String field, String source, int line) {
    if (value == null || value instanceof Map || value instanceof List || value.toString().isBlank()) {
      throw new ManifestException(source, line, "rendered object has no " + field);
    }
  }

  private static String firstLine(String message) {
    int nl = message == null ? -1 : message.indexOf('\n');
    return nl < 0 ? String.valueOf(message) : message.substring(0, nl);
  }
}
