package dev.capstan.chart.gotemplate.helmfuncs;

/**
 * How goyaml.v2's emitter writes one string: the style its encoder asks for (literal for text with
 * newlines, plain when the text would read back as a string, else double-quoted), corrected by the
 * emitter's analysis of the characters, then written with its escapes. Plain and quoted values
 * (not keys) are folded at a space once a line passes 80 columns, as goyaml.v2's emitter does.
 */
final class YamlScalar {
  enum Style { PLAIN, SINGLE, DOUBLE, LITERAL }

  private YamlScalar() {}

  /** {@code v3}: goyaml.v3, where a tab rules out plain and single quotes but not a literal. */
  static Style style(String s, boolean key, boolean v3) {
    Style style = s.contains("\n") ? Style.LITERAL
        : YamlResolve.canUsePlain(s) ? Style.PLAIN : Style.DOUBLE;
    Analysis a = analyze(s, v3);
    if (key && a.multiline) {
      style = Style.DOUBLE;
    }
    if (style == Style.PLAIN) {
      if (!a.blockPlain || s.isEmpty() && key) {
        style = Style.SINGLE;
      }
    }
    if (style == Style.SINGLE && !a.singleQuoted) {
      style = Style.DOUBLE;
    }
    if (style == Style.LITERAL && (!a.block || key)) {
      style = Style.DOUBLE;
    }
    return style;
  }

  private record Analysis(boolean multiline, boolean blockPlain, boolean singleQuoted,
      boolean block) {}

  static boolean isBreak(int c) {
    return c == '\r' || c == '\n' || c == 0x85 || c == 0x2028 || c == 0x2029;
  }

  private static boolean isBlank(int c) {
    return c == ' ' || c == '\t';
  }

  static boolean isPrintable(int c) {
    return c == 0x0a || c >= 0x20 && c <= 0x7e || c >= 0xa0 && c <= 0xd7ff
        || c >= 0xe000 && c <= 0xfffd && c != 0xfeff;
  }

  private static Analysis analyze(String s, boolean v3) {
    if (s.isEmpty()) {
      return new Analysis(false, true, true, false);
    }
    boolean blockIndicators = s.startsWith("---") || s.startsWith("...");
    boolean lineBreaks = false;
    boolean special = false;
    boolean leadingSpace = false;
    boolean leadingBreak = false;
    boolean trailingSpace = false;
    boolean trailingBreak = false;
    boolean breakSpace = false;
    boolean spaceBreak = false;
    boolean tabs = false;
    boolean precededByWhitespace = true;
    boolean previousSpace = false;
    boolean previousBreak = false;
    int[] cps = s.codePoints().toArray();
    for (int i = 0; i < cps.length; i++) {
      int c = cps[i];
      boolean followedByWhitespace = i + 1 >= cps.length || isBlank(cps[i + 1]);
      if (i == 0) {
        switch (c) {
          case '#', ',', '[', ']', '{', '}', '&', '*', '!', '|', '>', '\'', '"', '%', '@', '`' ->
              blockIndicators = true;
          case '?', ':', '-' -> {
            if (followedByWhitespace) {
              blockIndicators = true;
            }
          }
          default -> { }
        }
      } else if (c == ':' && followedByWhitespace || c == '#' && precededByWhitespace) {
        blockIndicators = true;
      }
      if (v3 && c == '\t') {
        tabs = true;
      } else if (!isPrintable(c)) {
        special = true;
      }
      if (c == ' ') {
        leadingSpace |= i == 0;
        trailingSpace |= i == cps.length - 1;
        breakSpace |= previousBreak;
        previousSpace = true;
        previousBreak = false;
      } else if (isBreak(c)) {
        lineBreaks = true;
        leadingBreak |= i == 0;
        trailingBreak |= i == cps.length - 1;
        spaceBreak |= previousSpace;
        previousSpace = false;
        previousBreak = true;
      } else {
        previousSpace = false;
        previousBreak = false;
      }
      precededByWhitespace = isBlank(c) || isBreak(c);
    }
    boolean blockPlain = true;
    boolean single = true;
    boolean block = true;
    if (leadingSpace || leadingBreak || trailingSpace || trailingBreak) {
      blockPlain = false;
    }
    if (trailingSpace) {
      block = false;
    }
    if (breakSpace) {
      blockPlain = false;
      single = false;
    }
    if (spaceBreak || tabs || special) {
      blockPlain = false;
      single = false;
    }
    if (spaceBreak || special) {
      block = false;
    }
    if (lineBreaks || blockIndicators) {
      blockPlain = false;
    }
    return new Analysis(lineBreaks, blockPlain, single, block);
  }

  private static final int WIDTH = 80;

  /**
   * Writes {@code s} in {@code style}; folded lines and a literal's lines are indented by
   * {@code indent}; {@code allowBreaks} is false for keys.
   */
  static void write(StringBuilder b, String s, Style style, int indent, boolean allowBreaks) {
    switch (style) {
      case PLAIN -> plain(b, s, indent, allowBreaks);
      case SINGLE -> singleQuoted(b, s, indent, allowBreaks);
      case DOUBLE -> doubleQuoted(b, s, indent, allowBreaks);
      case LITERAL -> literal(b, s, indent);
    }
  }

  /** The emitter's column: characters since the last line break. */
  private static int column(StringBuilder b) {
    int nl = b.lastIndexOf("\n");
    return b.codePointCount(nl + 1, b.length());
  }

  private static void fold(StringBuilder b, int indent) {
    b.append('\n');
    for (int k = 0; k < indent; k++) {
      b.append(' ');
    }
  }

  private static void plain(StringBuilder b, String s, int indent, boolean allowBreaks) {
    int[] cps = s.codePoints().toArray();
    boolean spaces = false;
    for (int i = 0; i < cps.length; i++) {
      if (cps[i] == ' ') {
        boolean nextSpace = i + 1 < cps.length && cps[i + 1] == ' ';
        if (allowBreaks && !spaces && column(b) > WIDTH && !nextSpace) {
          fold(b, indent);
        } else {
          b.append(' ');
        }
        spaces = true;
      } else {
        b.appendCodePoint(cps[i]);
        spaces = false;
      }
    }
  }

  private static void singleQuoted(StringBuilder b, String s, int indent, boolean allowBreaks) {
    b.append('\'');
    int[] cps = s.codePoints().toArray();
    boolean spaces = false;
    for (int i = 0; i < cps.length; i++) {
      if (cps[i] == ' ') {
        boolean nextSpace = i + 1 < cps.length && cps[i + 1] == ' ';
        if (allowBreaks && !spaces && column(b) > WIDTH && i > 0 && i < cps.length - 1
            && !nextSpace) {
          fold(b, indent);
        } else {
          b.append(' ');
        }
        spaces = true;
      } else {
        if (cps[i] == '\'') {
          b.append('\'');
        }
        b.appendCodePoint(cps[i]);
        spaces = false;
      }
    }
    b.append('\'');
  }

  private static void doubleQuoted(StringBuilder b, String s, int indent, boolean allowBreaks) {
    b.append('"');
    int[] cps = s.codePoints().toArray();
    boolean spaces = false;
    for (int i = 0; i < cps.length; i++) {
      int c = cps[i];
      if (c == ' ') {
        if (allowBreaks && !spaces && column(b) > WIDTH && i > 0 && i < cps.length - 1) {
          fold(b, indent);
          if (cps[i + 1] == ' ') {
            b.append('\\');
          }
        } else {
          b.append(' ');
        }
        spaces = true;
        continue;
      }
      spaces = false;
      if (!isPrintable(c) || c == 0xfeff || isBreak(c) || c == '"' || c == '\\') {
        b.append('\\');
        switch (c) {
          case 0x00 -> b.append('0');
          case 0x07 -> b.append('a');
          case 0x08 -> b.append('b');
          case 0x09 -> b.append('t');
          case 0x0a -> b.append('n');
          case 0x0b -> b.append('v');
          case 0x0c -> b.append('f');
          case 0x0d -> b.append('r');
          case 0x1b -> b.append('e');
          case '"' -> b.append('"');
          case '\\' -> b.append('\\');
          case 0x85 -> b.append('N');
          case 0xa0 -> b.append('_');
          case 0x2028 -> b.append('L');
          case 0x2029 -> b.append('P');
          default -> {
            int width = c <= 0xff ? 2 : c <= 0xffff ? 4 : 8;
            b.append(width == 2 ? 'x' : width == 4 ? 'u' : 'U');
            b.append(String.format("%0" + width + "X", c));
          }
        }
      } else {
        b.appendCodePoint(c);
      }
    }
    b.append('"');
  }

  private static void literal(StringBuilder b, String s, int indent) {
    b.append('|');
    int first = s.codePointAt(0);
    if (first == ' ' || isBreak(first)) {
      b.append('2');
    }
    int last = s.codePointBefore(s.length());
    if (!isBreak(last)) {
      b.append('-');
    } else if (s.length() == 1) {
      b.append('+');
    } else {
      int before = s.codePointBefore(s.length() - Character.charCount(last));
      if (isBreak(before)) {
        b.append('+');
      }
    }
    b.append('\n');
    String pad = " ".repeat(indent);
    boolean breaks = true;
    for (int i = 0; i < s.length(); ) {
      int c = s.codePointAt(i);
      if (isBreak(c)) {
        b.append(c == '\r' || c == '\n' ? "\n" : new String(Character.toChars(c)));
        breaks = true;
      } else {
        if (breaks) {
          b.append(pad);
        }
        b.appendCodePoint(c);
        breaks = false;
      }
      i += Character.charCount(c);
    }
    if (!breaks) {
      b.append('\n');
    }
  }
}
