package dev.capstan.chart.gotemplate.helmfuncs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import com.fasterxml.jackson.dataformat.toml.TomlReadFeature;
import dev.capstan.chart.gotemplate.GoFmt;
import dev.capstan.chart.gotemplate.sprig.GoJson;
import dev.capstan.chart.gotemplate.sprig.GoTimes;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Helm's toToml and fromToml (BurntSushi/toml v1.4.0). The encoder is a port of BurntSushi's:
 * keys sorted, plain values before tables, {@code [a.b]} and {@code [[a]]} headers indented two
 * spaces per level, floats always with a decimal point. Parsing is Jackson's; as in Go, integers
 * are int64, floats float64, and dates and times time.Time as BurntSushi makes them.
 */
final class Toml {
  private static final TomlMapper MAPPER = TomlMapper.builder()
      .enable(TomlReadFeature.PARSE_JAVA_TIME).build();

  private final StringBuilder out = new StringBuilder();

  private Toml() {}

  /** An encoding error: Helm's toToml returns its text. */
  private static final class EncodeError extends RuntimeException {
    EncodeError(String m) {
      super(m, null, false, false);
    }
  }

  static String encode(Object v) {
    if (v == null) {
      // BurntSushi reflects on the nil interface and panics; the template reports it.
      throw new dev.capstan.chart.gotemplate.GoFuncException(
          "reflect: call of reflect.Value.Type on zero Value");
    }
    Toml t = new Toml();
    try {
      t.encode(new ArrayList<>(), v, 0);
    } catch (EncodeError e) {
      return e.getMessage();
    }
    return t.out.toString();
  }

  private void wf(String s) {
    out.append(s);
    if (out.length() > 4 * 1024 * 1024) {
      throw new EncodeError("toml: output too large");
    }
  }

  private void newline() {
    if (out.length() > 0) {
      out.append('\n');
    }
  }

  private static void depth(int d) {
    if (d > 1000) {
      throw new EncodeError("toml: value nested too deeply");
    }
  }

  private void encode(List<String> key, Object v, int d) {
    depth(d);
    if (v == null) {
      return;
    }
    if (v instanceof Map<?, ?> m) {
      table(key, m, d);
    } else if (v instanceof List<?> l && isTableArray(l)) {
      arrayOfTables(key, l, d);
    } else {
      keyValue(key, v, false, d);
    }
  }

  private static boolean isTable(Object v) {
    return v instanceof Map<?, ?> || v instanceof List<?> l && isTableArray(l);
  }

  private static boolean isTableArray(List<?> l) {
    if (l.isEmpty()) {
      return false;
    }
    boolean all = true;
    for (Object e : l) {
      if (e == null) {
        throw new EncodeError("toml: cannot encode array with nil element");
      }
      all &= e instanceof Map<?, ?>;
    }
    return all;
  }

  private void arrayOfTables(List<String> key, List<?> l, int d) {
    if (key.isEmpty()) {
      throw new EncodeError("toml: top-level values must be Go maps or structs");
    }
    for (Object e : l) {
      newline();
      wf(indent(key) + "[[" + keyString(key) + "]]");
      newline();
      map(key, (Map<?, ?>) e, false, d + 1);
    }
  }

  private void table(List<String> key, Map<?, ?> m, int d) {
    if (key.size() == 1) {
      newline();
    }
    if (!key.isEmpty()) {
      wf(indent(key) + "[" + keyString(key) + "]");
      newline();
    }
    map(key, m, false, d + 1);
  }

  private void map(List<String> key, Map<?, ?> m, boolean inline, int d) {
    depth(d);
    List<String> direct = new ArrayList<>();
    List<String> sub = new ArrayList<>();
    for (Object k : m.keySet()) {
      (isTable(m.get(k)) ? sub : direct).add((String) k);
    }
    if (inline) {
      wf("{");
    }
    write(key, m, direct, inline, !sub.isEmpty(), d);
    write(key, m, sub, inline, false, d);
    if (inline) {
      wf("}");
    }
  }

  private void write(List<String> key, Map<?, ?> m, List<String> keys, boolean inline,
      boolean trailingComma, int d) {
    keys.sort((x, y) -> bytes(x).compareTo(bytes(y)));
    for (int i = 0; i < keys.size(); i++) {
      Object val = m.get(keys.get(i));
      if (val == null) {
        continue;
      }
      if (inline) {
        keyValue(List.of(keys.get(i)), val, true, d);
        if (trailingComma || i != keys.size() - 1) {
          wf(", ");
        }
      } else {
        List<String> child = new ArrayList<>(key);
        child.add(keys.get(i));
        encode(child, val, d + 1);
      }
    }
  }

  private static String bytes(String s) {
    return new String(s.getBytes(java.nio.charset.StandardCharsets.UTF_8),
        java.nio.charset.StandardCharsets.ISO_8859_1);
  }

  private void keyValue(List<String> key, Object v, boolean inline, int d) {
    if (key.isEmpty()) {
      element(v, d);
      return;
    }
    wf(indent(key) + quotedPart(key.get(key.size() - 1)) + " = ");
    element(v, d);
    if (!inline) {
      newline();
    }
  }

  private void element(Object v, int d) {
    depth(d);
    if (v instanceof String s) {
      wf("\"" + escape(s) + "\"");
    } else if (v instanceof Boolean || v instanceof Integer || v instanceof Long) {
      wf(v.toString());
    } else if (v instanceof Double f) {
      if (f.isNaN()) {
        wf((Double.doubleToRawLongBits(f) < 0 ? "-" : "") + "nan");
      } else if (f.isInfinite()) {
        wf(f < 0 ? "-inf" : "inf");
      } else {
        String s = f == 0 && 1 / f < 0 ? "-0"
            : new BigDecimal(GoFmt.sprint(f)).toPlainString();
        wf(s.contains(".") ? s : s + ".0");
      }
    } else if (v instanceof byte[] b) {
      List<Object> ints = new ArrayList<>();
      for (byte x : b) {
        ints.add(x & 0xff);
      }
      element(ints, d);
    } else if (v instanceof List<?> l) {
      wf("[");
      for (int i = 0; i < l.size(); i++) {
        element(l.get(i), d + 1);
        if (i != l.size() - 1) {
          wf(", ");
        }
      }
      wf("]");
    } else if (v instanceof Map<?, ?> m) {
      map(List.of(), m, true, d + 1);
    } else if (v instanceof GoJson.Marshaler marshaler && marshaler.jsonValue() instanceof String s) {
      boolean time = v instanceof dev.capstan.chart.gotemplate.GoStruct st
          && st.goTypeName().equals("time.Time");
      wf(time ? s : "\"" + escape(s) + "\"");
    } else {
      throw new EncodeError("toml: unexpected type: " + (v == null ? "<nil>"
          : dev.capstan.chart.gotemplate.GoValues.typeName(v)));
    }
  }

  private static String indent(List<String> key) {
    return "  ".repeat(key.size() - 1);
  }

  private static String keyString(List<String> key) {
    List<String> parts = new ArrayList<>();
    for (String k : key) {
      parts.add(quotedPart(k));
    }
    return String.join(".", parts);
  }

  private static String quotedPart(String k) {
    if (k.isEmpty()) {
      return "\"\"";
    }
    for (int i = 0; i < k.length(); i++) {
      char r = k.charAt(i);
      if (!(r >= 'A' && r <= 'Z' || r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r == '_'
          || r == '-')) {
        return "\"" + escape(k) + "\"";
      }
    }
    return k;
  }

  private static String escape(String s) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> b.append("\\\"");
        case '\\' -> b.append("\\\\");
        case '\b' -> b.append("\\b");
        case '\t' -> b.append("\\t");
        case '\n' -> b.append("\\n");
        case '\f' -> b.append("\\f");
        case '\r' -> b.append("\\r");
        default -> {
          if (c < 0x20 || c == 0x7f) {
            b.append(String.format("\\u%04x", (int) c));
          } else {
            b.append(c);
          }
        }
      }
    }
    return b.toString();
  }

  /** fromToml: the document as a map, or {"Error": message}. */
  static Map<String, Object> decode(String text) {
    Map<String, Object> m = new LinkedHashMap<>();
    try {
      JsonNode root = MAPPER.readTree(text);
      if (root != null && root.isObject()) {
        root.fields().forEachRemaining(e -> m.put(e.getKey(), value(e.getValue(), 0)));
      }
    } catch (java.io.IOException | RuntimeException e) {
      m.clear();
      m.put("Error", "toml: " + firstLine(e.getMessage()));
    }
    return m;
  }

  private static String firstLine(String s) {
    if (s == null) {
      return "invalid document";
    }
    int nl = s.indexOf('\n');
    return nl < 0 ? s : s.substring(0, nl);
  }

  private static Object value(JsonNode n, int d) {
    depth(d);
    if (n.isIntegralNumber()) {
      return n.longValue();
    } else if (n.isNumber()) {
      return n.doubleValue();
    } else if (n.isBoolean()) {
      return n.booleanValue();
    } else if (n.isTextual()) {
      return n.textValue();
    } else if (n.isArray()) {
      List<Object> out = new ArrayList<>();
      n.forEach(e -> out.add(value(e, d + 1)));
      return out;
    } else if (n.isObject()) {
      Map<String, Object> out = new LinkedHashMap<>();
      for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        out.put(e.getKey(), value(e.getValue(), d + 1));
      }
      return out;
    } else if (n.isPojo()) {
      Object pojo = ((com.fasterxml.jackson.databind.node.POJONode) n).getPojo();
      if (pojo instanceof java.time.OffsetDateTime t) {
        return GoTimes.of(t);
      } else if (pojo instanceof java.time.LocalDateTime t) {
        return GoTimes.of(t);
      } else if (pojo instanceof java.time.LocalDate date) {
        return GoTimes.of(date);
      } else if (pojo instanceof java.time.LocalTime t) {
        return GoTimes.of(t);
      }
      return String.valueOf(pojo);
    }
    return null;
  }
}
