package dev.capstan.chart.gochart;

import dev.capstan.chart.gotemplate.GoFmt;
import dev.capstan.chart.gotemplate.GoFunc;
import dev.capstan.chart.gotemplate.GoStruct;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A Go struct value made of named fields (in declaration order, which is how {@code fmt} prints
 * it: {@code {v1.32.0 1 32}}) and optional methods. Immutable; the fields are this package's value
 * model, so a template reaches data and the listed methods, nothing else.
 */
final class StructValue implements GoStruct {
  private final String typeName;
  private final Map<String, Object> fields;
  private final Map<String, GoFunc> methods;
  private final Function<StructValue, String> formatter;

  private StructValue(String typeName, Map<String, Object> fields, Map<String, GoFunc> methods,
      Function<StructValue, String> formatter) {
    this.typeName = typeName;
    this.fields = fields;
    this.methods = methods;
    this.formatter = formatter;
  }

  /** A struct printed as Go prints one: its fields in order, in braces. */
  static StructValue of(String typeName, Map<String, Object> fields) {
    return new StructValue(typeName, fields, Map.of(), StructValue::braces);
  }

  /** A struct with methods; {@code formatter} is its String() method when it has one. */
  static StructValue of(String typeName, Map<String, Object> fields, List<GoFunc> methods, Function<StructValue, String> formatter) {
    Map<String, GoFunc> byName = new LinkedHashMap<>();
    methods.forEach(m -> byName.put(m.name(), m));
    return new StructValue(typeName, fields, byName, formatter == null ? StructValue::braces : formatter);
  }

  Object get(String field) {
    return fields.get(field);
  }

  @Override
  public String goTypeName() {
    return typeName;
  }

  @Override
  public boolean has(String name) {
    return fields.containsKey(name) || methods.containsKey(name);
  }

  @Override
  public Object field(String name) {
    return fields.get(name);
  }

  @Override
  public GoFunc method(String name) {
    return methods.get(name);
  }

  @Override
  public String format() {
    return formatter.apply(this);
  }

  /** Go's %v of a struct: {@code {a b c}}; a pointer to one prints with a leading {@code &}. */
  static String braces(StructValue s) {
    StringBuilder out = new StringBuilder(s.typeName.startsWith("*") ? "&{" : "{");
    boolean first = true;
    for (Object v : s.fields.values()) {
      out.append(first ? "" : " ").append(GoFmt.sprint(v));
      first = false;
    }
    return out.append('}').toString();
  }
}
