package dev.capstan.chart.gotemplate.helmfuncs;

import static dev.capstan.chart.gotemplate.GoType.ANY;
import static dev.capstan.chart.gotemplate.GoType.STRING;

import dev.capstan.chart.gotemplate.GoFunc;
import dev.capstan.chart.gotemplate.GoFuncException;
import dev.capstan.chart.gotemplate.sprig.GoJson;
import dev.capstan.chart.gotemplate.sprig.SprigFunctions;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Helm 3.17's own template functions that need no chart (pkg/engine funcs.go and engine.go, as
 * {@code helm template} runs them: not in lint mode, DNS lookups off). {@code include}, {@code tpl}
 * and {@code lookup} need the template set or a cluster and are bound by the chart renderer.
 */
public final class HelmFunctions {
  /**
   * The text Helm wraps around {@code required} and {@code fail} messages so that its engine can
   * find them in an error and report {@code execution error at (file:line:col): MESSAGE}.
   */
  public static final String ERR_START = "HELM_ERR_START";

  public static final String ERR_END = "HELM_ERR_END";

  private static final Map<String, GoFunc> PURE = build();
  private static final Map<String, GoFunc> ALL = merged();

  private HelmFunctions() {}

  /** Helm's functions alone: toYaml, fromYaml, toJson, required, fail, getHostByName... */
  public static Map<String, GoFunc> pure() {
    return PURE;
  }

  /**
   * The whole map Helm's engine starts from: Sprig without env/expandenv, overridden by
   * {@link #pure()}; include, tpl and lookup are the chart renderer's to add.
   */
  public static Map<String, GoFunc> all() {
    return ALL;
  }

  private static Map<String, GoFunc> merged() {
    Map<String, GoFunc> m = new TreeMap<>(SprigFunctions.all());
    m.putAll(PURE);
    return Collections.unmodifiableMap(m);
  }

  private static Map<String, GoFunc> build() {
    Map<String, GoFunc> m = new TreeMap<>();
    put(m, GoFunc.of("toYaml", List.of(ANY), a -> toYaml(a.get(0))));
    put(m, GoFunc.of("toYamlPretty", List.of(ANY), a -> toYamlPretty(a.get(0))));
    put(m, GoFunc.of("fromYaml", List.of(STRING), a -> fromYaml((String) a.get(0))));
    put(m, GoFunc.of("fromYamlArray", List.of(STRING), a -> fromYamlArray((String) a.get(0))));
    put(m, GoFunc.of("toJson", List.of(ANY), a -> toJson(a.get(0))));
    put(m, GoFunc.of("fromJson", List.of(STRING), a -> fromJson((String) a.get(0))));
    put(m, GoFunc.of("fromJsonArray", List.of(STRING), a -> fromJsonArray((String) a.get(0))));
    put(m, GoFunc.of("toToml", List.of(ANY), a -> Toml.encode(a.get(0))));
    put(m, GoFunc.of("fromToml", List.of(STRING), a -> Toml.decode((String) a.get(0))));
    put(m, GoFunc.of("required", List.of(STRING, ANY), a -> required((String) a.get(0), a.get(1))));
    put(m, GoFunc.of("fail", List.of(STRING), a -> {
      throw new GoFuncException(ERR_START + a.get(0) + ERR_END);
    }));
    // helm template runs without DNS: the lookup answers "" and never touches the network.
    put(m, GoFunc.of("getHostByName", List.of(STRING), a -> ""));
    return Collections.unmodifiableMap(m);
  }

  private static void put(Map<String, GoFunc> m, GoFunc f) {
    m.put(f.name(), f);
  }

  static String toYaml(Object v) {
    try {
      return trimNewline(YamlWriter.marshal(v));
    } catch (GoJson.MarshalException e) {
      return "";
    }
  }

  static String toYamlPretty(Object v) {
    try {
      return trimNewline(YamlWriter.marshalV3(v));
    } catch (GoJson.MarshalException e) {
      return "";
    }
  }

  private static String trimNewline(String s) {
    return s.endsWith("\n") ? s.substring(0, s.length() - 1) : s;
  }

  static Map<String, Object> fromYaml(String s) {
    Map<String, Object> m = new LinkedHashMap<>();
    try {
      Object v = YamlReader.unmarshal(s);
      if (v instanceof Map<?, ?> parsed) {
        parsed.forEach((k, x) -> m.put((String) k, x));
      } else if (v != null) {
        m.put("Error", YamlReader.mismatch(v, "map[string]interface {}"));
      }
    } catch (YamlReader.YamlException e) {
      m.put("Error", e.getMessage());
    }
    return m;
  }

  static List<Object> fromYamlArray(String s) {
    List<Object> a = new ArrayList<>();
    try {
      Object v = YamlReader.unmarshal(s);
      if (v instanceof List<?> parsed) {
        a.addAll(parsed);
      } else if (v != null) {
        return errorList(YamlReader.mismatch(v, "[]interface {}"));
      }
    } catch (YamlReader.YamlException e) {
      return errorList(e.getMessage());
    }
    return a;
  }

  static String toJson(Object v) {
    try {
      return GoJson.marshal(v, true);
    } catch (GoJson.MarshalException e) {
      return "";
    }
  }

  static Map<String, Object> fromJson(String s) {
    Map<String, Object> m = new LinkedHashMap<>();
    try {
      Object v = GoJson.unmarshal(s);
      if (v instanceof Map<?, ?> parsed) {
        parsed.forEach((k, x) -> m.put((String) k, x));
      } else if (v != null) {
        m.put("Error", GoJson.typeMismatch(v, "map[string]interface {}"));
      }
    } catch (GoJson.UnmarshalException e) {
      m.put("Error", e.getMessage());
    }
    return m;
  }

  static List<Object> fromJsonArray(String s) {
    List<Object> a = new ArrayList<>();
    try {
      Object v = GoJson.unmarshal(s);
      if (v instanceof List<?> parsed) {
        a.addAll(parsed);
      } else if (v != null) {
        return errorList(GoJson.typeMismatch(v, "[]interface {}"));
      }
    } catch (GoJson.UnmarshalException e) {
      return errorList(e.getMessage());
    }
    return a;
  }

  private static List<Object> errorList(String message) {
    List<Object> a = new ArrayList<>();
    a.add(message);
    return a;
  }

  /** nil or "" fails with the message, wrapped for the engine's error report; else passes. */
  private static Object required(String warn, Object val) {
    if (val == null || "".equals(val)) {
      throw new GoFuncException(ERR_START + warn + ERR_END);
    }
    return val;
  }
}
