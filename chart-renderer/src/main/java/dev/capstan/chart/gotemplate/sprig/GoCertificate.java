package dev.capstan.chart.gotemplate.sprig;

import dev.capstan.chart.gotemplate.GoFunc;
import dev.capstan.chart.gotemplate.GoFuncException;
import dev.capstan.chart.gotemplate.GoStruct;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Sprig's {@code certificate} struct: PEM text of a certificate and of its private key. */
record GoCertificate(String cert, String key) implements GoStruct, GoJson.Marshaler {
  static final String TYPE = "sprig.certificate";

  /** What a certificate parameter accepts; Go's executor would refuse anything else. */
  static GoCertificate of(Object v) {
    if (v instanceof GoCertificate c) {
      return c;
    }
    throw new GoFuncException(
        "wrong type for value; expected " + TYPE + "; got " + GoNames.typeName(v));
  }

  @Override
  public String goTypeName() {
    return TYPE;
  }

  @Override
  public boolean has(String name) {
    return name.equals("Cert") || name.equals("Key");
  }

  @Override
  public Object field(String name) {
    return name.equals("Cert") ? cert : key;
  }

  @Override
  public GoFunc method(String name) {
    return null;
  }

  @Override
  public String format() {
    return "{" + cert + " " + key + "}";
  }

  @Override
  public Object jsonValue() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("Cert", cert);
    m.put("Key", key);
    return m;
  }

  @Override
  public String toString() {
    return format();
  }

  static List<String> fields() {
    return List.of("Cert", "Key");
  }
}
