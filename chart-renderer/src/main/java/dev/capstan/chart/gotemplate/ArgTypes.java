package dev.capstan.chart.gotemplate;

import java.util.Collections;
import java.util.List;
import java.util.Map;

/** Go's assignability of a value to a parameter's {@link GoType}, and the zero values of nil. */
final class ArgTypes {
  private ArgTypes() {}

  static boolean canBeNil(GoType t) {
    return switch (t) {
      case ANY, LIST, STRINGS, MAP, BYTES -> true;
      default -> false;
    };
  }

  /** What a nil becomes as an argument of type {@code t} (empty collections, for Java callers). */
  static Object zero(GoType t) {
    return switch (t) {
      case LIST, STRINGS -> Collections.emptyList();
      case MAP -> Collections.emptyMap();
      case BYTES -> new byte[0];
      default -> null;
    };
  }

  /**
   * Go's {@code validateType}: why the value cannot be passed as a {@code typ}, or null when it can
   * (a nil then passes as {@link #zero}). {@code fromInterface} says a nil came from an interface{}
   * slot (Go: a nil interface, not assignable to a concrete type) rather than being no value.
   */
  static String mismatch(Object value, boolean fromInterface, GoType typ) {
    if (value == null) {
      if (!fromInterface) {
        return canBeNil(typ) ? null : "invalid value; expected " + typ.goName();
      }
      return typ == GoType.ANY ? null
          : "wrong type for value; expected " + typ.goName() + "; got interface {}";
    }
    boolean ok = switch (typ) {
      case ANY -> true;
      case STRING -> value instanceof String;
      case BOOL -> value instanceof Boolean;
      case INT -> value instanceof Integer;
      case INT64 -> value instanceof Long;
      case FLOAT64 -> value instanceof Double;
      case LIST -> value instanceof List;
      case STRINGS -> value instanceof List<?> l && allStrings(l);
      case MAP -> value instanceof Map;
      case BYTES -> value instanceof byte[];
    };
    return ok ? null : "wrong type for value; expected " + typ.goName() + "; got "
        + GoValues.typeName(value);
  }

  private static boolean allStrings(List<?> l) {
    for (Object o : l) {
      if (!(o instanceof String)) {
        return false;
      }
    }
    return true;
  }
}
