package dev.capstan.chart.render;

import java.util.regex.Pattern;

/**
 * The glob syntax of Argo CD's {@code directory.include}/{@code exclude} (gobwas/glob without
 * separators), so patterns written for Argo CD select the same files: {@code *} and {@code **} match
 * any run of characters, '/' included; {@code ?} one character; {@code [a-z]} and {@code [!a-z]}
 * classes; {@code {a,b}} alternatives, which may nest; {@code \c} a literal c. Matched against the
 * whole path relative to the source folder.
 */
final class ManifestGlob {
  private final String glob;
  private final Pattern pattern;

  private ManifestGlob(String glob, Pattern pattern) {
    this.glob = glob;
    this.pattern = pattern;
  }

  /** Compiles {@code glob}; throws {@link IllegalArgumentException} naming what is wrong with it. */
  static ManifestGlob compile(String glob) {
    StringBuilder regex = new StringBuilder();
    int depth = 0;
    int i = 0;
    while (i < glob.length()) {
      char c = glob.charAt(i++);
      switch (c) {
        case '*' -> {
          while (i < glob.length() && glob.charAt(i) == '*') {
            i++; // "**" matches what "*" does; one ".*" for the run keeps the regex from backtracking twice over it
          }
          regex.append(".*");
        }
        case '?' -> regex.append('.');
        case '[' -> i = characterClass(glob, i, regex);
        case '{' -> {
          depth++;
          regex.append("(?:");
        }
        case '}' -> {
          if (depth == 0) {
            throw new IllegalArgumentException("unmatched '}' in \"" + glob + "\"");
          }
          depth--;
          regex.append(')');
        }
        case ',' -> regex.append(depth > 0 ? "|" : Pattern.quote(","));
        case '\\' -> {
          if (i == glob.length()) {
            throw new IllegalArgumentException("trailing '\\' in \"" + glob + "\"");
          }
          regex.append(Pattern.quote(String.valueOf(glob.charAt(i++))));
        }
        default -> regex.append(Pattern.quote(String.valueOf(c)));
      }
    }
    if (depth > 0) {
      throw new IllegalArgumentException("unclosed '{' in \"" + glob + "\"");
    }
    return new ManifestGlob(glob, Pattern.compile(regex.toString(), Pattern.DOTALL));
  }

  /**
   * Whether the whole of {@code path} matches. The pattern comes from an Application author, and a
   * regex of many {@code .*} can backtrack for a very long time on a path that almost matches, so the
   * match may read at most {@link #MAX_STEPS} characters of the path (far more than any glob a person
   * writes needs) before it is given up.
   *
   * @throws IllegalArgumentException when the match would take longer than that
   */
  boolean matches(String path) {
    try {
      return pattern.matcher(new Bounded(path)).matches();
    } catch (Bounded.TooCostly e) {
      throw new IllegalArgumentException("\"" + glob + "\" is too costly to match against " + path
          + " (over " + MAX_STEPS + " steps); use fewer '*'");
    }
  }

  static final int MAX_STEPS = 1_000_000;

  /** The path as the regex engine reads it, counting each character read. */
  private static final class Bounded implements CharSequence {
    private static final class TooCostly extends RuntimeException {
      TooCostly() {
        super(null, null, false, false);
      }
    }

    private final String text;
    private int steps;

    Bounded(String text) {
      this.text = text;
    }

    @Override
    public char charAt(int index) {
      if (++steps > MAX_STEPS) {
        throw new TooCostly();
      }
      return text.charAt(index);
    }

    @Override
    public int length() {
      return text.length();
    }

    @Override
    public CharSequence subSequence(int start, int end) {
      return text.substring(start, end);
    }

    @Override
    public String toString() {
      return text;
    }
  }

  /** The class that starts after '[' at {@code i}; returns the index after its ']'. */
  private static int characterClass(String glob, int i, StringBuilder regex) {
    int close = glob.indexOf(']', i + 1);
    if (close < 0) {
      throw new IllegalArgumentException("unclosed '[' in \"" + glob + "\"");
    }
    String body = glob.substring(i, close);
    boolean negated = body.startsWith("!");
    StringBuilder ranges = new StringBuilder();
    for (int k = negated ? 1 : 0; k < body.length(); k++) {
      char ch = body.charAt(k);
      if (ch == '-' && ranges.length() > 0 && k + 1 < body.length()) {
        ranges.append('-');
      } else {
        ranges.append(String.format("\\x{%x}", (int) ch));
      }
    }
    if (ranges.isEmpty()) {
      throw new IllegalArgumentException("empty character class in \"" + glob + "\"");
    }
    regex.append(negated ? "[^" : "[").append(ranges).append(']');
    return close + 1;
  }
}
