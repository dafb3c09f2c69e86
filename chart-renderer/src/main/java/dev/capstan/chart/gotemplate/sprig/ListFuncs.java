package dev.capstan.chart.gotemplate.sprig;

import static dev.capstan.chart.gotemplate.GoType.ANY;
import static dev.capstan.chart.gotemplate.GoType.INT;

import dev.capstan.chart.gotemplate.GoFuncException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Sprig's list functions (list.go). Each {@code mustX} returns Go's error; its plain twin panics
 * with that error, which text/template reports the same way, so both throw the same message.
 */
final class ListFuncs {
  private ListFuncs() {}

  static void register(FuncTable t) {
    t.variadic("list", List.of(), ANY, a -> new ArrayList<>(a));
    t.alias("tuple", "list");
    both(t, "push", List.of(ANY, ANY), a -> push(a.get(0), a.get(1)));
    t.alias("append", "push");
    t.alias("mustAppend", "mustPush");
    both(t, "prepend", List.of(ANY, ANY), a -> prepend(a.get(0), a.get(1)));
    both(t, "chunk", List.of(INT, ANY), a -> Typed.lists(chunk((Integer) a.get(0), a.get(1))));
    both(t, "first", List.of(ANY), a -> end(a.get(0), "first", true));
    both(t, "last", List.of(ANY), a -> end(a.get(0), "last", false));
    both(t, "rest", List.of(ANY), a -> part(a.get(0), "rest", 1, 0));
    both(t, "initial", List.of(ANY), a -> part(a.get(0), "initial", 0, 1));
    both(t, "reverse", List.of(ANY), a -> reverse(a.get(0)));
    both(t, "compact", List.of(ANY), a -> compact(a.get(0)));
    both(t, "uniq", List.of(ANY), a -> uniq(a.get(0)));
    bothVariadic(t, "without", a -> without(a.get(0), a.subList(1, a.size())));
    both(t, "has", List.of(ANY, ANY), a -> has(a.get(0), a.get(1)));
    bothVariadic(t, "slice", a -> slice(a.get(0), a.subList(1, a.size())));
    t.variadic("concat", List.of(), ANY, ListFuncs::concat);
  }

  private static void both(FuncTable t, String name, List<dev.capstan.chart.gotemplate.GoType> p,
      Function<List<Object>, Object> body) {
    t.fn(name, p, body::apply);
    t.fn("must" + Character.toUpperCase(name.charAt(0)) + name.substring(1), p, body::apply);
  }

  private static void bothVariadic(FuncTable t, String name, Function<List<Object>, Object> body) {
    t.variadic(name, List.of(ANY), ANY, body::apply);
    t.variadic(
        "must" + Character.toUpperCase(name.charAt(0)) + name.substring(1),
        List.of(ANY),
        ANY,
        body::apply);
  }

  private static List<Object> elements(Object list, String errorPrefix) {
    String kind = GoReflect.kind(list);
    if (!GoReflect.isSlice(list)) {
      throw new GoFuncException(errorPrefix + kind);
    }
    return GoReflect.elements(list);
  }

  private static List<Object> push(Object list, Object v) {
    List<Object> l = elements(list, "Cannot push on type ");
    Limits.checkList("append", l.size() + 1L);
    List<Object> out = new ArrayList<>(l);
    out.add(v);
    return out;
  }

  private static List<Object> prepend(Object list, Object v) {
    List<Object> l = elements(list, "Cannot prepend on type ");
    Limits.checkList("prepend", l.size() + 1L);
    List<Object> out = new ArrayList<>(l.size() + 1);
    out.add(v);
    out.addAll(l);
    return out;
  }

  private static List<Object> chunk(int size, Object list) {
    List<Object> l = elements(list, "Cannot chunk type ");
    if (size == 0) {
      throw new GoFuncException("runtime error: makeslice: len out of range");
    }
    int chunks = (int) (Math.floor((double) (l.size() - 1) / size) + 1);
    if (chunks < 0) {
      throw new GoFuncException("runtime error: makeslice: len out of range");
    }
    List<Object> out = new ArrayList<>(chunks);
    for (int i = 0; i < chunks; i++) {
      int len = size;
      if (i == chunks - 1) {
        len = (int) Math.floor(l.size() % (double) size);
        if (len == 0) {
          len = size;
        }
      }
      if (len < 0) {
        throw new GoFuncException("runtime error: makeslice: len out of range");
      }
      List<Object> c = new ArrayList<>(len);
      for (int j = 0; j < len; j++) {
        int ix = i * size + j;
        if (ix < 0 || ix >= l.size()) {
          throw new GoFuncException(
              "reflect: slice index out of range");
        }
        c.add(l.get(ix));
      }
      out.add(c);
    }
    return out;
  }

  private static Object end(Object list, String what, boolean first) {
    List<Object> l = elements(list, "Cannot find " + what + " on type ");
    if (l.isEmpty()) {
      return null;
    }
    return first ? l.get(0) : l.get(l.size() - 1);
  }

  private static List<Object> part(Object list, String what, int dropFront, int dropBack) {
    List<Object> l = elements(list, "Cannot find " + what + " on type ");
    if (l.isEmpty()) {
      return Typed.nil("[]interface {}");
    }
    return new ArrayList<>(l.subList(dropFront, l.size() - dropBack));
  }

  private static List<Object> reverse(Object list) {
    List<Object> out = new ArrayList<>(elements(list, "Cannot find reverse on type "));
    java.util.Collections.reverse(out);
    return out;
  }

  private static List<Object> compact(Object list) {
    List<Object> out = new ArrayList<>();
    for (Object e : elements(list, "Cannot compact on type ")) {
      if (!GoReflect.empty(e)) {
        out.add(e);
      }
    }
    return out;
  }

  private static List<Object> uniq(Object list) {
    List<Object> out = new ArrayList<>();
    for (Object e : elements(list, "Cannot find uniq on type ")) {
      if (!contains(out, e)) {
        out.add(e);
      }
    }
    return out;
  }

  private static List<Object> without(Object list, List<Object> omit) {
    List<Object> out = new ArrayList<>();
    for (Object e : elements(list, "Cannot find without on type ")) {
      if (!contains(omit, e)) {
        out.add(e);
      }
    }
    return out;
  }

  /** Quadratic in uniq and without, as in Go: the render's clock is consulted as it goes. */
  static boolean contains(List<Object> haystack, Object needle) {
    dev.capstan.chart.gotemplate.GoBudget.current().step();
    for (Object h : haystack) {
      if (GoReflect.deepEqual(needle, h)) {
        return true;
      }
    }
    return false;
  }

  private static boolean has(Object needle, Object haystack) {
    if (haystack == null) {
      return false;
    }
    return contains(elements(haystack, "Cannot find has on type "), needle);
  }

  private static Object slice(Object list, List<Object> indices) {
    String kind = GoReflect.kind(list);
    if (!GoReflect.isSlice(list)) {
      throw new GoFuncException("list should be type of slice or array but " + kind);
    }
    List<Object> l = GoReflect.elements(list);
    if (l.isEmpty()) {
      return null;
    }
    int start = indices.isEmpty() ? 0 : GoCast.toInt(indices.get(0));
    int end = indices.size() < 2 ? l.size() : GoCast.toInt(indices.get(1));
    if (start < 0 || end < start || end > l.size()) {
      throw new GoFuncException("reflect.Value.Slice: slice index out of bounds");
    }
    if (list instanceof byte[] bytes) {
      return java.util.Arrays.copyOfRange(bytes, start, end);
    }
    return Typed.like(list, new ArrayList<>(l.subList(start, end)));
  }

  private static Object concat(List<Object> lists) {
    List<Object> out = null;
    for (Object list : lists) {
      String kind = GoReflect.kind(list);
      if (!GoReflect.isSlice(list)) {
        throw new GoFuncException("Cannot concat type " + kind + " as list");
      }
      List<Object> l = GoReflect.elements(list);
      if (out == null) {
        out = new ArrayList<>();
      }
      Limits.checkList("concat", (long) out.size() + l.size());
      out.addAll(l);
    }
    return out == null ? Typed.nil("[]interface {}") : out;
  }
}
