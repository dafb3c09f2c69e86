package dev.capstan.chart.gotemplate;

/**
 * Go's {@code fmt.fmt}: the flags, width and precision of one verb and the formatting of one leaf
 * value (an integer in a base, a float, a string, quoted text, padding). {@link GoPrinter} walks
 * values and chooses the verb's format; this class writes the text.
 */
abstract class GoFormatter {
  static final String LDIGITS = "0123456789abcdefx";
  static final String UDIGITS = "0123456789ABCDEFX";

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

  GoFormatter(StringBuilder buf) {
    this.buf = buf;
  }

  void clearFlags() {
    widPresent = precPresent = minus = plus = sharp = space = zero = plusV = sharpV = false;
    wid = prec = 0;
  }

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

  void fmtUnicode(long u) {
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

  void fmtInteger(long u, int base, boolean signed, char verb, String digits) {
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

  String truncate(String s) {
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

  void fmtSbx(byte[] b, String digits) {
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

  void fmtQ(String s) {
    s = truncate(s);
    if (sharp && GoQuote.canBackquote(s)) {
      padString("`" + s + "`");
      return;
    }
    StringBuilder q = new StringBuilder(s.length() + 2);
    GoQuote.appendQuoted(q, s, '"', plus);
    padString(q.toString());
  }

  static int rune(long c) {
    if (c < 0 || c > Character.MAX_CODE_POINT || (c >= 0xD800 && c <= 0xDFFF)) {
      return 0xFFFD;
    }
    return (int) c;
  }

  void fmtC(long c) {
    padString(new String(Character.toChars(rune(c))));
  }

  void fmtQc(long c) {
    StringBuilder q = new StringBuilder(8);
    GoQuote.appendQuotedRune(q, rune(c), plus);
    padString(q.toString());
  }

  void fmtFloat(double v, char verb, int p) {
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
}
