package dev.capstan.chart.gotemplate;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Decodes the tagged values of the golden files written by tools/gotemplate-oracle into this
 * package's value model: "i:3" int, "l:3" int64, "f:3" float64, "s:x" string, "b:true" bool,
 * "y:abc" []byte, "nil"; arrays are lists and objects are maps.
 */
final class GoldenArgs {
  private GoldenArgs() {}

  static Object decode(JsonNode n) {
    if (n.isArray()) {
      List<Object> out = new ArrayList<>();
      n.forEach(e -> out.add(decode(e)));
      return out;
    }
    if (n.isObject()) {
      Map<String, Object> out = new LinkedHashMap<>();
      for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        out.put(e.getKey(), decode(e.getValue()));
      }
      return out;
    }
    String s = n.asText();
    if (s.equals("nil")) {
      return null;
    }
    int colon = s.indexOf(':');
    String body = s.substring(colon + 1);
    return switch (s.substring(0, colon)) {
      case "s" -> body;
      case "y" -> body.getBytes(StandardCharsets.UTF_8);
      case "b" -> Boolean.parseBoolean(body);
      case "i" -> Integer.parseInt(body);
      case "l" -> Long.parseLong(body);
      case "f" -> parseFloat(body);
      default -> throw new IllegalArgumentException("bad golden value " + s);
    };
  }

  private static double parseFloat(String s) {
    return switch (s) {
      case "NaN" -> Double.NaN;
      case "+Inf", "Inf" -> Double.POSITIVE_INFINITY;
      case "-Inf" -> Double.NEGATIVE_INFINITY;
      default -> Double.parseDouble(s);
    };
  }

  static List<Object> decodeAll(JsonNode args) {
    List<Object> out = new ArrayList<>();
    args.forEach(a -> out.add(decode(a)));
    return out;
  }
}
