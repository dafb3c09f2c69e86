package dev.capstan.chart.source;

import java.util.regex.Pattern;

/**
 * Go's {@code filepath.Match} syntax (what {@code .helmignore} patterns are written in), compiled to a
 * regex: {@code *} is any run of characters but '/', {@code ?} one character but '/', {@code [a-z]}
 * and {@code [^a-z]} classes, {@code \c} a literal c. Unlike a java.nio glob there are no
 * {@code {a,b}} groups and no {@code [!...]}; both are literal here, as in Helm.
 */
final class GoGlob {
  private GoGlob() {}

  /** Compiles {@code glob}; throws {@link IllegalArgumentException} where Go says ErrBadPattern. */
  static Pattern compile(String glob) {
    StringBuilder regex = new StringBuilder();
    int i = 0;
    while (i < glob.length()) {
      char c = glob.charAt(i++);
      switch (c) {
        case '*' -> regex.append("[^/]*");
        case '?' -> regex.append("[^/]");
        case '[' -> i = characterClass(glob, i, regex);
        case '\\' -> {
          if (i == glob.length()) {
            throw bad();
          }
          regex.append(literal(glob.charAt(i++)));
        }
        default -> regex.append(literal(c));
      }
    }
    return Pattern.compile(regex.toString(), Pattern.DOTALL);
  }

  /** Appends the class starting after '[' at {@code i}; returns the index after its ']'. */
  private static int characterClass(String glob, int i, StringBuilder regex) {
    boolean negated = i < glob.length() && glob.charAt(i) == '^';
    i += negated ? 1 : 0;
    StringBuilder ranges = new StringBuilder();
    boolean first = true;
    while (true) {
      if (i >= glob.length()) {
        throw bad();
      }
      if (glob.charAt(i) == ']' && !first) {
        break;
      }
      int[] lo = escaped(glob, i);
      int[] hi = lo;
      if (lo[1] < glob.length() && glob.charAt(lo[1]) == '-') {
        hi = escaped(glob, lo[1] + 1);
      }
      if (lo[0] <= hi[0]) { // Go accepts a reversed range and lets it match nothing
        ranges.append(literal((char) lo[0])).append('-').append(literal((char) hi[0]));
      }
      i = hi[1];
      first = false;
    }
    if (ranges.isEmpty()) {
      regex.append(negated ? "." : "(?!)");
    } else {
      regex.append(negated ? "[^" : "[").append(ranges).append(']');
    }
    return i + 1;
  }

  /** One class character at {@code i} (after a '\' if escaped): {char, index after it}. */
  private static int[] escaped(String glob, int i) {
    if (i >= glob.length() || glob.charAt(i) == '-' || glob.charAt(i) == ']') {
      throw bad();
    }
    if (glob.charAt(i) == '\\') {
      i++;
      if (i >= glob.length()) {
        throw bad();
      }
    }
    return new int[] {glob.charAt(i), i + 1};
  }

  private static String literal(char c) {
    return String.format("\\x{%x}", (int) c);
  }

  private static IllegalArgumentException bad() {
    return new IllegalArgumentException("syntax error in pattern");
  }
}
