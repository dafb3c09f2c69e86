package dev.capstan.chart.gotemplate;

import java.util.List;

/**
 * Text/template's comparison functions on basic kinds: bool, int (int and int64 together), float
 * and string; mixing kinds is Go's {@code incompatible types for comparison} error (worded as Go
 * 1.23, which Helm 3.17 is built with: later Go versions add the two types).
 */
final class Compare {
  private Compare() {}

  private enum K {
    INVALID,
    BOOL,
    INT,
    FLOAT,
    STRING,
    COMPLEX
  }

  private static K kind(Object v) {
    if (v instanceof Boolean) {
      return K.BOOL;
    }
    if (v instanceof Integer || v instanceof Long) {
      return K.INT;
    }
    if (v instanceof Double) {
      return K.FLOAT;
    }
    if (v instanceof String) {
      return K.STRING;
    }
    if (v instanceof GoComplex) {
      return K.COMPLEX;
    }
    return K.INVALID;
  }

  static boolean eq(Object a1, List<Object> rest) {
    if (rest.isEmpty()) {
      throw new GoFuncException("missing argument for comparison");
    }
    K k1 = kind(a1);
    for (Object a : rest) {
      K k2 = kind(a);
      boolean truth;
      if (k1 != k2) {
        if (a1 != null && a != null) {
          throw new GoFuncException("incompatible types for comparison");
        }
        truth = false;
      } else {
        truth = switch (k1) {
          case BOOL, STRING -> a1.equals(a);
          case COMPLEX -> ((GoComplex) a1).re() == ((GoComplex) a).re()
              && ((GoComplex) a1).im() == ((GoComplex) a).im();
          case FLOAT -> (double) (Double) a1 == (Double) a;
          case INT -> ((Number) a1).longValue() == ((Number) a).longValue();
          case INVALID -> eqOther(a1, a);
        };
      }
      if (truth) {
        return true;
      }
    }
    return false;
  }

  /** Neither is a basic kind: nil only equals nil; maps and slices cannot be compared. */
  private static boolean eqOther(Object a1, Object a) {
    if (a1 != null && a != null && !GoValues.kindName(a1).equals(GoValues.kindName(a))) {
      throw new GoFuncException(GoFmt.sprintf("non-comparable types %s: %v, %s: %v",
          List.of(a1, GoValues.typeName(a1), GoValues.typeName(a), a)));
    }
    if (a1 == null || a == null) {
      return a1 == null && a == null;
    }
    if (a instanceof GoStruct) {
      return a1 == a;
    }
    throw new GoFuncException(GoFmt.sprintf("non-comparable type %s: %v",
        java.util.Arrays.asList(a, GoValues.typeName(a))));
  }

  static boolean lt(Object a1, Object a2) {
    K k1 = kind(a1);
    if (k1 == K.INVALID) {
      throw new GoFuncException("invalid type for comparison");
    }
    K k2 = kind(a2);
    if (k2 == K.INVALID) {
      throw new GoFuncException("invalid type for comparison");
    }
    if (k1 != k2) {
      throw new GoFuncException("incompatible types for comparison");
    }
    return switch (k1) {
      case BOOL, COMPLEX, INVALID -> throw new GoFuncException("invalid type for comparison");
      case FLOAT -> (Double) a1 < (Double) a2;
      case INT -> ((Number) a1).longValue() < ((Number) a2).longValue();
      case STRING -> GoValues.compareStrings((String) a1, (String) a2) < 0;
    };
  }

  static boolean le(Object a1, Object a2) {
    return lt(a1, a2) || eq(a1, java.util.Collections.singletonList(a2));
  }
}
