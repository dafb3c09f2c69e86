package dev.capstan.chart.values;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Resolves a plain (unquoted, untagged) YAML scalar the way Helm's YAML library does (go-yaml v2,
 * YAML 1.1 flavoured): {@code yes}/{@code on}/{@code y} are booleans, {@code 0777} and {@code 0o17}
 * octal, {@code 0x1F} hex, {@code 0b101} binary, underscores are ignored in numbers, {@code ~} and
 * the empty string are null, timestamps stay strings. Jackson's own resolution differs on several
 * of these, and a value must mean the same thing in Capstan as in Helm.
 */
final class GoYamlScalars {
  private static final Set<String> TRUE =
      Set.of("y", "Y", "yes", "Yes", "YES", "on", "On", "ON", "true", "True", "TRUE");
  private static final Set<String> FALSE =
      Set.of("n", "N", "no", "No", "NO", "off", "Off", "OFF", "false", "False", "FALSE");
  private static final Set<String> NULL = Set.of("", "~", "null", "Null", "NULL");
  private static final Pattern YAML_FLOAT =
      Pattern.compile("[-+]?(\\.[0-9]+|[0-9]+(\\.[0-9]*)?)([eE][-+]?[0-9]+)?");
  private static final Pattern DOT_FLOAT = Pattern.compile("\\.[0-9]+([eE][-+]?[0-9]+)?");
  private static final BigInteger UINT64_MAX = BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);

  private GoYamlScalars() {}

  /** What a plain scalar resolves to, as go-yaml's tags name it. */
  enum Kind { NULL, BOOL, INT, FLOAT, STR }

  /** A resolved scalar; {@code integer} is the exact value of an {@link Kind#INT}. */
  record Scalar(Kind kind, Object value, BigInteger integer) {
    static Scalar of(Kind kind, Object value) {
      return new Scalar(kind, value, null);
    }
  }

  /** The value of a plain scalar: null, Boolean, Long, Double or String. */
  static Object resolve(String in) {
    return scalar(in).value();
  }

  static Scalar scalar(String in) {
    if (NULL.contains(in)) {
      return Scalar.of(Kind.NULL, null);
    }
    if (TRUE.contains(in) || FALSE.contains(in)) {
      return Scalar.of(Kind.BOOL, TRUE.contains(in));
    }
    Double special = special(in);
    if (special != null) {
      return Scalar.of(Kind.FLOAT, special);
    }
    char first = in.charAt(0);
    if (first == '.') {
      return DOT_FLOAT.matcher(in).matches() ? parseFloat(in, in) : Scalar.of(Kind.STR, in);
    }
    if ((first < '0' || first > '9') && first != '+' && first != '-') {
      return Scalar.of(Kind.STR, in);
    }
    String plain = in.replace("_", "");
    BigInteger integer = goInteger(plain);
    if (integer != null) {
      return new Scalar(Kind.INT, ValueMaps.number(integer.doubleValue()), integer);
    }
    if (YAML_FLOAT.matcher(plain).matches()) {
      return parseFloat(plain, in);
    }
    return Scalar.of(Kind.STR, in);
  }

  private static Double special(String in) {
    return switch (in) {
      case ".nan", ".NaN", ".NAN" -> Double.NaN;
      case ".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF" -> Double.POSITIVE_INFINITY;
      case "-.inf", "-.Inf", "-.INF" -> Double.NEGATIVE_INFINITY;
      default -> null;
    };
  }

  /** {@code text} is already known to be a well-formed decimal float. */
  private static Scalar parseFloat(String text, String original) {
    double d = Double.parseDouble(text);
    if (Double.isInfinite(d)) {
      // Go's ParseFloat reports a range error and go-yaml keeps the text.
      return Scalar.of(Kind.STR, original);
    }
    return Scalar.of(Kind.FLOAT, ValueMaps.number(d));
  }

  /**
   * Go's {@code strconv.ParseInt(s, 0, 64)} then {@code ParseUint}: a sign, then a {@code 0x},
   * {@code 0o}, {@code 0b} or leading-{@code 0} (octal) prefix, or decimal digits.
   */
  private static BigInteger goInteger(String s) {
    int i = 0;
    boolean negative = false;
    if (s.startsWith("+") || s.startsWith("-")) {
      negative = s.charAt(0) == '-';
      i = 1;
    }
    String body = s.substring(i);
    int radix = 10;
    if (body.length() > 1 && body.charAt(0) == '0') {
      char p = Character.toLowerCase(body.charAt(1));
      if (p == 'x' || p == 'o' || p == 'b') {
        radix = p == 'x' ? 16 : p == 'o' ? 8 : 2;
        body = body.substring(2);
      } else {
        radix = 8;
        body = body.substring(1);
      }
    }
    if (body.isEmpty() || !digitsIn(body, radix)) {
      return null;
    }
    BigInteger value = new BigInteger(body, radix);
    if (negative) {
      value = value.negate();
      return value.bitLength() < 64 ? value : null;
    }
    return value.compareTo(UINT64_MAX) <= 0 ? value : null;
  }

  private static boolean digitsIn(String s, int radix) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c >= 128 || Character.digit(c, radix) < 0) {
        return false;
      }
    }
    return true;
  }

  /**
   * A resolved key as Helm's YAML-to-JSON step spells it: integers in full, floats as Go prints a
   * float32, booleans as words. Null keys and integers past int64 have no spelling there.
   */
  static String keyText(Scalar key, String original) {
    return switch (key.kind()) {
      case NULL -> throw new IllegalArgumentException("unsupported map key: null");
      case INT -> {
        if (key.integer().bitLength() >= 64) {
          throw new IllegalArgumentException("unsupported map key: " + original);
        }
        yield key.integer().toString();
      }
      case FLOAT -> new BigDecimal(Float.toString(((Number) key.value()).floatValue()))
          .stripTrailingZeros().toPlainString();
      case BOOL -> key.value().toString();
      case STR -> original;
    };
  }
}
