package dev.capstan.chart.gotemplate.helmfuncs;

import dev.capstan.chart.gotemplate.sprig.GoJson;
import java.io.StringReader;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * sigs.k8s.io/yaml's Unmarshal into interface{}, as Helm's fromYaml calls it: SnakeYAML parses
 * the first document to nodes, goyaml.v2's rules type the plain scalars (timestamps stay strings),
 * and the JSON round trip that follows in Go turns every number into a float64 and every key
 * into a string.
 */
final class YamlReader {
  private static final int MAX_DEPTH = 1000;

  /** A document Go's YAML library rejects; the message is close to, not always equal to, Go's. */
  static final class YamlException extends RuntimeException {
    YamlException(String message) {
      super(message, null, false, false);
    }
  }

  private YamlReader() {}

  static Object unmarshal(String text) {
    LoaderOptions options = new LoaderOptions();
    options.setMaxAliasesForCollections(50);
    options.setCodePointLimit((int) (8L * 1024 * 1024));
    options.setAllowDuplicateKeys(true);
    Yaml yaml = new Yaml(options);
    Node root;
    try {
      var it = yaml.composeAll(new StringReader(text)).iterator();
      root = it.hasNext() ? it.next() : null;
    } catch (MarkedYAMLException e) {
      throw new YamlException("error converting YAML to JSON: yaml: " + YamlErrors.goMessage(e,
          text));
    } catch (YAMLException e) {
      throw new YamlException("error converting YAML to JSON: yaml: " + e.getMessage());
    }
    if (root == null) {
      return null;
    }
    return value(root, 0, new IdentityHashMap<>());
  }

  private static Object value(Node n, int depth, IdentityHashMap<Node, Boolean> path) {
    if (depth > MAX_DEPTH || path.containsKey(n)) {
      throw new YamlException("error converting YAML to JSON: yaml: exceeded max depth");
    }
    if (n instanceof ScalarNode s) {
      return scalar(s);
    }
    path.put(n, true);
    try {
      if (n instanceof SequenceNode seq) {
        List<Object> out = new ArrayList<>();
        for (Node e : seq.getValue()) {
          out.add(value(e, depth + 1, path));
        }
        return out;
      }
      Map<String, Object> out = new LinkedHashMap<>();
      for (NodeTuple t : ((MappingNode) n).getValue()) {
        Node k = t.getKeyNode();
        if (k instanceof ScalarNode ks && ks.getScalarStyle() == DumperOptions.ScalarStyle.PLAIN
            && ks.getValue().equals("<<")) {
          merge(out, t.getValueNode(), depth, path);
          continue;
        }
        out.put(key(value(k, depth + 1, path)), value(t.getValueNode(), depth + 1, path));
      }
      return out;
    } finally {
      path.remove(n);
    }
  }

  /**
   * A merge key, as goyaml.v2 applies it: in document order, so the merged keys replace those
   * written before {@code <<} and are replaced by those written after it.
   */
  private static void merge(Map<String, Object> out, Node v, int depth,
      IdentityHashMap<Node, Boolean> path) {
    List<Node> sources = v instanceof SequenceNode seq ? seq.getValue() : List.of(v);
    for (Node src : sources) {
      Object m = value(src, depth + 1, path);
      if (!(m instanceof Map<?, ?> map)) {
        throw new YamlException(
            "error converting YAML to JSON: yaml: map merge requires map or sequence of maps as the value");
      }
      map.forEach((k, val) -> out.put((String) k, val));
    }
  }

  /** JSON keys are strings: sigs.k8s.io/yaml writes other scalar keys as their text. */
  private static String key(Object k) {
    if (k == null) {
      return "null";
    } else if (k instanceof String s) {
      return s;
    } else if (k instanceof Double d && d == Math.rint(d) && !Double.isInfinite(d)) {
      return String.valueOf((long) d.doubleValue());
    }
    if (k instanceof Map || k instanceof List) {
      throw new YamlException("error converting YAML to JSON: yaml: invalid map key: " + k);
    }
    return String.valueOf(k);
  }

  private static Object scalar(ScalarNode s) {
    String text = s.getValue();
    // Quoted and block scalars are strings; explicit tags on plain scalars are not honoured.
    if (s.getScalarStyle() != DumperOptions.ScalarStyle.PLAIN) {
      return text;
    }
    YamlResolve.Resolved r = YamlResolve.resolve(text);
    switch (r.kind()) {
      case NULL:
        return null;
      case BOOL:
        return r.value();
      case INT:
        return r.value() instanceof BigInteger b ? b.doubleValue() : (double) (Long) r.value();
      case FLOAT:
        double d = (Double) r.value();
        if (Double.isNaN(d) || Double.isInfinite(d)) {
          throw new YamlException("error converting YAML to JSON: json: unsupported value: "
              + (Double.isNaN(d) ? "NaN" : d > 0 ? "+Inf" : "-Inf"));
        }
        return d;
      default:
        return text;
    }
  }

  /** json.Unmarshal's type check after the conversion. */
  static String mismatch(Object v, String goType) {
    return "error unmarshaling JSON: while decoding JSON: " + GoJson.typeMismatch(v, goType);
  }
}
