package dev.capstan.chart.gotemplate.sprig;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the goldens that tools/gotemplate-oracle/funcs writes from real Go: one case per line, a
 * function name and JSON arguments, then {@code => RESULT} or {@code !! "ERROR"}. The tags
 * ({@code {"$int":3}}...) decode to the value model as the oracle's README in main.go says.
 */
final class GoldenCases {
  static final ObjectMapper JSON = new ObjectMapper();

  record Case(String file, int line, String text, String fn, List<Object> args, JsonNode result,
      String error) {
    @Override
    public String toString() {
      return file + ":" + line + ": " + text;
    }
  }

  private GoldenCases() {}

  static List<Case> read(String file) throws IOException {
    String text;
    try (InputStream in = GoldenCases.class.getResourceAsStream("/gotemplate/funcs/" + file)) {
      if (in == null) {
        throw new IOException("missing golden " + file);
      }
      text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    String[] lines = text.split("\n", -1);
    List<Case> cases = new ArrayList<>();
    for (int i = 0; i < lines.length; i++) {
      String t = lines[i].trim();
      if (t.isEmpty() || t.startsWith("#") || t.startsWith("=> ") || t.startsWith("!! ")) {
        continue;
      }
      String outcome = lines[i + 1];
      int space = t.indexOf(' ');
      String fn = space < 0 ? t : t.substring(0, space);
      List<Object> args = space < 0 ? new ArrayList<>() : parseArgs(t.substring(space + 1));
      JsonNode payload = JSON.readTree(outcome.substring(3));
      cases.add(outcome.startsWith("=> ")
          ? new Case(file, i + 1, t, fn, args, payload, null)
          : new Case(file, i + 1, t, fn, args, null, payload.asText()));
    }
    return cases;
  }

  private static List<Object> parseArgs(String s) throws IOException {
    List<Object> out = new ArrayList<>();
    JsonParser p = JSON.getFactory().createParser(s);
    try (MappingIterator<JsonNode> it = JSON.readValues(p, JsonNode.class)) {
      while (it.hasNext()) {
        out.add(decode(it.next()));
      }
    }
    return out;
  }

  /** A tagged JSON value as the value model: numbers are float64, tags give the other types. */
  static Object decode(JsonNode n) {
    if (n.isNull()) {
      return null;
    } else if (n.isBoolean()) {
      return n.booleanValue();
    } else if (n.isTextual()) {
      return n.textValue();
    } else if (n.isNumber()) {
      return n.doubleValue();
    } else if (n.isArray()) {
      List<Object> out = new ArrayList<>();
      n.forEach(e -> out.add(decode(e)));
      return out;
    }
    if (n.size() == 1) {
      String tag = n.fieldNames().next();
      JsonNode v = n.get(tag);
      switch (tag) {
        case "$int", "$uint32":
          // Go's int is 64 bits; past Integer's range the value model carries it as a Long.
          return v.canConvertToInt() ? (Object) v.intValue() : (Object) v.longValue();
        case "$int64":
          return v.longValue();
        case "$bytes":
          return v.textValue().getBytes(StandardCharsets.UTF_8);
        case "$b64bytes":
          return Base64.getDecoder().decode(v.textValue());
        case "$strings":
          return decode(v);
        case "$time": {
          java.time.OffsetDateTime t = java.time.OffsetDateTime.parse(v.textValue());
          boolean utc = t.getOffset().equals(java.time.ZoneOffset.UTC);
          return new GoTime(t.toInstant(), t.getOffset(), utc ? "UTC" : null, null);
        }
        case "$ints":
          List<Object> ints = new ArrayList<>();
          v.forEach(e -> ints.add(e.intValue()));
          return ints;
        case "$strmap":
          return decode(v);
        case "$float64":
          return switch (v.textValue()) {
            case "NaN" -> Double.NaN;
            case "-0" -> -0.0;
            case "-Inf" -> Double.NEGATIVE_INFINITY;
            default -> Double.POSITIVE_INFINITY;
          };
        default:
          break;
      }
    }
    Map<String, Object> out = new LinkedHashMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      out.put(e.getKey(), decode(e.getValue()));
    }
    return out;
  }
}
