package dev.capstan.chartrepo.provenance;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.capstan.chartrepo.cache.Digest;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The signed text of a {@code .prov}, as Helm writes it: the chart's Chart.yaml, a YAML document-end
 * line {@code ...} (Helm avoids {@code ---}, which clear-signing would dash-escape), then
 * {@code files:} mapping the archive's file name to {@code sha256:<hex>}. {@code chartYaml} is kept
 * as text; {@code name}/{@code version} are read from it for messages.
 */
public record ProvenanceDocument(String chartYaml, Map<String, String> files) {
  private static final YAMLMapper YAML = YAMLMapper.builder()
      .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
      .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
      .build();
  private static final String SEPARATOR = "\n...\n";

  public ProvenanceDocument {
    files = Map.copyOf(files);
  }

  /** The document signing {@code fileName} whose content has {@code digest}, for the chart whose Chart.yaml is {@code chartYaml}. */
  public static ProvenanceDocument of(String chartYaml, String fileName, Digest digest) {
    String yaml = chartYaml.replace("\r\n", "\n");
    if (!yaml.endsWith("\n")) {
      yaml += "\n";
    }
    if (("\n" + yaml).contains(SEPARATOR)) {
      throw new ProvenanceException(fileName, ProvenanceException.Reason.MALFORMED,
          "Chart.yaml contains a \"...\" line, which would end the chart part of the .prov: remove it to sign");
    }
    return new ProvenanceDocument(yaml, Map.of(fileName, digest.toString()));
  }

  /** The text to clear-sign: Chart.yaml, a blank line, {@code ...}, the {@code files:} map. */
  public String text() {
    Map<String, Object> sums = new LinkedHashMap<>();
    sums.put("files", new LinkedHashMap<>(files));
    try {
      return chartYaml + SEPARATOR + YAML.writeValueAsString(sums);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The signed digest of {@code fileName}, if the document names it. */
  public Optional<String> digestOf(String fileName) {
    return Optional.ofNullable(files.get(fileName));
  }

  /** Parses the signed text as Helm does: split at the first {@code \n...\n}, each half YAML. */
  static ProvenanceDocument parse(String text, String where) {
    int at = text.indexOf(SEPARATOR);
    if (at < 0) {
      throw malformed(where, "the signed text has no \"...\" line between Chart.yaml and the files");
    }
    String chart = text.substring(0, at + 1);
    String rest = text.substring(at + SEPARATOR.length());
    try {
      JsonNode meta = YAML.readTree(chart);
      if (meta == null || !meta.isObject()) {
        throw malformed(where, "the chart part of the signed text is not a YAML mapping");
      }
      JsonNode sums = YAML.readTree(rest);
      JsonNode files = sums == null ? null : sums.get("files");
      if (files == null || !files.isObject()) {
        throw malformed(where, "the signed text has no files: map");
      }
      Map<String, String> out = new LinkedHashMap<>();
      files.fields().forEachRemaining(e -> out.put(e.getKey(), e.getValue().asText()));
      return new ProvenanceDocument(chart, out);
    } catch (JsonProcessingException e) {
      throw malformed(where, "the signed text is not YAML: " + e.getOriginalMessage());
    }
  }

  private static ProvenanceException malformed(String where, String message) {
    return new ProvenanceException(where, ProvenanceException.Reason.MALFORMED, message);
  }
}
