package dev.capstan.chart.gotemplate.helmfuncs;

import java.math.BigInteger;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * goyaml.v2's {@code resolve}: what a plain YAML scalar means (null, bool, int, float, timestamp
 * or string). The encoder asks it whether a string can be written unquoted; the decoder uses it
 * to type plain scalars, both exactly as Helm's YAML library does.
 */
final class YamlResolve {
  enum Kind { NULL, BOOL, INT, FLOAT, TIMESTAMP, STRING }

  /** A resolved plain scalar: its kind and Java value (Long, BigInteger, Double, Boolean...). */
  record Resolved(Kind kind, Object value) {}

  private static final Set<String> TRUE =
      Set.of("y", "Y", "yes", "Yes", "YES", "true", "True", "TRUE", "on", "On", "ON");
  private static final Set<String> FALSE =
      Set.of("n", "N", "no", "No", "NO", "false", "False", "FALSE", "off", "Off", "OFF");
  private static final Set<String> NULL = Set.of("", "~", "null", "Null", "NULL");
  private static final Pattern YAML_FLOAT =
      Pattern.compile("[-+]?(\\.[0-9]+|[0-9]+(\\.[0-9]*)?)([eE][-+]?[0-9]+)?");
  private static final Pattern BASE60 =
      Pattern.compile("[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\\.[0-9_]*)?");
  private static final Pattern TIMESTAMP = Pattern.compile(
      "(\\d{4})-(\\d{1,2})-(\\d{1,2})"
          + "(?:([Tt]|[ ])(\\d{1,2}):(\\d{1,2}):(\\d{1,2})(\\.\\d+)?"
          + "(Z|[+-]\\d{2}:\\d{2})?)?");
  private static final Pattern DECIMAL =
      Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");
  private static final BigInteger MAX_UINT64 = BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);

  private YamlResolve() {}

  /** Whether the encoder may write {@code s} as a plain scalar (it would read back as itself). */
  static boolean canUsePlain(String s) {
    return resolve(s).kind == Kind.STRING && !BASE60.matcher(s).matches();
  }

  static Resolved resolve(String in) {
    char hint = in.isEmpty() ? 'N' : in.charAt(0);
    boolean hinted = hint == 'N' || hint == '+' || hint == '-' || hint == '.' || hint == '~'
        || hint >= '0' && hint <= '9' || "yYnNtTfFoO".indexOf(hint) >= 0;
    if (!hinted) {
      return str(in);
    }
    if (NULL.contains(in)) {
      return new Resolved(Kind.NULL, null);
    } else if (TRUE.contains(in)) {
      return new Resolved(Kind.BOOL, true);
    } else if (FALSE.contains(in)) {
      return new Resolved(Kind.BOOL, false);
    }
    switch (in) {
      case ".nan", ".NaN", ".NAN":
        return new Resolved(Kind.FLOAT, Double.NaN);
      case ".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF":
        return new Resolved(Kind.FLOAT, Double.POSITIVE_INFINITY);
      case "-.inf", "-.Inf", "-.INF":
        return new Resolved(Kind.FLOAT, Double.NEGATIVE_INFINITY);
      default:
        break;
    }
    if (hint == '.') {
      Double f = goParseFloat(in);
      return f != null ? new Resolved(Kind.FLOAT, f) : str(in);
    }
    if (hint != '+' && hint != '-' && !(hint >= '0' && hint <= '9')) {
      return str(in);
    }
    if (isTimestamp(in)) {
      return new Resolved(Kind.TIMESTAMP, in);
    }
    String plain = in.replace("_", "");
    BigInteger i = parseInteger(plain, true);
    if (i != null && i.bitLength() < 64) {
      return new Resolved(Kind.INT, i.longValue());
    }
    BigInteger u = parseInteger(plain, false);
    if (u != null && u.compareTo(MAX_UINT64) <= 0) {
      return new Resolved(Kind.INT, u);
    }
    if (YAML_FLOAT.matcher(plain).matches()) {
      Double f = goParseFloat(plain);
      if (f != null) {
        return new Resolved(Kind.FLOAT, f);
      }
    }
    if (plain.startsWith("0b") || plain.startsWith("-0b")) {
      boolean neg = plain.startsWith("-");
      String digits = plain.substring(neg ? 3 : 2);
      if (digits.matches("[01]+")) {
        BigInteger b = new BigInteger(digits, 2);
        b = neg ? b.negate() : b;
        if (b.bitLength() < 64) {
          return new Resolved(Kind.INT, b.longValue());
        } else if (!neg && b.compareTo(MAX_UINT64) <= 0) {
          return new Resolved(Kind.INT, b);
        }
      }
    }
    return str(in);
  }

  private static Resolved str(String s) {
    return new Resolved(Kind.STRING, s);
  }

  /** strconv.ParseInt/ParseUint with base 0 (0x, 0o, 0b, leading-0 octal). */
  private static BigInteger parseInteger(String s, boolean signed) {
    String body = s;
    boolean neg = false;
    if (signed && (body.startsWith("+") || body.startsWith("-"))) {
      neg = body.startsWith("-");
      body = body.substring(1);
    }
    int radix = 10;
    if (body.length() > 1 && body.charAt(0) == '0') {
      char p = Character.toLowerCase(body.charAt(1));
      radix = p == 'x' ? 16 : p == 'b' ? 2 : p == 'o' ? 8 : 8;
      body = body.substring(p == 'x' || p == 'b' || p == 'o' ? 2 : 1);
    }
    final int base = radix;
    if (body.isEmpty() || !body.chars().allMatch(c -> Character.digit(c, base) >= 0)) {
      return null;
    }
    BigInteger v = new BigInteger(body, radix);
    return neg ? v.negate() : v;
  }

  /** strconv.ParseFloat for the decimal forms YAML floats take; null on error or overflow. */
  private static Double goParseFloat(String s) {
    if (!DECIMAL.matcher(s).matches()) {
      return null;
    }
    double d = Double.parseDouble(s);
    return Double.isInfinite(d) ? null : d;
  }

  /** goyaml.v2's parseTimestamp: YYYY-M-D, optionally with a time, valid as a calendar date. */
  private static boolean isTimestamp(String s) {
    var m = TIMESTAMP.matcher(s);
    if (!m.matches()) {
      return false;
    }
    int month = Integer.parseInt(m.group(2));
    int day = Integer.parseInt(m.group(3));
    if (month < 1 || month > 12 || day < 1) {
      return false;
    }
    int year = Integer.parseInt(m.group(1));
    if (day > java.time.YearMonth.of(year, month).lengthOfMonth()) {
      return false;
    }
    if (m.group(4) != null) {
      if (" ".equals(m.group(4)) && m.group(9) != null) {
        return false;
      }
      if (!" ".equals(m.group(4)) && m.group(9) == null) {
        return false;
      }
      return Integer.parseInt(m.group(5)) < 24
          && Integer.parseInt(m.group(6)) < 60
          && Integer.parseInt(m.group(7)) < 60;
    }
    return true;
  }
}
