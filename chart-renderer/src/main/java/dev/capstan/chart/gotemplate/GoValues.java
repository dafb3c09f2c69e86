package dev.capstan.chart.gotemplate;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Questions about a value of this package's value model that Go answers with reflection: its type
 * as {@code %T} prints it, its reflect kind, and text/template's notion of truth.
 */
public final class GoValues {
  private GoValues() {}

  /** The type as Go's {@code %T} prints it: {@code float64}, {@code []interface {}}, {@code <nil>}. */
  public static String typeName(Object v) {
    if (v == null) {
      return "<nil>";
    }
    if (v instanceof String) {
      return "string";
    }
    if (v instanceof Boolean) {
      return "bool";
    }
    if (v instanceof Integer) {
      return "int";
    }
    if (v instanceof Long) {
      return "int64";
    }
    if (v instanceof Double) {
      return "float64";
    }
    if (v instanceof GoNamed n) {
      return n.goTypeName();
    }
    if (v instanceof Map) {
      return "map[string]interface {}";
    }
    if (v instanceof List) {
      return "[]interface {}";
    }
    if (v instanceof byte[]) {
      return "[]uint8";
    }
    if (v instanceof GoStruct s) {
      return s.goTypeName();
    }
    if (v instanceof GoFunc f) {
      return funcType(f);
    }
    if (v instanceof GoComplex) {
      return "complex128";
    }
    throw new IllegalArgumentException("not a Go template value: " + v.getClass().getName());
  }

  /** The reflect kind's name: {@code string}, {@code map}, {@code slice}, {@code invalid} for nil. */
  public static String kindName(Object v) {
    if (v == null) {
      return "invalid";
    }
    if (v instanceof Map) {
      return "map";
    }
    if (v instanceof List || v instanceof byte[]) {
      return "slice";
    }
    if (v instanceof GoStruct s) {
      return s.goTypeName().startsWith("*") ? "ptr" : "struct";
    }
    if (v instanceof GoFunc) {
      return "func";
    }
    return typeName(v);
  }

  /**
   * Text/template's truth ({@code template.IsTrue}): false, zero numbers, nil and empty strings,
   * lists and maps are false; everything else, structs included, is true.
   */
  public static boolean isTrue(Object v) {
    if (v == null) {
      return false;
    }
    if (v instanceof Boolean b) {
      return b;
    }
    if (v instanceof String s) {
      return !s.isEmpty();
    }
    if (v instanceof Integer i) {
      return i != 0;
    }
    if (v instanceof Long l) {
      return l != 0;
    }
    if (v instanceof Double d) {
      return d != 0;
    }
    if (v instanceof Map<?, ?> m) {
      return !m.isEmpty();
    }
    if (v instanceof List<?> l) {
      return !l.isEmpty();
    }
    if (v instanceof byte[] b) {
      return b.length > 0;
    }
    if (v instanceof GoComplex c) {
      return c.re() != 0 || c.im() != 0;
    }
    return true;
  }

  /** A function value's type as Go would print it; the result type is not declared, so any. */
  private static String funcType(GoFunc f) {
    StringBuilder b = new StringBuilder("func(");
    for (int i = 0; i < f.params().size(); i++) {
      b.append(i > 0 ? ", " : "").append(f.params().get(i).goName());
    }
    if (f.isVariadic()) {
      b.append(f.params().isEmpty() ? "..." : ", ...").append(f.variadic().goName());
    }
    return b.append(") interface {}").toString();
  }

  /** A map's keys in Go's order (sorted), as {@code range} and {@code fmt} visit them. */
  @SuppressWarnings("unchecked")
  public static List<String> sortedKeys(Map<?, ?> m) {
    List<String> keys = new ArrayList<>((java.util.Set<String>) m.keySet());
    keys.sort(GoValues::compareStrings);
    return keys;
  }

  /** Go's string order: by UTF-8 bytes, which is code point order (Java's is UTF-16 units). */
  public static int compareStrings(String a, String b) {
    int n = Math.min(a.length(), b.length());
    for (int i = 0; i < n; i++) {
      char x = a.charAt(i);
      char y = b.charAt(i);
      if (x != y) {
        if (Character.isSurrogate(x) || Character.isSurrogate(y)) {
          return Integer.compare(a.codePointAt(i), b.codePointAt(i));
        }
        return x - y;
      }
    }
    return a.length() - b.length();
  }

  /** Go's {@code len} of a string: its length in UTF-8 bytes. */
  public static int utf8Length(CharSequence s) {
    return utf8Length(s, 0, s.length());
  }

  /** The UTF-8 length of {@code s} from {@code from} (inclusive) to {@code to} (exclusive). */
  public static int utf8Length(CharSequence s, int from, int to) {
    int n = 0;
    for (int i = from; i < to; i++) {
      char c = s.charAt(i);
      if (c < 0x80) {
        n++;
      } else if (c < 0x800) {
        n += 2;
      } else if (Character.isHighSurrogate(c)) {
        n += 4;
        i++;
      } else {
        n += 3;
      }
    }
    return n;
  }
}
