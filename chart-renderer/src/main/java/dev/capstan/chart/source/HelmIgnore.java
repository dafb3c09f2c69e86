package dev.capstan.chart.source;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The rules of a chart's {@code .helmignore}, read and applied as Helm's {@code pkg/ignore} does:
 * one pattern per line, blank lines and {@code #} lines skipped, surrounding spaces trimmed, Go
 * {@code filepath.Match} globs, {@code **} refused. A trailing {@code /} limits a rule to
 * directories; a pattern without {@code /} is tested against the base name at any depth, one with a
 * {@code /} against the whole path from the chart root (a leading {@code /} is dropped).
 *
 * <p>Rules are tried in order and the first match ignores the path. A {@code !pattern} rule is not
 * gitignore's re-include: in Helm it ignores every path that does <em>not</em> match it (and every
 * file, when it ends in {@code /}) and lets matching paths go on to the next rule. Helm's default
 * rule {@code templates/.?*} (hidden files under templates/) comes after the file's rules.
 */
public final class HelmIgnore {
  /** The file's name, at the chart root. */
  public static final String FILE = ".helmignore";

  private record Rule(boolean negate, boolean directoryOnly, boolean wholePath, Pattern glob) {
    boolean matches(String path) {
      String tested = wholePath ? path : path.substring(path.lastIndexOf('/') + 1);
      return glob.matcher(tested).matches();
    }
  }

  private final List<Rule> rules;

  private HelmIgnore(List<Rule> rules) {
    this.rules = List.copyOf(rules);
  }

  /** Only Helm's default rule: what a chart without {@code .helmignore} ignores. */
  public static HelmIgnore defaults() {
    return parse("", FILE);
  }

  /** Parses a {@code .helmignore}; a bad line is a {@link ChartException} at {@code where:line}. */
  public static HelmIgnore parse(String text, String where) {
    List<Rule> rules = new ArrayList<>();
    String[] lines = text.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      try {
        rule(lines[i].strip()).ifPresent(rules::add);
      } catch (IllegalArgumentException e) {
        throw new ChartException(where + ":" + (i + 1), e.getMessage() + ": \"" + lines[i].strip() + "\"");
      }
    }
    rule("templates/.?*").ifPresent(rules::add);
    return new HelmIgnore(rules);
  }

  private static Optional<Rule> rule(String line) {
    if (line.isEmpty() || line.startsWith("#")) {
      return Optional.empty();
    }
    if (line.contains("**")) {
      throw new IllegalArgumentException("double-star (**) syntax is not supported");
    }
    GoGlob.compile(line); // Helm refuses the whole line if it is not a valid glob, '!' and '/' included
    boolean negate = line.startsWith("!");
    String p = negate ? line.substring(1) : line;
    boolean directoryOnly = p.endsWith("/");
    p = directoryOnly ? p.substring(0, p.length() - 1) : p;
    boolean wholePath = p.contains("/");
    p = p.startsWith("/") ? p.substring(1) : p;
    return Optional.of(new Rule(negate, directoryOnly, wholePath, GoGlob.compile(p)));
  }

  /** Whether Helm leaves {@code path} (relative, '/'-separated) out of the chart. */
  public boolean ignores(String path, boolean directory) {
    for (Rule rule : rules) {
      if (rule.negate()) {
        if (rule.directoryOnly() && !directory || !rule.matches(path)) {
          return true;
        }
      } else if ((directory || !rule.directoryOnly()) && rule.matches(path)) {
        return true;
      }
    }
    return false;
  }
}
