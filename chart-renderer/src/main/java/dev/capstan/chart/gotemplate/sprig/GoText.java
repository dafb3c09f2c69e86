package dev.capstan.chart.gotemplate.sprig;

import java.nio.charset.StandardCharsets;

/**
 * Go's view of strings where it differs from Java's. Go strings are UTF-8 bytes, and several Sprig
 * functions index bytes ({@code trunc}, {@code substr}, {@code abbrev}, {@code wrap}); those work on
 * a "byte string" here: one char per UTF-8 byte ({@link #bytes}), turned back with {@link #text}.
 */
final class GoText {
  private GoText() {}

  /** One char (0-255) per UTF-8 byte of {@code s}. */
  static String bytes(String s) {
    return new String(s.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
  }

  /**
   * The string whose UTF-8 bytes are the chars of {@code byteString}. A byte that does not start
   * a valid sequence (a cut multi-byte character) becomes one U+FFFD, as Go decodes it.
   */
  static String text(String byteString) {
    byte[] b = byteString.getBytes(StandardCharsets.ISO_8859_1);
    StringBuilder out = new StringBuilder(b.length);
    int i = 0;
    while (i < b.length) {
      int c = b[i] & 0xff;
      int n = c < 0x80 ? 1 : c >= 0xc2 && c <= 0xdf ? 2 : c >= 0xe0 && c <= 0xef ? 3
          : c >= 0xf0 && c <= 0xf4 ? 4 : 0;
      if (n == 1) {
        out.append((char) c);
        i++;
        continue;
      }
      String decoded = n == 0 || i + n > b.length ? null : decodeOne(b, i, n);
      if (decoded == null) {
        out.append('\ufffd');
        i++;
      } else {
        out.append(decoded);
        i += n;
      }
    }
    return out.toString();
  }

  private static String decodeOne(byte[] b, int at, int n) {
    for (int k = 1; k < n; k++) {
      if ((b[at + k] & 0xc0) != 0x80) {
        return null;
      }
    }
    String s = new String(b, at, n, StandardCharsets.UTF_8);
    return s.indexOf('\ufffd') >= 0 ? null : s;
  }


  /** Go's {@code unicode.IsSpace}. */
  static boolean isSpace(int r) {
    switch (r) {
      case '\t', '\n', 0x0b, '\f', '\r', ' ', 0x85, 0xa0, 0x1680, 0x2028, 0x2029, 0x202f, 0x205f,
          0x3000:
        return true;
      default:
        return r >= 0x2000 && r <= 0x200a;
    }
  }

  /** Go's {@code strings.TrimSpace}. */
  static String trimSpace(String s) {
    int start = 0;
    int end = s.length();
    while (start < end && isSpace(s.codePointAt(start))) {
      start += Character.charCount(s.codePointAt(start));
    }
    while (end > start && isSpace(s.codePointBefore(end))) {
      end -= Character.charCount(s.codePointBefore(end));
    }
    return s.substring(start, end);
  }

  /** Go's {@code strings.Trim(s, cutset)}: strips runes of {@code cutset} from both ends. */
  static String trim(String s, String cutset) {
    int start = 0;
    int end = s.length();
    while (start < end && cutset.indexOf(s.codePointAt(start)) >= 0) {
      start += Character.charCount(s.codePointAt(start));
    }
    while (end > start && cutset.indexOf(s.codePointBefore(end)) >= 0) {
      end -= Character.charCount(s.codePointBefore(end));
    }
    return s.substring(start, end);
  }

  /** Go's {@code unicode.ToUpper}/{@code ToLower} map one rune to one rune, as Java's do. */
  static String mapRunes(String s, java.util.function.IntUnaryOperator f) {
    StringBuilder b = new StringBuilder(s.length());
    s.codePoints().forEach(cp -> b.appendCodePoint(f.applyAsInt(cp)));
    return b.toString();
  }

  /** Go's {@code strings.Title}: the first letter of each word in title case. */
  static String title(String s) {
    StringBuilder b = new StringBuilder(s.length());
    int prev = ' ';
    for (int i = 0; i < s.length(); ) {
      int r = s.codePointAt(i);
      b.appendCodePoint(isSeparator(prev) ? Character.toTitleCase(r) : r);
      prev = r;
      i += Character.charCount(r);
    }
    return b.toString();
  }

  private static boolean isSeparator(int r) {
    if (r <= 0x7f) {
      return !(Character.isLetterOrDigit(r) || r == '_');
    }
    if (Character.isLetter(r) || Character.isDigit(r)) {
      return false;
    }
    return isSpace(r);
  }

  /** Go's {@code strings.Repeat}, bounded. */
  static String repeat(String fn, String s, long count) {
    if (count < 0) {
      throw new dev.capstan.chart.gotemplate.GoFuncException("strings: negative Repeat count");
    }
    Limits.checkString(fn, count * s.length());
    return s.repeat((int) count);
  }
}
