package dev.capstan.chart.gotemplate.sprig;

import static dev.capstan.chart.gotemplate.GoType.ANY;
import static dev.capstan.chart.gotemplate.GoType.STRING;

import dev.capstan.chart.gotemplate.GoFuncException;
import java.util.List;
import java.util.function.Function;

/** Sprig's JSON functions (defaults.go): the plain ones drop errors, the must ones return them. */
final class JsonFuncs {
  private JsonFuncs() {}

  static void register(FuncTable t) {
    t.fn("fromJson", List.of(STRING), a -> {
      try {
        return GoJson.unmarshal((String) a.get(0));
      } catch (GoJson.UnmarshalException e) {
        return null;
      }
    });
    t.fn("mustFromJson", List.of(STRING), a -> {
      try {
        return GoJson.unmarshal((String) a.get(0));
      } catch (GoJson.UnmarshalException e) {
        throw new GoFuncException(e.getMessage());
      }
    });
    marshal(t, "toJson", v -> GoJson.marshal(v, true), false);
    marshal(t, "toPrettyJson", v -> GoJson.marshalIndent(v, "  "), false);
    marshal(t, "toRawJson", v -> GoJson.marshal(v, false), true);
  }

  /** toX returns "" on error (toRawJson panics instead); mustToX returns the error. */
  private static void marshal(
      FuncTable t, String name, Function<Object, String> f, boolean plainPanics) {
    t.fn(name, List.of(ANY), a -> {
      try {
        return f.apply(a.get(0));
      } catch (GoJson.MarshalException e) {
        if (plainPanics) {
          throw new GoFuncException(e.getMessage());
        }
        return "";
      }
    });
    t.fn("must" + Character.toUpperCase(name.charAt(0)) + name.substring(1), List.of(ANY), a -> {
      try {
        return f.apply(a.get(0));
      } catch (GoJson.MarshalException e) {
        throw new GoFuncException(e.getMessage());
      }
    });
  }
}
