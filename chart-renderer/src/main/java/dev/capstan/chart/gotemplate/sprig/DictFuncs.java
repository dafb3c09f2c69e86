package dev.capstan.chart.gotemplate.sprig;

import static dev.capstan.chart.gotemplate.GoType.ANY;
import static dev.capstan.chart.gotemplate.GoType.MAP;
import static dev.capstan.chart.gotemplate.GoType.STRING;

import dev.capstan.chart.gotemplate.GoFuncException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** Sprig's dict functions (dict.go). Maps are mutated in place where Go mutates them. */
final class DictFuncs {
  private static final String NIL_MAP = "assignment to entry in nil map";

  private DictFuncs() {}

  static void register(FuncTable t) {
    t.variadic("dict", List.of(), ANY, DictFuncs::dict);
    t.fn("get", List.of(MAP, STRING), a -> get(map(a, 0), (String) a.get(1)));
    t.fn("set", List.of(MAP, STRING, ANY), a -> put(map(a, 0), (String) a.get(1), a.get(2)));
    t.fn("unset", List.of(MAP, STRING), a -> unset(map(a, 0), (String) a.get(1)));
    t.fn("hasKey", List.of(MAP, STRING), a -> map(a, 0) != null && map(a, 0).containsKey(a.get(1)));
    t.variadic("pluck", List.of(STRING), MAP, a -> pluck((String) a.get(0), a.subList(1, a.size())));
    t.variadic("keys", List.of(), MAP, DictFuncs::keys);
    t.variadic("pick", List.of(MAP), STRING, a -> pick(map(a, 0), a.subList(1, a.size())));
    t.variadic("omit", List.of(MAP), STRING, a -> omit(map(a, 0), a.subList(1, a.size())));
    t.fn("values", List.of(MAP), a -> values(map(a, 0)));
    for (boolean overwrite : new boolean[] {false, true}) {
      String name = overwrite ? "mergeOverwrite" : "merge";
      GoFunctionMerge body = new GoFunctionMerge(overwrite);
      t.variadic(name, List.of(MAP), MAP, body::call);
      t.variadic("must" + Character.toUpperCase(name.charAt(0)) + name.substring(1),
          List.of(MAP), MAP, body::call);
    }
    t.fn("deepCopy", List.of(ANY), a -> DeepCopy.copy(a.get(0)));
    t.fn("mustDeepCopy", List.of(ANY), a -> DeepCopy.copy(a.get(0)));
    t.variadic("dig", List.of(), ANY, DictFuncs::dig);
  }

  private record GoFunctionMerge(boolean overwrite) {
    Object call(List<Object> a) {
      Map<String, Object> dst = map(a, 0);
      if (dst == null) {
        dst = new LinkedHashMap<>();
      }
      for (Object src : a.subList(1, a.size())) {
        if (src != null) {
          Mergo.merge(dst, Mergo.cast((Map<?, ?>) src), overwrite);
        }
      }
      return dst;
    }
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> map(List<Object> a, int i) {
    return (Map<String, Object>) a.get(i);
  }

  private static Map<String, Object> dict(List<Object> v) {
    Map<String, Object> out = new LinkedHashMap<>();
    for (int i = 0; i < v.size(); i += 2) {
      String key = Strval.of(v.get(i));
      out.put(key, i + 1 < v.size() ? v.get(i + 1) : "");
    }
    return out;
  }

  private static Object get(Map<String, Object> d, String key) {
    return d != null && d.containsKey(key) ? d.get(key) : "";
  }

  private static Map<String, Object> put(Map<String, Object> d, String key, Object value) {
    if (d == null) {
      throw new GoFuncException(NIL_MAP);
    }
    d.put(key, value);
    return d;
  }

  private static Map<String, Object> unset(Map<String, Object> d, String key) {
    if (d != null) {
      d.remove(key);
    }
    return d;
  }

  private static List<Object> pluck(String key, List<Object> dicts) {
    List<Object> out = new ArrayList<>();
    for (Object o : dicts) {
      Map<?, ?> d = (Map<?, ?>) o;
      if (d != null && d.containsKey(key)) {
        out.add(d.get(key));
      }
    }
    return out;
  }

  /** Go ranges a map in random order; sorted keys are one of the orders Go may produce. */
  private static List<Object> keys(List<Object> dicts) {
    List<Object> out = new ArrayList<>();
    for (Object o : dicts) {
      if (o != null) {
        out.addAll(new TreeMap<>((Map<?, ?>) o).keySet());
      }
    }
    return Typed.strings(out);
  }

  private static List<Object> values(Map<String, Object> d) {
    List<Object> out = new ArrayList<>();
    if (d != null) {
      new TreeMap<>(d).forEach((k, v) -> out.add(v));
    }
    return out;
  }

  private static Map<String, Object> pick(Map<String, Object> d, List<Object> keys) {
    Map<String, Object> out = new LinkedHashMap<>();
    for (Object k : keys) {
      if (d != null && d.containsKey(k)) {
        out.put((String) k, d.get(k));
      }
    }
    return out;
  }

  private static Map<String, Object> omit(Map<String, Object> d, List<Object> keys) {
    Set<Object> drop = new HashSet<>(keys);
    Map<String, Object> out = new LinkedHashMap<>();
    if (d != null) {
      d.forEach(
          (k, v) -> {
            if (!drop.contains(k)) {
              out.put(k, v);
            }
          });
    }
    return out;
  }

  /** Sprig's dig: keys..., a default, then the map; panics (type assertions) as Go does. */
  private static Object dig(List<Object> ps) {
    if (ps.size() < 3) {
      throw new GoFuncException("dig needs at least three arguments");
    }
    Map<String, Object> dict = assertMap(ps.get(ps.size() - 1));
    Object def = ps.get(ps.size() - 2);
    List<String> keys = new ArrayList<>();
    for (Object k : ps.subList(0, ps.size() - 2)) {
      if (!(k instanceof String s)) {
        throw new GoFuncException(
            "interface conversion: interface {} is " + GoNames.typeName(k) + ", not string");
      }
      keys.add(s);
    }
    for (int i = 0; ; i++) {
      if (dict == null || !dict.containsKey(keys.get(i))) {
        return def;
      }
      Object step = dict.get(keys.get(i));
      if (i == keys.size() - 1) {
        return step;
      }
      dict = assertMap(step);
    }
  }

  /**
   * Go's {@code v.(map[string]interface{})}: only that exact type; a named map type such as
   * Helm's chartutil.Values ({@code .Values}) fails it, as in Helm.
   */
  private static Map<String, Object> assertMap(Object v) {
    if (v instanceof Map<?, ?> m && !(v instanceof dev.capstan.chart.gotemplate.GoNamed)) {
      return Mergo.cast(m);
    }
    throw new GoFuncException(
        "interface conversion: interface {} is "
            + GoNames.typeName(v)
            + ", not map[string]interface {}");
  }
}
