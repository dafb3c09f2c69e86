package dev.capstan.chart.gotemplate.sprig;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.capstan.chart.gotemplate.GoFmt;
import dev.capstan.chart.gotemplate.GoStruct;
import dev.capstan.chart.gotemplate.GoValues;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Go's encoding/json for the value model: Marshal (sorted keys, Go's float text, HTML escaping
 * unless turned off, MarshalIndent) and Unmarshal into interface{} (numbers become float64), the
 * latter on Jackson.
 */
public final class GoJson {
  private static final ObjectMapper MAPPER =
      new ObjectMapper()
          .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

  /** A value json.Marshal refuses; the message is Go's. */
  public static final class MarshalException extends RuntimeException {
    public MarshalException(String message) {
      super(message, null, false, false);
    }
  }

  /** A Go value with its own JSON form (a MarshalJSON or MarshalText method in Go). */
  public interface Marshaler {
    /** The value to marshal in its place: usually a string, or a map of its fields. */
    Object jsonValue();
  }

  private GoJson() {}

  /** json.Marshal; with {@code escapeHtml} false, as an Encoder with SetEscapeHTML(false). */
  public static String marshal(Object v, boolean escapeHtml) {
    StringBuilder b = new StringBuilder();
    write(b, v, escapeHtml, null, 0);
    Limits.checkString("json", b.length());
    return b.toString();
  }

  /** json.MarshalIndent(v, "", indent). */
  public static String marshalIndent(Object v, String indent) {
    StringBuilder b = new StringBuilder();
    write(b, v, true, indent, 0);
    Limits.checkString("json", b.length());
    return b.toString();
  }

  private static void write(StringBuilder b, Object v, boolean html, String indent, int depth) {
    if (depth > Mergo.Depth.MAX) {
      // Go's encoder starts looking for cycles at this depth and reports the one it finds.
      throw new MarshalException("json: unsupported value: encountered a cycle via "
          + GoValues.typeName(v));
    }
    if (b.length() > Limits.MAX_STRING) {
      Limits.checkString("json", b.length());
    }
    if (v instanceof Marshaler m) {
      write(b, m.jsonValue(), html, indent, depth + 1);
    } else if (v == null) {
      b.append("null");
    } else if (v instanceof String s) {
      quote(b, s, html);
    } else if (v instanceof Boolean || v instanceof Integer || v instanceof Long) {
      b.append(v);
    } else if (v instanceof Double d) {
      b.append(number(d));
    } else if (v instanceof byte[] bytes) {
      b.append('"').append(Base64.getEncoder().encodeToString(bytes)).append('"');
    } else if (v instanceof List<?> list) {
      if (list.isEmpty()) {
        b.append("[]");
        return;
      }
      b.append('[');
      int i = 0;
      for (Object e : list) {
        if (i++ > 0) {
          b.append(',');
        }
        newline(b, indent, depth + 1);
        write(b, e, html, indent, depth + 1);
      }
      newline(b, indent, depth);
      b.append(']');
    } else if (v instanceof Map<?, ?> map) {
      if (map.isEmpty()) {
        b.append("{}");
        return;
      }
      b.append('{');
      int i = 0;
      for (String k : byteOrder(GoValues.sortedKeys(map))) {
        if (i++ > 0) {
          b.append(',');
        }
        newline(b, indent, depth + 1);
        quote(b, k, html);
        b.append(indent == null ? ":" : ": ");
        write(b, map.get(k), html, indent, depth + 1);
      }
      newline(b, indent, depth);
      b.append('}');
    } else if (v instanceof GoStruct s) {
      throw new MarshalException("json: unsupported type: " + s.goTypeName());
    } else {
      throw new MarshalException("json: unsupported type: " + v.getClass().getSimpleName());
    }
  }

  /** Go sorts map keys by their UTF-8 bytes; Java's String order is UTF-16. */
  static List<String> byteOrder(List<String> keys) {
    List<String> out = new ArrayList<>(keys);
    out.sort((x, y) -> GoText.bytes(x).compareTo(GoText.bytes(y)));
    return out;
  }

  private static void newline(StringBuilder b, String indent, int depth) {
    if (indent != null) {
      b.append('\n');
      b.append(indent.repeat(depth));
    }
  }

  /** Go's float64 JSON text: %f form, or %e between 1e-6 and 1e21 exclusive, both shortest. */
  static String number(double d) {
    if (Double.isNaN(d) || Double.isInfinite(d)) {
      throw new MarshalException("json: unsupported value: " + GoFmt.sprint(d));
    }
    double abs = Math.abs(d);
    BigDecimal shortest = new BigDecimal(GoFmt.sprint(d));
    if (abs != 0 && (abs < 1e-6 || abs >= 1e21)) {
      String e = scientific(shortest);
      return e.replaceFirst("e-0(\\d)$", "e-$1");
    }
    String plain = shortest.toPlainString();
    return d == 0 && 1 / d < 0 ? "-0" : plain;
  }

  /** Go's %e with the shortest digits: 1.5e+21, 1e-07. */
  static String scientific(BigDecimal v) {
    BigDecimal s = v.stripTrailingZeros();
    String digits = s.unscaledValue().abs().toString();
    int exp = digits.length() - 1 - s.scale();
    StringBuilder b = new StringBuilder();
    if (s.signum() < 0) {
      b.append('-');
    }
    b.append(digits.charAt(0));
    if (digits.length() > 1) {
      b.append('.').append(digits, 1, digits.length());
    }
    b.append('e').append(exp < 0 ? '-' : '+');
    int a = Math.abs(exp);
    if (a < 10) {
      b.append('0');
    }
    return b.append(a).toString();
  }

  /** Go's JSON string: \n \r \t \b \f, \\u00XX controls, \\u2028/9, and HTML's <>& if asked. */
  static void quote(StringBuilder b, String s, boolean html) {
    b.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> b.append("\\\"");
        case '\\' -> b.append("\\\\");
        case '\n' -> b.append("\\n");
        case '\r' -> b.append("\\r");
        case '\t' -> b.append("\\t");
        case '\b' -> b.append("\\b");
        case '\f' -> b.append("\\f");
        case '<', '>', '&' -> {
          if (html) {
            b.append(String.format("\\u%04x", (int) c));
          } else {
            b.append(c);
          }
        }
        case '\u2028', '\u2029' -> b.append(String.format("\\u%04x", (int) c));
        default -> {
          if (c < 0x20) {
            b.append(String.format("\\u%04x", (int) c));
          } else if (Character.isSurrogate(c)
              && !(Character.isHighSurrogate(c) && i + 1 < s.length()
                  && Character.isLowSurrogate(s.charAt(i + 1)))
              && !(Character.isLowSurrogate(c) && i > 0 && Character.isHighSurrogate(s.charAt(i - 1)))) {
            b.append("\\ufffd");
          } else {
            b.append(c);
          }
        }
      }
    }
    b.append('"');
  }

  /**
   * json.Unmarshal into interface{}: objects are maps, arrays lists, numbers float64.
   *
   * @throws UnmarshalException with Go's wording where it is known
   */
  public static Object unmarshal(String text) {
    String syntax = GoJsonSyntax.check(text);
    if (syntax != null) {
      throw new UnmarshalException(syntax);
    }
    JsonNode node;
    try {
      node = MAPPER.readTree(text);
    } catch (JsonParseException e) {
      throw new UnmarshalException(syntaxError(e));
    } catch (JsonProcessingException e) {
      throw new UnmarshalException(e.getOriginalMessage());
    }
    if (node == null || node.isMissingNode()) {
      throw new UnmarshalException("unexpected end of JSON input");
    }
    return toValue(node, 0);
  }

  private static String syntaxError(JsonParseException e) {
    String m = e.getOriginalMessage();
    if (m.contains("end-of-input") || m.contains("Unexpected end")) {
      return "unexpected end of JSON input";
    }
    return "invalid JSON: " + m;
  }

  /** What json.Unmarshal says when the document's kind is not the target's. */
  public static String typeMismatch(Object v, String goType) {
    String kind = v == null ? "null" : v instanceof Map ? "object" : v instanceof List ? "array"
        : v instanceof String ? "string" : v instanceof Boolean ? "bool" : "number";
    return "json: cannot unmarshal " + kind + " into Go value of type " + goType;
  }

  static Object toValue(JsonNode n, int depth) {
    Mergo.Depth.check(depth);
    if (n.isNull()) {
      return null;
    } else if (n.isBoolean()) {
      return n.booleanValue();
    } else if (n.isTextual()) {
      return n.textValue();
    } else if (n.isNumber()) {
      return n.isBigDecimal() ? n.decimalValue().doubleValue() : n.doubleValue();
    } else if (n.isArray()) {
      List<Object> out = new ArrayList<>(n.size());
      for (JsonNode e : n) {
        out.add(toValue(e, depth + 1));
      }
      return out;
    }
    Map<String, Object> out = new LinkedHashMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      out.put(e.getKey(), toValue(e.getValue(), depth + 1));
    }
    return out;
  }

  /** json.Unmarshal's error. */
  public static final class UnmarshalException extends RuntimeException {
    UnmarshalException(String message) {
      super(message, null, false, false);
    }
  }
}
