package dev.capstan.chart.values;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Copies a parent's {@code global} map into a subchart's scope (Helm's {@code coalesceGlobals}):
 * the parent's entries win, maps among them are merged with the subchart's, and a {@code global}
 * that is not a map on either side leaves the scope's globals as they are.
 */
final class Globals {
  private Globals() {}

  static void copyDown(Map<String, Object> scope, Map<String, Object> parent) {
    Map<String, Object> dg = tableOrNew(scope);
    Map<String, Object> sg = tableOrNew(parent);
    if (dg == null || sg == null) {
      return;
    }
    for (Map.Entry<String, Object> e : sg.entrySet()) {
      String key = e.getKey();
      Object val = e.getValue();
      if (val instanceof Map<?, ?> table) {
        // A shallow copy, as in Helm: nested maps stay shared with the parent's globals.
        Map<String, Object> vv = new LinkedHashMap<>(ValueMaps.cast(table));
        Object existing = dg.get(key);
        if (!dg.containsKey(key)) {
          dg.put(key, vv);
        } else if (existing instanceof Map<?, ?> mine) {
          Coalesce.tables(vv, ValueMaps.cast(mine), true);
          dg.put(key, vv);
        }
      } else if (!(dg.get(key) instanceof Map<?, ?>)) {
        dg.put(key, val);
      }
    }
    scope.put(Coalesce.GLOBAL, dg);
  }

  /** The map under {@code global}, a new one when absent, or null when it is not a map. */
  private static Map<String, Object> tableOrNew(Map<String, Object> values) {
    if (!values.containsKey(Coalesce.GLOBAL)) {
      return new LinkedHashMap<>();
    }
    return values.get(Coalesce.GLOBAL) instanceof Map<?, ?> m ? ValueMaps.cast(m) : null;
  }
}
