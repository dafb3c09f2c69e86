package dev.capstan.chart.gotemplate.sprig;

import dev.capstan.chart.gotemplate.GoFuncException;
import dev.capstan.chart.gotemplate.GoStruct;
import dev.capstan.chart.gotemplate.GoValues;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** The few {@code reflect} operations Sprig performs on template values, in the value model. */
final class GoReflect {
  /** What Go panics with when Sprig calls {@code reflect.TypeOf(nil).Kind()}. */
  static final String NIL_DEREFERENCE =
      "runtime error: invalid memory address or nil pointer dereference";

  private GoReflect() {}

  /** Whether {@code v}'s kind is slice or array. */
  static boolean isSlice(Object v) {
    return v instanceof List<?> || v instanceof byte[];
  }

  /** A slice's elements as Go's {@code Index(i).Interface()} would return them. */
  static List<Object> elements(Object v) {
    if (v instanceof byte[] bytes) {
      List<Object> out = new ArrayList<>(bytes.length);
      for (byte b : bytes) {
        out.add(b & 0xff);
      }
      return out;
    }
    @SuppressWarnings("unchecked")
    List<Object> list = (List<Object>) v;
    return list;
  }

  /**
   * The reflect kind name Sprig's error messages print ({@code Cannot push on type string}); a
   * nil argument is the nil-pointer panic Go raises from {@code reflect.TypeOf(nil).Kind()}.
   */
  static String kind(Object v) {
    if (v == null) {
      throw new GoFuncException(NIL_DEREFERENCE);
    }
    return kindOrInvalid(v);
  }

  static String kindOrInvalid(Object v) {
    return GoValues.kindName(v);
  }

  /** Sprig's {@code empty}: the zero value of its type, or an empty string, slice or map. */
  static boolean empty(Object v) {
    if (v == null) {
      return true;
    } else if (v instanceof String s) {
      return s.isEmpty();
    } else if (v instanceof Boolean b) {
      return !b;
    } else if (v instanceof Integer i) {
      return i == 0;
    } else if (v instanceof Long l) {
      return l == 0;
    } else if (v instanceof Double d) {
      return d == 0;
    } else if (v instanceof List<?> l) {
      return l.isEmpty();
    } else if (v instanceof byte[] b) {
      return b.length == 0;
    } else if (v instanceof Map<?, ?> m) {
      return m.isEmpty();
    }
    return false;
  }

  /** Go's {@code reflect.DeepEqual}: equal types and equal contents (NaN is not equal to itself). */
  static boolean deepEqual(Object a, Object b) {
    return deepEqual(a, b, 0, new Walk("deepEqual"));
  }

  private static boolean deepEqual(Object a, Object b, int depth, Walk walk) {
    Mergo.Depth.check(depth);
    walk.visit();
    if (a == null || b == null) {
      return a == b;
    } else if (a instanceof Double x && b instanceof Double y) {
      return x.doubleValue() == y.doubleValue();
    } else if (a instanceof byte[] x && b instanceof byte[] y) {
      return Arrays.equals(x, y);
    } else if (a instanceof List<?> x && b instanceof List<?> y) {
      if (x.size() != y.size()) {
        return false;
      }
      Iterator<?> i = x.iterator();
      Iterator<?> j = y.iterator();
      while (i.hasNext()) {
        if (!deepEqual(i.next(), j.next(), depth + 1, walk)) {
          return false;
        }
      }
      return true;
    } else if (a instanceof Map<?, ?> x && b instanceof Map<?, ?> y) {
      if (x.size() != y.size()) {
        return false;
      }
      for (Map.Entry<?, ?> e : x.entrySet()) {
        if (!y.containsKey(e.getKey()) || !deepEqual(e.getValue(), y.get(e.getKey()), depth + 1, walk)) {
          return false;
        }
      }
      return true;
    } else if (a instanceof GoStruct || b instanceof GoStruct) {
      return a.equals(b);
    }
    return a.getClass() == b.getClass() && Objects.equals(a, b);
  }
}
