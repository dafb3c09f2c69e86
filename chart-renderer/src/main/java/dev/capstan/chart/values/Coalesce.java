package dev.capstan.chart.values;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Lays the user's values over a chart tree's defaults with Helm's {@code CoalesceValues}: the
 * higher layer wins, maps merge deeply, lists and scalars are replaced, a {@code null} in the higher
 * layer deletes the key, each subchart's defaults appear under its alias or name, and the parent's
 * {@code global} map is copied into every subchart's scope (the parent wins over the subchart).
 *
 * <p>Like Helm, a chart with dependencies first has its defaults merged with theirs (keeping
 * {@code null}s, Helm's import-values step), so a parent's globals reach its subcharts' defaults
 * even where a user's {@code null} later removes them from the parent. Mismatched types (a map over
 * a scalar or the reverse) are skipped silently, as Helm only logs them; the one error is a
 * non-map where a subchart's scope must be.
 */
public final class Coalesce {
  static final String GLOBAL = "global";

  private Coalesce() {}

  /**
   * Returns the top chart's full values; a subchart's scope is {@code result.get(alias)}, which
   * carries {@code global}. Neither argument is modified.
   *
   * @throws ValuesException when a subchart's scope is set to something other than a map
   */
  public static Map<String, Object> coalesce(ValuesNode chart, Map<String, Object> userValues) {
    Node root = premerged(chart);
    return coalesce(root, ValueMaps.deepCopy(userValues), false, "");
  }

  /** A chart with effective defaults; Helm replaces its charts' values the same way in place. */
  private record Node(String name, Map<String, Object> defaults, List<Node> dependencies) {
    boolean hasDependency(String key) {
      return dependencies.stream().anyMatch(d -> d.name.equals(key));
    }
  }

  /** Bottom-up, a chart with dependencies gets as defaults its values merged with theirs. */
  private static Node premerged(ValuesNode chart) {
    List<Node> deps = new ArrayList<>();
    for (ValuesNode dep : chart.dependencies()) {
      deps.add(premerged(dep));
    }
    Map<String, Object> defaults = ValueMaps.deepCopy(chart.defaults());
    Node node = new Node(chart.scopeName(), defaults, List.copyOf(deps));
    if (deps.isEmpty()) {
      return node;
    }
    return new Node(node.name, coalesce(node, new java.util.LinkedHashMap<>(), true, ""), node.dependencies);
  }

  private static Map<String, Object> coalesce(
      Node chart, Map<String, Object> dest, boolean merge, String prefix) {
    coalesceValues(chart, dest, merge);
    for (Node sub : chart.dependencies) {
      String path = prefix.isEmpty() ? sub.name : prefix + "." + sub.name;
      if (!dest.containsKey(sub.name)) {
        dest.put(sub.name, new java.util.LinkedHashMap<String, Object>());
      } else if (!(dest.get(sub.name) instanceof Map<?, ?>)) {
        throw new ValuesException(path, "type mismatch: the values of subchart " + sub.name
            + " must be a map, not " + ValueMaps.describe(dest.get(sub.name)));
      }
      Map<String, Object> scope = ValueMaps.cast((Map<?, ?>) dest.get(sub.name));
      Globals.copyDown(scope, dest);
      dest.put(sub.name, coalesce(sub, scope, merge, path));
    }
    return dest;
  }

  /** Fills {@code values} from the chart's defaults; {@code values} wins. */
  private static void coalesceValues(Node chart, Map<String, Object> values, boolean merge) {
    for (Map.Entry<String, Object> d : ValueMaps.deepCopy(chart.defaults).entrySet()) {
      String key = d.getKey();
      if (!values.containsKey(key)) {
        values.put(key, d.getValue());
        continue;
      }
      Object value = values.get(key);
      if (value == null && !merge) {
        values.remove(key);
      } else if (value instanceof Map<?, ?> dst && d.getValue() instanceof Map<?, ?> src) {
        // A subchart's section is merged keeping nulls: the subchart's own pass deletes them.
        boolean mergeHere = merge || chart.hasDependency(key);
        tables(ValueMaps.cast(dst), ValueMaps.cast(src), mergeHere);
      }
    }
  }

  /**
   * Helm's {@code coalesceTablesFullKey}: {@code dst} (higher) wins over {@code src}; with
   * {@code merge} false a {@code null} in {@code dst} deletes the key, with it true it stays.
   */
  static Map<String, Object> tables(Map<String, Object> dst, Map<String, Object> src, boolean merge) {
    if (src == null) {
      return dst;
    }
    if (dst == null) {
      return src;
    }
    for (Map.Entry<String, Object> e : dst.entrySet()) {
      if (e.getValue() == null) {
        src.put(e.getKey(), null);
      }
    }
    for (Map.Entry<String, Object> e : src.entrySet()) {
      String key = e.getKey();
      Object val = e.getValue();
      boolean present = dst.containsKey(key);
      Object dv = dst.get(key);
      if (present && !merge && dv == null) {
        dst.remove(key);
      } else if (!present) {
        dst.put(key, val);
      } else if (val instanceof Map<?, ?> srcMap && dv instanceof Map<?, ?> dstMap) {
        tables(ValueMaps.cast(dstMap), ValueMaps.cast(srcMap), merge);
      }
    }
    return dst;
  }
}
