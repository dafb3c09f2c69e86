package dev.capstan.chart.gotemplate.helmfuncs;

import dev.capstan.chart.gotemplate.GoFmt;
import dev.capstan.chart.gotemplate.sprig.GoJson;
import dev.capstan.chart.gotemplate.sprig.Walk;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * sigs.k8s.io/yaml's Marshal as Helm's toYaml calls it: the value goes through JSON first (so
 * keys are strings, bytes are base64 and each float64 is re-read from its JSON text as a YAML int
 * or float), then goyaml.v2 writes it in block style: keys in its natural order, sequences not
 * indented under their key, 2 spaces per level, empty collections as {} and [].
 *
 * <p>With {@code v3}, goyaml.v3's Encoder with SetIndent(2), as toYamlPretty uses it: no JSON
 * step (float64 stays a float, {@code 1e+06}; bytes are a list of numbers), sequences indented
 * under their key, and v3's slightly different key order.
 */
final class YamlWriter {
  private static final int MAX_DEPTH = 1000;
  private static final int MAX_OUTPUT = 4 * 1024 * 1024;

  private final StringBuilder out = new StringBuilder();
  private final boolean v3;
  private final Walk walk;

  private YamlWriter(boolean v3) {
    this.v3 = v3;
    this.walk = new Walk(v3 ? "toYamlPretty" : "toYaml");
  }

  /** The YAML text, ending with a newline as yaml.Marshal's does. */
  static String marshal(Object v) {
    YamlWriter w = new YamlWriter(false);
    w.node(w.normalize(v, 0), 0, Context.ROOT);
    return w.out.toString();
  }

  /** goyaml.v3's Encoder with indent 2. */
  static String marshalV3(Object v) {
    YamlWriter w = new YamlWriter(true);
    w.node(w.normalize(v, 0), 0, Context.ROOT);
    return w.out.toString();
  }

  private enum Context { ROOT, MAP_VALUE, SEQ_ITEM }

  /** The value as goyaml.v2 sees it after the JSON round trip. */
  private Object normalize(Object v, int depth) {
    if (depth > MAX_DEPTH) {
      throw new GoJson.MarshalException("json: unsupported value: encountered a cycle");
    }
    walk.visit();
    if (v3) {
      if (v instanceof Double d) {
        return new Float(d);
      } else if (v instanceof byte[] b) {
        List<Object> ints = new ArrayList<>();
        for (byte x : b) {
          ints.add((long) (x & 0xff));
        }
        return ints;
      } else if (v instanceof String) {
        return v;
      }
    }
    if (v instanceof Double d) {
      // The JSON round trip, short-cut where its result is plain: an integral float64 below 2^63
      // is written as JSON digits that goyaml.v2 reads as an int; any other finite non-integral
      // one reads back as the same float64. The rest takes the long way, as Go does.
      double x = d;
      if (!Double.isNaN(x) && !Double.isInfinite(x)) {
        if (x == Math.rint(x) && Math.abs(x) < 0x1p63) {
          return (long) x;
        } else if (x != Math.rint(x)) {
          return new Float(x);
        }
      }
      return number(GoJson.marshal(d, true));
    } else if (v instanceof String s) {
      return foldNel(s);
    } else if (v instanceof byte[] b) {
      return Base64.getEncoder().encodeToString(b);
    } else if (v instanceof GoJson.Marshaler m) {
      return normalize(m.jsonValue(), depth + 1);
    } else if (v instanceof List<?> l) {
      List<Object> out = new ArrayList<>(l.size());
      for (Object e : l) {
        out.add(normalize(e, depth + 1));
      }
      return out;
    } else if (v instanceof Map<?, ?> m) {
      List<Map.Entry<String, Object>> out = new ArrayList<>(m.size());
      for (Map.Entry<?, ?> e : m.entrySet()) {
        String key = (String) e.getKey();
        out.add(Map.entry(v3 ? key : foldNel(key), wrapNull(normalize(e.getValue(), depth + 1))));
      }
      YamlKeyOrder.sort(out, Map.Entry::getKey, v3);
      return new Mapping(out);
    } else if (v == null || v instanceof String || v instanceof Boolean || v instanceof Integer
        || v instanceof Long) {
      return v;
    }
    // Anything else is what GoJson refuses; let it say so in Go's words.
    GoJson.marshal(v, true);
    return v;
  }

  /**
   * Go's JSON leaves U+0085 (NEL) unescaped, and goyaml.v2 reads it back, inside the quoted JSON
   * string, as a line break folded into a space.
   */
  private static String foldNel(String s) {
    return s.indexOf('\u0085') < 0 ? s : s.replace('\u0085', ' ');
  }

  /** Map.entry refuses null values. */
  private static final Object NULL = new Object();

  private static Object wrapNull(Object v) {
    return v == null ? NULL : v;
  }

  private record Mapping(List<Map.Entry<String, Object>> entries) {}

  /** A JSON number's text read back by goyaml.v2: an int when it parses as one, else a float. */
  private static Object number(String json) {
    YamlResolve.Resolved r = YamlResolve.resolve(json);
    if (r.kind() == YamlResolve.Kind.INT) {
      return r.value() instanceof BigInteger big ? big : (Long) r.value();
    }
    return new Float((Double) r.value());
  }

  private record Float(double value) {}

  private void node(Object v, int indent, Context ctx) {
    if (out.length() > MAX_OUTPUT) {
      throw new dev.capstan.chart.gotemplate.GoFuncException(
          "yaml: output exceeds " + MAX_OUTPUT + " characters");
    }
    if (v == NULL) {
      v = null;
    }
    if (v instanceof Mapping m && !m.entries.isEmpty()) {
      if (ctx == Context.MAP_VALUE) {
        out.append('\n');
      } else if (ctx == Context.SEQ_ITEM) {
        out.append(' ');
      }
      mapping(m, ctx == Context.ROOT ? 0 : indent + 2, ctx == Context.SEQ_ITEM);
    } else if (v instanceof List<?> l && !l.isEmpty()) {
      if (ctx == Context.MAP_VALUE) {
        out.append('\n');
      } else if (ctx == Context.SEQ_ITEM) {
        out.append(' ');
      }
      sequence(l, ctx == Context.SEQ_ITEM || v3 && ctx == Context.MAP_VALUE ? indent + 2 : indent,
          ctx == Context.SEQ_ITEM);
    } else {
      if (ctx != Context.ROOT) {
        out.append(' ');
      }
      scalar(v, indent + 2);
    }
  }

  private void mapping(Mapping m, int indent, boolean inline) {
    boolean first = true;
    for (Map.Entry<String, Object> e : m.entries) {
      if (!(first && inline)) {
        out.append(" ".repeat(indent));
      }
      first = false;
      String key = e.getKey();
      if (key.contains("\n") || key.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > 128) {
        // Not a simple key for goyaml.v2: written as "? key" then ": value".
        // The value then follows ": " on the same line, as a sequence item's does.
        out.append("? ");
        scalar(key, indent + 2);
        out.append(" ".repeat(indent)).append(':');
        node(e.getValue(), indent, Context.SEQ_ITEM);
      } else {
        YamlScalar.write(out, key, YamlScalar.style(key, true, v3), indent, false);
        out.append(':');
        node(e.getValue(), indent, Context.MAP_VALUE);
      }
    }
  }

  private void sequence(List<?> l, int indent, boolean inline) {
    boolean first = true;
    for (Object e : l) {
      if (!(first && inline)) {
        out.append(" ".repeat(indent));
      }
      first = false;
      out.append('-');
      node(e, indent, Context.SEQ_ITEM);
    }
  }

  private void scalar(Object v, int literalIndent) {
    if (v == null) {
      out.append("null\n");
    } else if (v instanceof Mapping) {
      out.append("{}\n");
    } else if (v instanceof List<?>) {
      out.append("[]\n");
    } else if (v instanceof Float f) {
      String text = GoFmt.sprint(f.value);
      out.append(switch (text) {
        case "+Inf" -> ".inf";
        case "-Inf" -> "-.inf";
        case "NaN" -> ".nan";
        default -> text;
      }).append('\n');
    } else if (v instanceof String s) {
      YamlScalar.Style style = YamlScalar.style(s, false, v3);
      // goyaml.v3 (toYamlPretty) has no line width: it never folds.
      YamlScalar.write(out, s, style, literalIndent, !v3);
      if (style != YamlScalar.Style.LITERAL) {
        out.append('\n');
      }
    } else {
      out.append(v).append('\n');
    }
  }
}
