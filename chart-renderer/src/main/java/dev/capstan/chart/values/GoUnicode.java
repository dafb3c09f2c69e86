package dev.capstan.chart.values;

/** Character classes as Go's {@code unicode} package draws them, where Java's differ. */
final class GoUnicode {
  private GoUnicode() {}

  /** Go's {@code unicode.IsSpace}: Java's {@code isWhitespace} leaves out no-break spaces. */
  static boolean isSpace(int cp) {
    if (cp < 0x100) {
      return cp == ' ' || (cp >= '\t' && cp <= '\r') || cp == 0x85 || cp == 0xA0;
    }
    return Character.isSpaceChar(cp);
  }
}
