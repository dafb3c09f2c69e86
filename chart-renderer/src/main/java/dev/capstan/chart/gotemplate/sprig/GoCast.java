package dev.capstan.chart.gotemplate.sprig;

import dev.capstan.chart.gotemplate.GoStrconv;
import java.util.regex.Pattern;

/**
 * spf13/cast v1.7 as Sprig uses it ({@code toInt64}, {@code toInt}, {@code toFloat64}): numbers
 * convert as Go's conversions do, strings parse as Go's {@code strconv} with base prefixes, bools
 * are 0 or 1, and anything else (or a string that does not parse) is 0, since Sprig drops the
 * error.
 */
final class GoCast {
  private static final Pattern DECIMAL_FLOAT =
      Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");
  private static final Pattern HEX_FLOAT =
      Pattern.compile("[+-]?0[xX]([0-9a-fA-F]+\\.?[0-9a-fA-F]*|\\.[0-9a-fA-F]+)[pP][+-]?\\d+");

  private GoCast() {}

  static long toInt64(Object v) {
    if (v instanceof Integer i) {
      return i;
    } else if (v instanceof Long l) {
      return l;
    } else if (v instanceof Double d) {
      return goFloatToInt64(d);
    } else if (v instanceof Boolean b) {
      return b ? 1 : 0;
    } else if (v instanceof String s) {
      Long parsed = parseInt(trimZeroDecimal(s));
      return parsed == null ? 0 : parsed;
    }
    return 0;
  }

  /** Go's {@code int} for indices and counts inside functions (values past 2^31 wrap). */
  static int toInt(Object v) {
    return (int) toInt64(v);
  }

  /**
   * A Go {@code int} result. Go's int is 64 bits and the value model's (Integer) is 32: a value
   * that does not fit is returned as int64 (Long), which prints and compares the same, rather
   * than wrapped.
   */
  static Object goInt(long v) {
    return v == (int) v ? (Object) (int) v : (Object) v;
  }

  static double toFloat64(Object v) {
    if (v instanceof Integer i) {
      return i;
    } else if (v instanceof Long l) {
      return l;
    } else if (v instanceof Double d) {
      return d;
    } else if (v instanceof Boolean b) {
      return b ? 1 : 0;
    } else if (v instanceof String s) {
      Double parsed = parseFloat(s);
      return parsed == null ? 0 : parsed;
    }
    return 0;
  }

  /**
   * {@code int64(f)} on amd64: truncation toward zero, and the "integer indefinite" value
   * (math.MinInt64) when f is NaN or out of range, where Java would saturate instead.
   */
  static long goFloatToInt64(double d) {
    if (Double.isNaN(d) || d >= 0x1p63 || d < -0x1p63) {
      return Long.MIN_VALUE;
    }
    return (long) d;
  }

  /** cast's trimZeroDecimal: "12.00" parses as an integer, "12.50" does not. */
  static String trimZeroDecimal(String s) {
    boolean foundZero = false;
    for (int i = s.length(); i > 0; i--) {
      char c = s.charAt(i - 1);
      if (c == '.') {
        if (foundZero) {
          return s.substring(0, i - 1);
        }
      } else if (c == '0') {
        foundZero = true;
      } else {
        return s;
      }
    }
    return s;
  }

  /** Go's {@code strconv.ParseInt(s, 0, 64)}; {@code null} where Go returns an error. */
  static Long parseInt(String s) {
    if (s.isEmpty()) {
      return null;
    }
    boolean negative = false;
    String body = s;
    if (body.charAt(0) == '+' || body.charAt(0) == '-') {
      negative = body.charAt(0) == '-';
      body = body.substring(1);
    }
    int base = 10;
    if (body.length() >= 2 && body.charAt(0) == '0') {
      char p = Character.toLowerCase(body.charAt(1));
      if (p == 'x' || p == 'b' || p == 'o') {
        base = p == 'x' ? 16 : p == 'b' ? 2 : 8;
        body = body.substring(2);
      } else {
        base = 8;
        body = body.substring(1);
      }
    }
    if (s.indexOf('_') >= 0 && !GoStrconv.underscoreOk(s)) {
      return null;
    }
    String digits = body.replace("_", "");
    if (digits.isEmpty()) {
      return null;
    }
    try {
      java.math.BigInteger value = new java.math.BigInteger(digits, base);
      if (negative) {
        value = value.negate();
      }
      return value.bitLength() > 63 ? null : value.longValue();
    } catch (NumberFormatException e) {
      return null;
    }
  }


  /** Go's {@code strconv.ParseFloat(s, 64)} for the forms templates meet; {@code null} on error. */
  static Double parseFloat(String s) {
    String lower = s.toLowerCase(java.util.Locale.ROOT);
    String unsigned = lower.startsWith("+") || lower.startsWith("-") ? lower.substring(1) : lower;
    if (unsigned.equals("inf") || unsigned.equals("infinity")) {
      return lower.startsWith("-") ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
    } else if (unsigned.equals("nan")) {
      return Double.NaN;
    }
    if (s.indexOf('_') >= 0) {
      if (!GoStrconv.underscoreOk(s)) {
        return null;
      }
      s = s.replace("_", "");
    }
    if (!DECIMAL_FLOAT.matcher(s).matches() && !HEX_FLOAT.matcher(s).matches()) {
      return null;
    }
    double d = Double.parseDouble(s);
    return Double.isInfinite(d) ? null : d;
  }
}
