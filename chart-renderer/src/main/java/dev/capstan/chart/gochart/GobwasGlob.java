package dev.capstan.chart.gochart;

import java.util.regex.Pattern;

/**
 * The glob syntax of {@code .Files.Glob} (github.com/gobwas/glob with '/' as separator): {@code *}
 * any run of characters but '/', {@code **} any run including '/', {@code ?} one character but
 * '/', {@code [abc]}, {@code [a-z]} and {@code [!abc]} classes, {@code {a,b}} alternatives and
 * {@code \c} a literal c. A pattern gobwas cannot compile matches everything, as Helm falls back
 * to {@code **}.
 */
final class GobwasGlob {
  private static final Pattern EVERYTHING = Pattern.compile(".*", Pattern.DOTALL);

  private GobwasGlob() {}

  static Pattern compile(String glob) {
    StringBuilder regex = new StringBuilder();
    int[] pos = {0};
    if (!translate(glob, pos, regex, false) || pos[0] != glob.length()) {
      return EVERYTHING;
    }
    return Pattern.compile(regex.toString(), Pattern.DOTALL);
  }

  /** Translates up to the end, or up to ',' or '}' inside braces; false when the glob is malformed. */
  private static boolean translate(String glob, int[] pos, StringBuilder out, boolean inBraces) {
    while (pos[0] < glob.length()) {
      char c = glob.charAt(pos[0]);
      if (inBraces && (c == ',' || c == '}')) {
        return true;
      }
      pos[0]++;
      switch (c) {
        case '*' -> {
          if (pos[0] < glob.length() && glob.charAt(pos[0]) == '*') {
            pos[0]++;
            out.append(".*");
          } else {
            out.append("[^/]*");
          }
        }
        case '?' -> out.append("[^/]");
        case '[' -> {
          if (!characterClass(glob, pos, out)) {
            return false;
          }
        }
        case '{' -> {
          out.append("(?:");
          while (true) {
            if (!translate(glob, pos, out, true) || pos[0] >= glob.length()) {
              return false;
            }
            char end = glob.charAt(pos[0]++);
            if (end == '}') {
              break;
            }
            out.append('|');
          }
          out.append(')');
        }
        case '\\' -> {
          if (pos[0] >= glob.length()) {
            return false;
          }
          out.append(Pattern.quote(String.valueOf(glob.charAt(pos[0]++))));
        }
        default -> out.append(Pattern.quote(String.valueOf(c)));
      }
    }
    return !inBraces;
  }

  private static boolean characterClass(String glob, int[] pos, StringBuilder out) {
    StringBuilder cls = new StringBuilder("[");
    if (pos[0] < glob.length() && glob.charAt(pos[0]) == '!') {
      cls.append('^');
      pos[0]++;
    }
    boolean any = false;
    while (pos[0] < glob.length()) {
      char c = glob.charAt(pos[0]++);
      if (c == ']') {
        if (!any) {
          return false;
        }
        out.append(cls).append(']');
        return true;
      }
      any = true;
      if (c == '-' && cls.length() > 1 && pos[0] < glob.length() && glob.charAt(pos[0]) != ']') {
        cls.append('-');
      } else if (Character.isLetterOrDigit(c)) {
        cls.append(c);
      } else {
        cls.append('\\').append(c);
      }
    }
    return false;
  }
}
