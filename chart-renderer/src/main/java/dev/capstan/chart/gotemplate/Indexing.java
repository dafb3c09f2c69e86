package dev.capstan.chart.gotemplate;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The {@code index}, {@code slice} and {@code len} built-ins with Go's errors. */
final class Indexing {
  private Indexing() {}

  static Object index(Object item, List<Object> indexes) {
    if (item == null) {
      throw new GoFuncException("index of untyped nil");
    }
    for (Object index : indexes) {
      if (item == null) {
        throw new GoFuncException("index of nil pointer");
      }
      if (item instanceof List<?> l) {
        item = l.get(checkedIndex(index, l.size(), "slice"));
      } else if (item instanceof byte[] b) {
        item = b[checkedIndex(index, b.length, "slice")] & 0xff;
      } else if (item instanceof String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        item = b[checkedIndex(index, b.length, "string")] & 0xff;
      } else if (item instanceof Map<?, ?> m) {
        if (index == null) {
          throw new GoFuncException("value is nil; should be of type string");
        }
        if (!(index instanceof String)) {
          throw new GoFuncException(
              "value has type " + GoValues.typeName(index) + "; should be string");
        }
        item = m.get(index);
      } else {
        throw new GoFuncException("can't index item of type " + GoValues.typeName(item));
      }
    }
    return item;
  }

  /** Go's {@code indexArg}, then the reflect bounds check that {@code index} relies on. */
  private static int checkedIndex(Object index, int len, String what) {
    int x = indexArg(index, len);
    if (x == len) {
      throw new GoFuncException("reflect: " + what + " index out of range");
    }
    return x;
  }

  private static int indexArg(Object index, int cap) {
    long x;
    if (index instanceof Integer i) {
      x = i;
    } else if (index instanceof Long l) {
      x = l;
    } else if (index == null) {
      throw new GoFuncException("cannot index slice/array with nil");
    } else {
      throw new GoFuncException(
          "cannot index slice/array with type " + GoValues.typeName(index));
    }
    if (x < 0 || x > cap) {
      throw new GoFuncException("index out of range: " + x);
    }
    return (int) x;
  }

  static Object slice(Object item, List<Object> indexes, boolean[] fromInterface) {
    if (item == null) {
      throw new GoFuncException("slice of untyped nil");
    }
    if (indexes.size() > 3) {
      throw new GoFuncException("too many slice indexes: " + indexes.size());
    }
    int len;
    byte[] bytes = null;
    if (item instanceof String s) {
      if (indexes.size() == 3) {
        throw new GoFuncException("cannot 3-index slice a string");
      }
      bytes = s.getBytes(StandardCharsets.UTF_8);
      len = bytes.length;
    } else if (item instanceof List<?> l) {
      len = l.size();
    } else if (item instanceof byte[] b) {
      len = b.length;
    } else {
      throw new GoFuncException("can't slice item of type " + GoValues.typeName(item));
    }
    int[] idx = {0, len, 0};
    for (int i = 0; i < indexes.size(); i++) {
      // Unlike index, Go's slice does not unwrap an interface{}: its kind is not an integer.
      if (fromInterface[i + 1]) {
        throw new GoFuncException("cannot index slice/array with type interface {}");
      }
      idx[i] = indexArg(indexes.get(i), len);
    }
    if (idx[0] > idx[1]) {
      throw new GoFuncException("invalid slice index: " + idx[0] + " > " + idx[1]);
    }
    if (indexes.size() == 3 && idx[1] > idx[2]) {
      throw new GoFuncException("invalid slice index: " + idx[1] + " > " + idx[2]);
    }
    if (bytes != null) {
      return new String(bytes, idx[0], idx[1] - idx[0], StandardCharsets.UTF_8);
    }
    if (item instanceof byte[] b) {
      return java.util.Arrays.copyOfRange(b, idx[0], idx[1]);
    }
    return new ArrayList<>(((List<?>) item).subList(idx[0], idx[1]));
  }

  /**
   * Go's {@code len}. A nil from an interface-typed place (a map entry, a list element) is a nil
   * pointer to Go; a nil that is no value at all makes reflect itself fail.
   */
  static Object length(Object item, boolean isInterface) {
    if (item == null) {
      throw new GoFuncException(isInterface
          ? "len of nil pointer"
          : "reflect: call of reflect.Value.Type on zero Value");
    }
    if (item instanceof String s) {
      return GoValues.utf8Length(s);
    }
    if (item instanceof List<?> l) {
      return l.size();
    }
    if (item instanceof Map<?, ?> m) {
      return m.size();
    }
    if (item instanceof byte[] b) {
      return b.length;
    }
    throw new GoFuncException("len of type " + GoValues.typeName(item));
  }

}
