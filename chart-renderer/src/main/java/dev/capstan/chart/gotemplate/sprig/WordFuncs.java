package dev.capstan.chart.gotemplate.sprig;

import static dev.capstan.chart.gotemplate.GoType.INT;
import static dev.capstan.chart.gotemplate.GoType.STRING;

import java.util.List;

/** Sprig's functions from goutils (abbreviate, initials, wrap, nospace, swapcase, untitle). */
final class WordFuncs {
  private WordFuncs() {}

  static void register(FuncTable t) {
    t.fn("abbrev", List.of(INT, STRING), a -> abbrev((Integer) a.get(0), (String) a.get(1)));
    t.fn(
        "abbrevboth",
        List.of(INT, INT, STRING),
        a -> abbrevboth((Integer) a.get(0), (Integer) a.get(1), (String) a.get(2)));
    t.fn("initials", List.of(STRING), a -> initials((String) a.get(0)));
    t.fn("untitle", List.of(STRING), a -> untitle((String) a.get(0)));
    t.fn("nospace", List.of(STRING), a -> nospace((String) a.get(0)));
    t.fn("swapcase", List.of(STRING), a -> swapCase((String) a.get(0)));
    t.fn("wrap", List.of(INT, STRING), a -> wrap((String) a.get(1), (Integer) a.get(0), "", false));
    t.fn(
        "wrapWith",
        List.of(INT, STRING, STRING),
        a -> wrap((String) a.get(2), (Integer) a.get(0), (String) a.get(1), true));
  }

  static String abbrev(int width, String s) {
    return width < 4 ? s : abbreviateFull(s, 0, width);
  }

  static String abbrevboth(int left, int right, String s) {
    if (right < 4 || left > 0 && right < 7) {
      return s;
    }
    return abbreviateFull(s, left, right);
  }

  /** goutils.AbbreviateFull on bytes; its errors become "" as Sprig drops them. */
  private static String abbreviateFull(String str, int offset, int maxWidth) {
    String s = GoText.bytes(str);
    if (s.isEmpty() || maxWidth < 4) {
      return "";
    }
    if (s.length() <= maxWidth) {
      return str;
    }
    if (offset > s.length()) {
      offset = s.length();
    }
    if (s.length() - offset < maxWidth - 3) {
      offset = s.length() - (maxWidth - 3);
    }
    if (offset <= 4) {
      return GoText.text(s.substring(0, maxWidth - 3)) + "...";
    }
    if (maxWidth < 7) {
      return "";
    }
    if (offset + maxWidth - 3 < s.length()) {
      return "..." + abbreviateFull(GoText.text(s.substring(offset)), 0, maxWidth - 3);
    }
    return "..." + GoText.text(s.substring(s.length() - (maxWidth - 3)));
  }

  /**
   * goutils.Initials reads bytes as runes: ASCII works, and each byte of a multi-byte character is
   * written back as the rune of that byte value, as Go does.
   */
  static String initials(String str) {
    String s = GoText.bytes(str);
    StringBuilder b = new StringBuilder();
    boolean lastWasGap = true;
    for (int i = 0; i < s.length(); i++) {
      char ch = s.charAt(i);
      if (GoText.isSpace(ch)) {
        lastWasGap = true;
      } else if (lastWasGap) {
        b.append(ch);
        lastWasGap = false;
      }
    }
    return b.toString();
  }

  /** goutils.DeleteWhiteSpace, byte by byte like initials. */
  static String nospace(String str) {
    String s = GoText.bytes(str);
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < s.length(); i++) {
      char ch = s.charAt(i);
      if (!GoText.isSpace(ch)) {
        b.append(ch);
      }
    }
    return b.length() == s.length() ? str : b.toString();
  }

  static String untitle(String s) {
    StringBuilder b = new StringBuilder(s.length());
    boolean next = true;
    for (int i = 0; i < s.length(); ) {
      int r = s.codePointAt(i);
      if (GoText.isSpace(r)) {
        next = true;
        b.appendCodePoint(r);
      } else if (next) {
        b.appendCodePoint(Character.toLowerCase(r));
        next = false;
      } else {
        b.appendCodePoint(r);
      }
      i += Character.charCount(r);
    }
    return b.toString();
  }

  static String swapCase(String s) {
    StringBuilder b = new StringBuilder(s.length());
    boolean whitespace = true;
    for (int i = 0; i < s.length(); ) {
      int r = s.codePointAt(i);
      if (Character.isUpperCase(r) || Character.isTitleCase(r)) {
        b.appendCodePoint(Character.toLowerCase(r));
        whitespace = false;
      } else if (Character.isLowerCase(r)) {
        b.appendCodePoint(whitespace ? Character.toTitleCase(r) : Character.toUpperCase(r));
        whitespace = false;
      } else {
        b.appendCodePoint(r);
        whitespace = GoText.isSpace(r);
      }
      i += Character.charCount(r);
    }
    return b.toString();
  }

  /** goutils.WrapCustom, on bytes. */
  static String wrap(String str, int wrapLength, String newLine, boolean wrapLongWords) {
    if (str.isEmpty()) {
      return "";
    }
    String s = GoText.bytes(str);
    String nl = newLine.isEmpty() ? "\n" : GoText.bytes(newLine);
    int width = Math.max(wrapLength, 1);
    Limits.checkString("wrap", (long) s.length() * (1 + nl.length()));
    StringBuilder out = new StringBuilder();
    int offset = 0;
    while (s.length() - offset > width) {
      if (s.charAt(offset) == ' ') {
        offset++;
        continue;
      }
      int end = width + offset + 1;
      int spaceAt = s.substring(offset, end).lastIndexOf(' ') + offset;
      if (spaceAt >= offset) {
        out.append(s, offset, spaceAt).append(nl);
        offset = spaceAt + 1;
      } else if (wrapLongWords) {
        out.append(s, offset, width + offset).append(nl);
        offset += width;
      } else {
        int from = width + offset;
        int index = s.indexOf(' ', from);
        if (index < 0) {
          out.append(s, offset, s.length());
          offset = s.length();
        } else {
          out.append(s, offset, index).append(nl);
          offset = index + 1;
        }
      }
    }
    out.append(s.substring(offset));
    return GoText.text(out.toString());
  }
}
