package dev.capstan.chart.gotemplate;

/**
 * Go's {@code strconv} quoting ({@code Quote}, {@code QuoteToASCII}, {@code QuoteRune},
 * {@code CanBackquote}), used by {@code %q}, {@code %#v} and the executor's messages. Java strings
 * hold UTF-16; a lone surrogate stands for Go's invalid UTF-8 and is escaped as U+FFFD.
 */
public final class GoQuote {
  private static final char[] HEX = "0123456789abcdef".toCharArray();

  private GoQuote() {}

  /** {@code strconv.Quote}. */
  public static String quote(String s) {
    StringBuilder b = new StringBuilder(s.length() + 2);
    appendQuoted(b, s, '"', false);
    return b.toString();
  }

  /** Appends {@code s} quoted with {@code quote}, escaping every non-ASCII rune when asked. */
  static void appendQuoted(StringBuilder b, String s, char quote, boolean asciiOnly) {
    b.append(quote);
    for (int i = 0; i < s.length(); ) {
      int r = s.codePointAt(i);
      i += Character.charCount(r);
      appendEscapedRune(b, r, quote, asciiOnly);
    }
    b.append(quote);
  }

  /** {@code strconv.QuoteRune}, or {@code QuoteRuneToASCII} when {@code asciiOnly}. */
  static void appendQuotedRune(StringBuilder b, int r, boolean asciiOnly) {
    if (r > Character.MAX_CODE_POINT || r < 0 || (r >= 0xD800 && r <= 0xDFFF)) {
      r = 0xFFFD;
    }
    b.append('\'');
    appendEscapedRune(b, r, '\'', asciiOnly);
    b.append('\'');
  }

  private static void appendEscapedRune(StringBuilder b, int r, char quote, boolean asciiOnly) {
    if (r == quote || r == '\\') {
      b.append('\\').append((char) r);
      return;
    }
    if (asciiOnly ? r < 0x80 && isPrint(r) : isPrint(r)) {
      b.appendCodePoint(r);
      return;
    }
    switch (r) {
      case 7 -> b.append("\\a");
      case '\b' -> b.append("\\b");
      case '\f' -> b.append("\\f");
      case '\n' -> b.append("\\n");
      case '\r' -> b.append("\\r");
      case '\t' -> b.append("\\t");
      case 11 -> b.append("\\v");
      default -> {
        if (r < ' ' || r == 0x7f) {
          b.append("\\x").append(HEX[(r >> 4) & 0xF]).append(HEX[r & 0xF]);
        } else {
          if (r >= 0xD800 && r <= 0xDFFF) {
            r = 0xFFFD;
          }
          if (r < 0x10000) {
            b.append("\\u");
            for (int s = 12; s >= 0; s -= 4) {
              b.append(HEX[(r >> s) & 0xF]);
            }
          } else {
            b.append("\\U");
            for (int s = 28; s >= 0; s -= 4) {
              b.append(HEX[(r >> s) & 0xF]);
            }
          }
        }
      }
    }
  }

  /** {@code strconv.IsPrint}: letters, marks, numbers, punctuation, symbols and the ASCII space. */
  public static boolean isPrint(int r) {
    if (r < 0x80) {
      return r >= 0x20 && r < 0x7f;
    }
    switch (Character.getType(r)) {
      case Character.UPPERCASE_LETTER, Character.LOWERCASE_LETTER, Character.TITLECASE_LETTER,
          Character.MODIFIER_LETTER, Character.OTHER_LETTER, Character.NON_SPACING_MARK,
          Character.ENCLOSING_MARK, Character.COMBINING_SPACING_MARK,
          Character.DECIMAL_DIGIT_NUMBER, Character.LETTER_NUMBER, Character.OTHER_NUMBER,
          Character.CONNECTOR_PUNCTUATION, Character.DASH_PUNCTUATION,
          Character.START_PUNCTUATION, Character.END_PUNCTUATION,
          Character.INITIAL_QUOTE_PUNCTUATION, Character.FINAL_QUOTE_PUNCTUATION,
          Character.OTHER_PUNCTUATION, Character.MATH_SYMBOL, Character.CURRENCY_SYMBOL,
          Character.MODIFIER_SYMBOL, Character.OTHER_SYMBOL:
        return true;
      default:
        return false;
    }
  }

  /** {@code strconv.CanBackquote}. */
  static boolean canBackquote(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '\uFEFF' || Character.isSurrogate(c) && !validPairAt(s, i)) {
        return false;
      }
      if ((c < ' ' && c != '\t') || c == '`' || c == 0x7f) {
        return false;
      }
    }
    return true;
  }

  private static boolean validPairAt(String s, int i) {
    char c = s.charAt(i);
    if (Character.isHighSurrogate(c)) {
      return i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1));
    }
    return i > 0 && Character.isHighSurrogate(s.charAt(i - 1));
  }
}
