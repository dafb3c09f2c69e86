package dev.capstan.chartrepo.index;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.capstan.chartrepo.cache.Digest;
import dev.capstan.chartrepo.http.SourceException;
import dev.capstan.core.semver.SemVer;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.yaml.snakeyaml.LoaderOptions;

/**
 * Parses a Helm repository's {@code index.yaml} (Jackson YAML). Like Helm, an entry whose version is
 * not SemVer is skipped rather than failing the whole index; a document that is not an index
 * (no {@code entries} map, broken YAML) is a {@link SourceException} naming the line.
 */
public final class IndexReader {
  private IndexReader() {}

  public static RepositoryIndex read(byte[] yaml, String where, long maxBytes) {
    LoaderOptions loader = new LoaderOptions();
    loader.setCodePointLimit((int) Math.min(Integer.MAX_VALUE, maxBytes));
    loader.setAllowDuplicateKeys(true);
    ObjectMapper mapper = new ObjectMapper(YAMLFactory.builder().loaderOptions(loader).build());
    JsonNode root;
    try {
      root = mapper.readTree(yaml);
    } catch (JsonProcessingException e) {
      String line = e.getLocation() == null ? "" : ":" + e.getLocation().getLineNr();
      throw new SourceException(where + line, SourceException.Reason.MALFORMED, "invalid YAML: " + oneLine(e.getOriginalMessage()), e);
    } catch (IOException e) {
      throw new SourceException(where, SourceException.Reason.MALFORMED, "unreadable: " + e.getMessage(), e);
    }
    if (root == null || !root.isObject() || !root.path("entries").isObject()) {
      throw new SourceException(where, SourceException.Reason.MALFORMED, "not a Helm repository index (no entries map)");
    }
    Map<String, List<IndexEntry>> entries = new LinkedHashMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = root.get("entries").fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> chart = it.next();
      List<IndexEntry> versions = new ArrayList<>();
      for (JsonNode v : chart.getValue()) {
        entry(chart.getKey(), v).ifPresent(versions::add);
      }
      entries.put(chart.getKey(), versions);
    }
    return new RepositoryIndex(where, entries);
  }

  /** SnakeYAML's message without its source excerpts and caret lines. */
  static String oneLine(String message) {
    StringBuilder out = new StringBuilder();
    for (String line : message.split("\\R")) {
      String l = line.strip();
      if (!l.isEmpty() && !l.startsWith("in '") && !l.equals("^")) {
        out.append(out.length() == 0 ? "" : " ").append(l);
      }
    }
    return out.toString();
  }

  private static Optional<IndexEntry> entry(String chart, JsonNode v) {
    if (!v.isObject()) {
      return Optional.empty();
    }
    String version = v.path("version").asText("");
    Optional<SemVer> semver = SemVer.parseLoose(version);
    if (semver.isEmpty()) {
      return Optional.empty();
    }
    List<String> urls = new ArrayList<>();
    v.path("urls").forEach(u -> {
      if (u.isTextual() && !u.asText().isBlank()) {
        urls.add(u.asText());
      }
    });
    String name = v.path("name").asText(chart);
    return Optional.of(new IndexEntry(name.isEmpty() ? chart : name, version, semver.get(), urls,
        Digest.parse(v.path("digest").asText(null)), v.path("appVersion").asText(""), v.path("deprecated").asBoolean(false)));
  }
}
