package dev.capstan.chart.gotemplate;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * One {@code fmt} print: the verb, flags, width and precision state of Go's printer and the
 * formatting of each kind of value. {@link GoFmt} runs the format loop; this class prints one
 * operand. Padding applies to each leaf value, so {@code %5v} of a list pads every element, as in
 * Go.
 */
final class GoPrinter {
  private static final String LDIGITS = "0123456789abcdefx";
  private static final String UDIGITS = "0123456789ABCDEFX";

  final StringBuilder buf;
  boolean widPresent;
  boolean precPresent;
  boolean minus;
  boolean plus;
  boolean sharp;
  boolean space;
  boolean zero;
  boolean plusV;
  boolean sharpV;
  int wid;
  int prec;
  /** The operand being printed, for {@code %!verb(type=value)}; a byte element is a uint8. */
  private Object arg;

  private boolean argIsByte;
  private boolean erroring;

  GoPrinter(StringBuilder buf) {
    this.buf = buf;
  }

  void clearFlags() {
    widPresent = precPresent = minus = plus = sharp = space = zero = plusV = sharpV = false;
    wid = prec = 0;
  }

  /** Prints one operand at the top level ({@code printArg}). */
  void printArg(Object a, char verb) {
    arg = a;
    argIsByte = false;
    if (a == null) {
      if (verb == 'T' || verb == 'v') {
        padString("<nil>");
      } else {
        badVerb(verb);
      }
      return;
    }
    if (verb == 'T') {
      fmtS(GoValues.typeName(a));
      return;
    }
    printValue(a, verb, 0);
  }

  private void printValue(Object v, char verb, int depth) {
    arg = v;
    argIsByte = false;
    if (v == null) {
      // A nil element of a list or map: Go prints the empty interface whatever the verb.
      buf.append(sharpV ? "interface {}(nil)" : "<nil>");
    } else if (v instanceof String s) {
      fmtString(s, verb);
    } else if (v instanceof Boolean b) {
      fmtBool(b, verb);
    } else if (v instanceof Integer i) {
      fmtInteger(i, true, verb);
    } else if (v instanceof Long l) {
      fmtInteger(l, true, verb);
    } else if (v instanceof Double d) {
      fmtFloat(d, verb);
    } else if (v instanceof Map<?, ?> m) {
      printMap(m, verb, depth);
    } else if (v instanceof List<?> l) {
      printList(l, verb, depth);
    } else if (v instanceof byte[] b) {
      // Go names the type []byte at the top level and []uint8 inside a list or map.
      fmtBytes(b, verb, depth > 0 ? "[]uint8" : "[]byte");
    } else if (v instanceof GoStruct s) {
      printStruct(s, verb);
    } else if (v instanceof GoComplex c) {
      fmtComplex(c, verb);
    } else if (v instanceof GoFunc) {
      // Go prints a func's address, which means nothing outside one process.
      padString("0x0");
    } else {
      throw new IllegalArgumentException("not a Go template value: " + v.getClass().getName());
    }
  }

  private void printMap(Map<?, ?> m, char verb, int depth) {
    if (sharpV) {
      buf.append(GoValues.typeName(m)).append('{');
    } else {
      buf.append("map[");
    }
    boolean first = true;
    for (String k : GoValues.sortedKeys(m)) {
      if (!first) {
        buf.append(sharpV ? ", " : " ");
      }
      first = false;
      printValue(k, verb, depth + 1);
      buf.append(':');
      printValue(m.get(k), verb, depth + 1);
    }
    buf.append(sharpV ? '}' : ']');
  }

  private void printList(List<?> l, char verb, int depth) {
    if (sharpV) {
      buf.append(GoValues.typeName(l)).append('{');
    } else {
      buf.append('[');
    }
    int n = l.size();
    for (int i = 0; i < n; i++) {
      if (i > 0) {
        buf.append(sharpV ? ", " : " ");
      }
      printValue(l.get(i), verb, depth + 1);
    }
    buf.append(sharpV ? '}' : ']');
  }

  private void printStruct(GoStruct s, char verb) {
    switch (verb) {
      case 'v', 's', 'x', 'X', 'q' -> {
        if (sharpV) {
          fmtS(s.format());
        } else {
          fmtString(s.format(), verb);
        }
      }
      default -> badVerb(verb);
    }
  }

  private void badVerb(char verb) {
    erroring = true;
    buf.append("%!").append(verb).append('(');
    if (arg == null) {
      buf.append("<nil>");
    } else if (argIsByte) {
      buf.append("uint8=");
      fmtInteger(((Number) arg).longValue(), false, 'v');
    } else {
      Object a = arg;
      buf.append(GoValues.typeName(a)).append('=');
      printArg(a, 'v');
    }
    buf.append(')');
    erroring = false;
  }

  private void fmtBool(boolean v, char verb) {
    if (verb == 't' || verb == 'v') {
      padString(v ? "true" : "false");
    } else {
      badVerb(verb);
    }
  }

  void fmtInteger(long v, boolean signed, char verb) {
    switch (verb) {
      case 'v' -> {
        if (sharpV && !signed) {
          fmt0x64(v, true);
        } else {
          fmtInteger(v, 10, signed, verb, LDIGITS);
        }
      }
      case 'd' -> fmtInteger(v, 10, signed, verb, LDIGITS);
      case 'b' -> fmtInteger(v, 2, signed, verb, LDIGITS);
      case 'o', 'O' -> fmtInteger(v, 8, signed, verb, LDIGITS);
      case 'x' -> fmtInteger(v, 16, signed, verb, LDIGITS);
      case 'X' -> fmtInteger(v, 16, signed, verb, UDIGITS);
      case 'c' -> fmtC(v);
      case 'q' -> fmtQc(v);
      case 'U' -> fmtUnicode(v);
      default -> badVerb(verb);
    }
  }

  private void fmt0x64(long v, boolean leading0x) {
    boolean saved = sharp;
    sharp = leading0x;
    fmtInteger(v, 16, false, 'v', LDIGITS);
    sharp = saved;
  }

  private void fmtFloat(double v, char verb) {
    switch (verb) {
      case 'v' -> fmtFloat(v, 'g', -1);
      case 'b', 'g', 'G', 'x', 'X' -> fmtFloat(v, verb, -1);
      case 'f', 'e', 'E' -> fmtFloat(v, verb, 6);
      case 'F' -> fmtFloat(v, 'f', 6);
      default -> badVerb(verb);
    }
  }

  private void fmtComplex(GoComplex c, char verb) {
    switch (verb) {
      case 'v', 'b', 'g', 'G', 'x', 'X', 'f', 'F', 'e', 'E' -> {
        boolean oldPlus = plus;
        buf.append('(');
        fmtFloat(c.re(), verb);
        plus = true;
        fmtFloat(c.im(), verb);
        buf.append("i)");
        plus = oldPlus;
      }
      default -> badVerb(verb);
    }
  }

  private void fmtString(String v, char verb) {
    switch (verb) {
      case 'v' -> {
        if (sharpV) {
          fmtQ(v);
        } else {
          fmtS(v);
        }
      }
      case 's' -> fmtS(v);
      case 'x' -> fmtSbx(v.getBytes(StandardCharsets.UTF_8), LDIGITS);
      case 'X' -> fmtSbx(v.getBytes(StandardCharsets.UTF_8), UDIGITS);
      case 'q' -> fmtQ(v);
      default -> badVerb(verb);
    }
  }

  private void fmtBytes(byte[] v, char verb, String typeString) {
    switch (verb) {
      case 'v', 'd' -> {
        if (sharpV) {
          buf.append(typeString).append('{');
          for (int i = 0; i < v.length; i++) {
            if (i > 0) {
              buf.append(", ");
            }
            fmt0x64(v[i] & 0xff, true);
          }
          buf.append('}');
        } else {
          buf.append('[');
          for (int i = 0; i < v.length; i++) {
            if (i > 0) {
              buf.append(' ');
            }
            fmtInteger(v[i] & 0xff, 10, false, verb, LDIGITS);
          }
          buf.append(']');
        }
      }
      case 's' -> fmtS(new String(v, StandardCharsets.UTF_8));
      case 'x' -> fmtSbx(v, LDIGITS);
      case 'X' -> fmtSbx(v, UDIGITS);
      case 'q' -> fmtQ(new String(v, StandardCharsets.UTF_8));
      default -> {
        // Any other verb formats the slice element by element, each a uint8.
        buf.append(sharpV ? "[]uint8{" : "[");
        for (int i = 0; i < v.length; i++) {
          if (i > 0) {
            buf.append(sharpV ? ", " : " ");
          }
          arg = (long) (v[i] & 0xff);
          argIsByte = true;
          fmtInteger(v[i] & 0xff, false, verb);
        }
        buf.append(sharpV ? '}' : ']');
      }
    }
  }

  // ---- fmt.fmt: padding and the leaf formats ----

  private void writePadding(int n) {
    if (n <= 0) {
      return;
    }
    char c = zero && !minus ? '0' : ' ';
    for (int i = 0; i < n; i++) {
      buf.append(c);
    }
  }

  void padString(String s) {
    if (!widPresent || wid == 0) {
      buf.append(s);
      return;
    }
    int width = wid - s.codePointCount(0, s.length());
    if (!minus) {
      writePadding(width);
      buf.append(s);
    } else {
      buf.append(s);
      writePadding(width);
    }
  }

  private void fmtUnicode(long u) {
    int p = 4;
    if (precPresent && prec > 4) {
      p = prec;
    }
    StringBuilder s = new StringBuilder("U+");
    String hex = Long.toHexString(u).toUpperCase();
    for (int i = hex.length(); i < p; i++) {
      s.append('0');
    }
    s.append(hex);
    if (sharp && u >= 0 && u <= Character.MAX_CODE_POINT && GoQuote.isPrint((int) u)) {
      s.append(" '").appendCodePoint((int) u).append('\'');
    }
    boolean oldZero = zero;
    zero = false;
    padString(s.toString());
    zero = oldZero;
  }

  private void fmtInteger(long u, int base, boolean signed, char verb, String digits) {
    boolean negative = signed && u < 0;
    if (negative) {
      u = -u;
    }
    int p = 0;
    if (precPresent) {
      p = prec;
      if (p == 0 && u == 0) {
        boolean oldZero = zero;
        zero = false;
        writePadding(wid);
        zero = oldZero;
        return;
      }
    } else if (zero && !minus && widPresent) {
      p = wid;
      if (negative || plus || space) {
        p--;
      }
    }
    String num = switch (base) {
      case 10 -> Long.toUnsignedString(u);
      case 16 -> Long.toHexString(u);
      case 8 -> Long.toOctalString(u);
      default -> Long.toBinaryString(u);
    };
    if (digits == UDIGITS) {
      num = num.toUpperCase();
    }
    StringBuilder s = new StringBuilder(Math.max(p, num.length()) + 4);
    for (int i = num.length(); i < p; i++) {
      s.append('0');
    }
    s.append(num);
    if (sharp) {
      switch (base) {
        case 2 -> s.insert(0, "0b");
        case 8 -> {
          if (s.charAt(0) != '0') {
            s.insert(0, '0');
          }
        }
        case 16 -> s.insert(0, digits == UDIGITS ? "0X" : "0x");
        default -> {}
      }
    }
    if (verb == 'O') {
      s.insert(0, "0o");
    }
    if (negative) {
      s.insert(0, '-');
    } else if (plus) {
      s.insert(0, '+');
    } else if (space) {
      s.insert(0, ' ');
    }
    boolean oldZero = zero;
    zero = false;
    padString(s.toString());
    zero = oldZero;
  }

  private String truncate(String s) {
    if (precPresent && prec < s.length()) {
      int n = prec;
      for (int i = 0; i < s.length(); ) {
        if (--n < 0) {
          return s.substring(0, i);
        }
        i += Character.charCount(s.codePointAt(i));
      }
    }
    return s;
  }

  void fmtS(String s) {
    padString(truncate(s));
  }

  private void fmtSbx(byte[] b, String digits) {
    int length = b.length;
    if (precPresent && prec < length) {
      length = prec;
    }
    int width = 2 * length;
    if (width > 0) {
      if (space) {
        if (sharp) {
          width *= 2;
        }
        width += length - 1;
      } else if (sharp) {
        width += 2;
      }
    } else {
      if (widPresent) {
        writePadding(wid);
      }
      return;
    }
    if (widPresent && wid > width && !minus) {
      writePadding(wid - width);
    }
    if (sharp) {
      buf.append('0').append(digits.charAt(16));
    }
    for (int i = 0; i < length; i++) {
      if (space && i > 0) {
        buf.append(' ');
        if (sharp) {
          buf.append('0').append(digits.charAt(16));
        }
      }
      int c = b[i] & 0xff;
      buf.append(digits.charAt(c >> 4)).append(digits.charAt(c & 0xF));
    }
    if (widPresent && wid > width && minus) {
      writePadding(wid - width);
    }
  }

  private void fmtQ(String s) {
    s = truncate(s);
    if (sharp && GoQuote.canBackquote(s)) {
      padString("`" + s + "`");
      return;
    }
    StringBuilder q = new StringBuilder(s.length() + 2);
    GoQuote.appendQuoted(q, s, '"', plus);
    padString(q.toString());
  }

  private static int rune(long c) {
    if (c < 0 || c > Character.MAX_CODE_POINT || (c >= 0xD800 && c <= 0xDFFF)) {
      return 0xFFFD;
    }
    return (int) c;
  }

  private void fmtC(long c) {
    padString(new String(Character.toChars(rune(c))));
  }

  private void fmtQc(long c) {
    StringBuilder q = new StringBuilder(8);
    GoQuote.appendQuotedRune(q, rune(c), plus);
    padString(q.toString());
  }

  private void fmtFloat(double v, char verb, int p) {
    if (precPresent) {
      p = prec;
    }
    StringBuilder num = new StringBuilder(24);
    num.append('+');
    GoFloat.append(num, v, verb, p);
    if (num.charAt(1) == '-' || num.charAt(1) == '+') {
      num.deleteCharAt(0);
    }
    if (space && num.charAt(0) == '+' && !plus) {
      num.setCharAt(0, ' ');
    }
    if (num.charAt(1) == 'I' || num.charAt(1) == 'N') {
      boolean oldZero = zero;
      zero = false;
      if (num.charAt(1) == 'N' && !space && !plus) {
        num.deleteCharAt(0);
      }
      padString(num.toString());
      zero = oldZero;
      return;
    }
    if (sharp && verb != 'b') {
      sharpFloat(num, verb, p);
    }
    if (plus || num.charAt(0) != '+') {
      if (zero && !minus && widPresent && wid > num.length()) {
        buf.append(num.charAt(0));
        writePadding(wid - num.length());
        buf.append(num, 1, num.length());
        return;
      }
      padString(num.toString());
      return;
    }
    padString(num.substring(1));
  }

  /** {@code %#g} and friends keep the decimal point and trailing zeros. */
  private static void sharpFloat(StringBuilder num, char verb, int p) {
    int digits = 0;
    if (verb == 'v' || verb == 'g' || verb == 'G' || verb == 'x') {
      digits = p == -1 ? 6 : p;
    }
    String tail = "";
    boolean hasPoint = false;
    boolean sawNonzero = false;
    for (int i = 1; i < num.length(); i++) {
      char c = num.charAt(i);
      if (c == '.') {
        hasPoint = true;
      } else if (c == 'p' || c == 'P' || ((c == 'e' || c == 'E') && verb != 'x' && verb != 'X')) {
        tail = num.substring(i);
        num.setLength(i);
        break;
      } else {
        if (c != '0') {
          sawNonzero = true;
        }
        if (sawNonzero) {
          digits--;
        }
      }
    }
    if (!hasPoint) {
      if (num.length() == 2 && num.charAt(1) == '0') {
        digits--;
      }
      num.append('.');
    }
    for (; digits > 0; digits--) {
      num.append('0');
    }
    num.append(tail);
  }

  boolean erroring() {
    return erroring;
  }
}
