package dev.capstan.chart.gotemplate;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The functions and the Obj struct of tools/gotemplate-oracle/enginecases, written again in Java
 * with the same Go signatures, so the engine cases exercise argument checking exactly as Go does.
 */
final class TestFuncs {
  private TestFuncs() {}

  @SuppressWarnings("unchecked")
  static Map<String, GoFunc> all() {
    Map<String, GoFunc> m = new LinkedHashMap<>();
    add(m, GoFunc.of("double", List.of(GoType.INT), a -> (Integer) a.get(0) * 2));
    add(m, GoFunc.of("double64", List.of(GoType.INT64), a -> (Long) a.get(0) * 2));
    add(m, GoFunc.of("half", List.of(GoType.FLOAT64), a -> (Double) a.get(0) / 2));
    add(m, GoFunc.of("shout", List.of(GoType.STRING), a -> ((String) a.get(0)).toUpperCase() + "!"));
    add(m, GoFunc.of("flip", List.of(GoType.BOOL), a -> !(Boolean) a.get(0)));
    add(m, GoFunc.of("count", List.of(GoType.LIST), a -> ((List<?>) a.get(0)).size()));
    add(m, GoFunc.of("keys", List.of(GoType.MAP), a -> String.valueOf(((Map<?, ?>) a.get(0)).size())));
    add(m, GoFunc.of("bytestr", List.of(GoType.BYTES),
        a -> new String((byte[]) a.get(0), java.nio.charset.StandardCharsets.UTF_8)));
    add(m, GoFunc.of("joinstr", List.of(GoType.STRINGS),
        a -> String.join("+", castStrings((List<?>) a.get(0)))));
    add(m, GoFunc.of("typeof", List.of(GoType.ANY), a -> GoValues.typeName(a.get(0))));
    add(m, GoFunc.of("add", List.of(GoType.INT, GoType.INT),
        a -> (Integer) a.get(0) + (Integer) a.get(1)));
    add(m, GoFunc.variadic("cat", List.of(GoType.STRING), GoType.ANY, a -> {
      List<String> parts = new ArrayList<>();
      for (Object x : a.subList(1, a.size())) {
        parts.add(GoFmt.sprint(x));
      }
      return String.join((String) a.get(0), parts);
    }));
    add(m, GoFunc.variadic("list", List.of(), GoType.ANY, a -> new ArrayList<>(a)));
    add(m, GoFunc.variadic("dict", List.of(), GoType.ANY, a -> {
      Map<String, Object> d = new LinkedHashMap<>();
      for (int i = 0; i + 1 < a.size(); i += 2) {
        d.put(GoFmt.sprint(a.get(i)), a.get(i + 1));
      }
      return d;
    }));
    add(m, GoFunc.variadic("strs", List.of(), GoType.STRING, a -> new ArrayList<>(a)));
    add(m, GoFunc.of("nilval", List.of(), a -> null));
    add(m, GoFunc.of("oops", List.of(GoType.STRING), a -> {
      throw new GoFuncException("oops: " + a.get(0));
    }));
    add(m, GoFunc.of("boom", List.of(), a -> {
      throw new GoFuncException("boom");
    }));
    add(m, GoFunc.of("obj", List.of(GoType.STRING), a -> new Obj((String) a.get(0), 1, null, null)));
    GoFunc inc = GoFunc.of("inc", List.of(GoType.INT), a -> (Integer) a.get(0) + 1);
    add(m, GoFunc.of("fn", List.of(), a -> inc));
    add(m, GoFunc.of("values", List.of(GoType.MAP), a -> {
      Values v = new Values();
      v.putAll((Map<String, Object>) a.get(0));
      return v;
    }));
    return m;
  }

  private static void add(Map<String, GoFunc> m, GoFunc f) {
    m.put(f.name(), f);
  }

  private static List<String> castStrings(List<?> l) {
    List<String> out = new ArrayList<>();
    for (Object o : l) {
      out.add((String) o);
    }
    return out;
  }

  /** The oracle's {@code *Obj}: fields Name, Count, Tags, Meta; methods Greet, Upper, String. */
  static final class Obj implements GoStruct {
    private final String name;
    private final int count;
    private final List<Object> tags;
    private final Map<String, Object> meta;

    Obj(String name, int count, List<Object> tags, Map<String, Object> meta) {
      this.name = name;
      this.count = count;
      this.tags = tags;
      this.meta = meta;
    }

    static Obj sample(String name) {
      return new Obj(name, 2, List.of("a", 1.5), Map.of("k", "v"));
    }

    @Override
    public String goTypeName() {
      return "*main.Obj";
    }

    @Override
    public boolean has(String n) {
      return switch (n) {
        case "Name", "Count", "Tags", "Meta", "Greet", "Upper", "String" -> true;
        default -> false;
      };
    }

    @Override
    public Object field(String n) {
      return switch (n) {
        case "Name" -> name;
        case "Count" -> count;
        case "Tags" -> tags;
        case "Meta" -> meta;
        default -> throw new IllegalArgumentException(n);
      };
    }

    @Override
    public GoFunc method(String n) {
      return switch (n) {
        case "Greet" -> GoFunc.of("Greet", List.of(GoType.STRING),
            a -> "hello " + a.get(0) + " from " + name);
        case "Upper" -> GoFunc.of("Upper", List.of(), a -> name.toUpperCase());
        case "String" -> GoFunc.of("String", List.of(), a -> format());
        default -> null;
      };
    }

    @Override
    public String format() {
      return "Obj(" + name + ")";
    }
  }

  /** The oracle's {@code Values}: a named map type with an AsMap method, like chartutil.Values. */
  static final class Values extends java.util.HashMap<String, Object> implements GoNamed {
    @Override
    public String goTypeName() {
      return "main.Values";
    }

    @Override
    public GoFunc method(String name) {
      return name.equals("AsMap")
          ? GoFunc.of("AsMap", List.of(), a -> new java.util.HashMap<>(this))
          : null;
    }
  }
}
