package dev.capstan.chart.gotemplate;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;

/**
 * The parts of Go's {@code strconv} the parser needs: {@code Unquote} of string and character
 * literals and base-prefixed integer parsing with Go's underscore rules. Failures throw
 * {@link SyntaxError} carrying Go's wording ({@code invalid syntax}).
 */
public final class GoStrconv {
  private GoStrconv() {}

  /** A literal Go cannot read; {@code getMessage()} is Go's error text. */
  static final class SyntaxError extends Exception {
    SyntaxError(String message) {
      super(message, null, false, false);
    }
  }

  private static SyntaxError invalid() {
    return new SyntaxError("invalid syntax");
  }

  /** {@code strconv.Unquote} for "..." and `...` literals. */
  static String unquote(String in) throws SyntaxError {
    int n = in.length();
    if (n < 2 || in.charAt(0) != in.charAt(n - 1)) {
      throw invalid();
    }
    char quote = in.charAt(0);
    String body = in.substring(1, n - 1);
    if (quote == '`') {
      if (body.indexOf('`') >= 0) {
        throw invalid();
      }
      return body.indexOf('\r') < 0 ? body : body.replace("\r", "");
    }
    if (quote != '"') {
      throw invalid();
    }
    if (body.indexOf('\n') >= 0) {
      throw invalid();
    }
    if (body.indexOf('\\') < 0 && body.indexOf('"') < 0) {
      return body;
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream(body.length());
    int[] at = {0};
    while (at[0] < body.length()) {
      unquoteChar(body, at, '"', out);
    }
    return out.toString(StandardCharsets.UTF_8);
  }

  /**
   * {@code strconv.UnquoteChar}: decodes one (possibly escaped) character of {@code s} at
   * {@code at[0]} into {@code out} as UTF-8 and advances {@code at[0]}. Returns the rune value, or
   * the byte value of a {@code \x} or octal escape.
   */
  static int unquoteChar(String s, int[] at, char quote, ByteArrayOutputStream out)
      throws SyntaxError {
    int i = at[0];
    int c = s.codePointAt(i);
    if (c == quote && (quote == '\'' || quote == '"')) {
      throw invalid();
    }
    if (c != '\\') {
      at[0] = i + Character.charCount(c);
      writeRune(out, c);
      return c;
    }
    if (i + 1 >= s.length()) {
      throw invalid();
    }
    char e = s.charAt(i + 1);
    i += 2;
    int value;
    switch (e) {
      case 'a' -> value = 7;
      case 'b' -> value = '\b';
      case 'f' -> value = '\f';
      case 'n' -> value = '\n';
      case 'r' -> value = '\r';
      case 't' -> value = '\t';
      case 'v' -> value = 11;
      case 'x', 'u', 'U' -> {
        int len = e == 'x' ? 2 : e == 'u' ? 4 : 8;
        if (i + len > s.length()) {
          throw invalid();
        }
        long v = 0;
        for (int k = 0; k < len; k++) {
          int d = Character.digit(s.charAt(i + k), 16);
          if (d < 0) {
            throw invalid();
          }
          v = v << 4 | d;
        }
        i += len;
        if (e == 'x') {
          at[0] = i;
          out.write((int) v);
          return (int) v;
        }
        if (v > Character.MAX_CODE_POINT || (v >= 0xD800 && v <= 0xDFFF)) {
          throw invalid();
        }
        value = (int) v;
      }
      case '0', '1', '2', '3', '4', '5', '6', '7' -> {
        int v = e - '0';
        if (i + 2 > s.length()) {
          throw invalid();
        }
        for (int k = 0; k < 2; k++) {
          int d = s.charAt(i + k) - '0';
          if (d < 0 || d > 7) {
            throw invalid();
          }
          v = (v << 3) | d;
        }
        i += 2;
        if (v > 255) {
          throw invalid();
        }
        at[0] = i;
        out.write(v);
        return v;
      }
      case '\\' -> value = '\\';
      case '\'', '"' -> {
        if (e != quote) {
          throw invalid();
        }
        value = e;
      }
      default -> throw invalid();
    }
    at[0] = i;
    writeRune(out, value);
    return value;
  }

  private static void writeRune(ByteArrayOutputStream out, int r) {
    byte[] b = new String(Character.toChars(r)).getBytes(StandardCharsets.UTF_8);
    out.write(b, 0, b.length);
  }

  /** Go's {@code underscoreOK}: underscores only between digits or after a base prefix. */
  public static boolean underscoreOk(String s) {
    char saw = '^';
    int i = 0;
    if (!s.isEmpty() && (s.charAt(0) == '-' || s.charAt(0) == '+')) {
      s = s.substring(1);
    }
    boolean hex = false;
    if (s.length() >= 2 && s.charAt(0) == '0' && "bBoOxX".indexOf(s.charAt(1)) >= 0) {
      i = 2;
      saw = '0';
      hex = s.charAt(1) == 'x' || s.charAt(1) == 'X';
    }
    for (; i < s.length(); i++) {
      char c = s.charAt(i);
      char lc = Character.toLowerCase(c);
      if ('0' <= c && c <= '9' || hex && 'a' <= lc && lc <= 'f') {
        saw = '0';
        continue;
      }
      if (c == '_') {
        if (saw != '0') {
          return false;
        }
        saw = '_';
        continue;
      }
      if (saw == '_') {
        return false;
      }
      saw = '!';
    }
    return saw != '_';
  }

  /**
   * {@code strconv.ParseInt(s, 0, 64)} ({@code signed}) or {@code ParseUint(s, 0, 64)}: the value
   * as a BigInteger, or null when Go would fail (syntax or range).
   */
  static BigInteger parseInteger(String s, boolean signed) {
    if (s.isEmpty()) {
      return null;
    }
    String s0 = s;
    boolean neg = false;
    if (s.charAt(0) == '+' || s.charAt(0) == '-') {
      if (!signed) {
        return null;
      }
      neg = s.charAt(0) == '-';
      s = s.substring(1);
    }
    int base = 10;
    if (s.length() > 1 && s.charAt(0) == '0') {
      char p = Character.toLowerCase(s.charAt(1));
      if (p == 'x') {
        base = 16;
        s = s.substring(2);
      } else if (p == 'o') {
        base = 8;
        s = s.substring(2);
      } else if (p == 'b') {
        base = 2;
        s = s.substring(2);
      } else {
        base = 8;
        s = s.substring(1);
      }
    }
    boolean underscores = false;
    StringBuilder digits = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '_') {
        underscores = true;
        continue;
      }
      if (Character.digit(c, base) < 0) {
        return null;
      }
      digits.append(c);
    }
    if (digits.length() == 0 || underscores && !underscoreOk(s0)) {
      return null;
    }
    BigInteger v = new BigInteger(digits.toString(), base);
    if (neg) {
      v = v.negate();
    }
    BigInteger min = signed ? BigInteger.valueOf(Long.MIN_VALUE) : BigInteger.ZERO;
    BigInteger max =
        signed ? BigInteger.valueOf(Long.MAX_VALUE) : BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);
    return v.compareTo(min) < 0 || v.compareTo(max) > 0 ? null : v;
  }

  /** {@code strconv.ParseFloat(s, 64)} for what the lexer lets through; null on failure. */
  static Double parseFloat(String s) {
    if (s.indexOf('_') >= 0) {
      if (!underscoreOk(s)) {
        return null;
      }
      s = s.replace("_", "");
    }
    if (s.isEmpty()) {
      return null;
    }
    String body = s.charAt(0) == '+' || s.charAt(0) == '-' ? s.substring(1) : s;
    boolean hex = body.length() > 1 && body.charAt(0) == '0'
        && (body.charAt(1) == 'x' || body.charAt(1) == 'X');
    for (int i = 0; i < body.length(); i++) {
      char c = body.charAt(i);
      boolean ok = c >= '0' && c <= '9' || c == '.' || c == '+' || c == '-'
          || (hex ? "xXpPabcdefABCDEF".indexOf(c) >= 0 : c == 'e' || c == 'E');
      if (!ok) {
        return null;
      }
    }
    try {
      double d = Double.parseDouble(s);
      // Go reports out-of-range values as an error (value out of range), not as infinity.
      return Double.isInfinite(d) ? null : d;
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
