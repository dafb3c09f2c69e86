package dev.capstan.chart.gotemplate.sprig;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * mitchellh/copystructure as Sprig's deepCopy uses it: new maps and slices all the way down, each
 * of the Go type of its original (a copy of .Values is a chartutil.Values, without its methods).
 */
final class DeepCopy {
  private DeepCopy() {}

  static Object copy(Object v) {
    if (v == null) {
      // copystructure reflects on the nil interface and panics.
      throw new dev.capstan.chart.gotemplate.GoFuncException(
          "reflect: call of reflect.Value.Type on zero Value");
    }
    return copy(v, 0, new Walk("deepCopy"));
  }

  private static Object copy(Object v, int depth, Walk walk) {
    Mergo.Depth.check(depth);
    walk.visit();
    if (v instanceof Map<?, ?> m) {
      Map<String, Object> out = new LinkedHashMap<>();
      for (Map.Entry<?, ?> e : m.entrySet()) {
        out.put((String) e.getKey(), copy(e.getValue(), depth + 1, walk));
      }
      return Typed.sameType(v, out);
    } else if (v instanceof List<?> l) {
      List<Object> out = new ArrayList<>(l.size());
      for (Object e : l) {
        out.add(copy(e, depth + 1, walk));
      }
      return Typed.sameType(v, out);
    } else if (v instanceof byte[] b) {
      return b.clone();
    }
    return v;
  }
}
