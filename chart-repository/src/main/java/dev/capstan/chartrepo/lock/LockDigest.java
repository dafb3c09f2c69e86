package dev.capstan.chartrepo.lock;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.capstan.chart.source.ChartException;
import dev.capstan.chartrepo.cache.Digest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * The {@code digest} of a {@code Chart.lock}, computed as Helm computes it, so Helm and Capstan accept
 * each other's locks: sha256 over Go's {@code json.Marshal} of {@code [requirements, locked]}, where
 * each requirement is Chart.yaml's dependency with Helm's field order and omissions (name, version,
 * repository, condition, tags, enabled, import-values, alias) and each locked entry is name, version,
 * repository. Go's encoder escapes {@code < > &} and U+2028/U+2029 as {@code \\u003c} etc. and sorts
 * map keys; this mapper does the same.
 */
public final class LockDigest {
  private static final ObjectMapper GO_JSON = goJson();

  private LockDigest() {}

  /**
   * Refuses {@code lock} when it no longer matches Chart.yaml's {@code dependencies}
   * ({@code helm dependency build}'s "the lock file is out of sync with the dependencies file");
   * {@code where} names the Chart.lock.
   */
  public static void requireInSync(JsonNode requirements, ChartLock lock, String where) {
    if (!of(requirements, lock.dependencies()).equals(lock.digest())) {
      throw new ChartException(where, "out of sync with the dependencies in Chart.yaml: run capstan dependency update");
    }
  }

  /** The digest for Chart.yaml's {@code dependencies} ({@code requirements}, as parsed YAML) and the lock. */
  public static String of(JsonNode requirements, List<ChartLock.Locked> locked) {
    ArrayNode pair = GO_JSON.createArrayNode();
    ArrayNode req = pair.addArray();
    if (requirements != null) {
      for (JsonNode d : requirements) {
        req.add(requirement(d));
      }
    }
    ArrayNode lock = pair.addArray();
    for (ChartLock.Locked l : locked) {
      ObjectNode n = lock.addObject();
      n.put("name", l.name());
      if (l.version() != null && !l.version().isEmpty()) {
        n.put("version", l.version());
      }
      n.put("repository", l.repository() == null ? "" : l.repository());
    }
    try {
      return Digest.of(GO_JSON.writeValueAsBytes(pair)).toString();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static ObjectNode requirement(JsonNode d) {
    ObjectNode n = GO_JSON.createObjectNode();
    n.put("name", d.path("name").asText(""));
    putIfText(n, "version", d.path("version"));
    n.put("repository", d.path("repository").asText(""));
    putIfText(n, "condition", d.path("condition"));
    if (d.path("tags").isArray() && d.path("tags").size() > 0) {
      ArrayNode tags = n.putArray("tags");
      d.path("tags").forEach(t -> tags.add(t.asText()));
    }
    if (d.path("enabled").asBoolean(false)) {
      n.put("enabled", true);
    }
    if (d.path("import-values").isArray() && d.path("import-values").size() > 0) {
      n.set("import-values", d.path("import-values"));
    }
    putIfText(n, "alias", d.path("alias"));
    return n;
  }

  private static void putIfText(ObjectNode n, String field, JsonNode value) {
    if (!value.isMissingNode() && !value.isNull() && !value.asText("").isEmpty()) {
      n.put(field, value.asText());
    }
  }

  private static ObjectMapper goJson() {
    ObjectMapper m = new ObjectMapper().configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);
    m.getFactory().setCharacterEscapes(new GoEscapes());
    m.getFactory().configure(JsonGenerator.Feature.ESCAPE_NON_ASCII, false);
    return m;
  }

  /** Go's encoding/json HTML-safe escapes, in lower-case hex as Go writes them. */
  private static final class GoEscapes extends CharacterEscapes {
    private final int[] table;

    GoEscapes() {
      table = standardAsciiEscapesForJSON();
      table['<'] = ESCAPE_CUSTOM;
      table['>'] = ESCAPE_CUSTOM;
      table['&'] = ESCAPE_CUSTOM;
    }

    @Override
    public int[] getEscapeCodesForAscii() {
      return table;
    }

    @Override
    public SerializableString getEscapeSequence(int ch) {
      if (ch == '<' || ch == '>' || ch == '&' || ch == 0x2028 || ch == 0x2029) {
        return new SerializedString(String.format("\\u%04x", ch));
      }
      return null;
    }
  }
}
