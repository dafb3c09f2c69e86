package dev.capstan.chart;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Semantic Version 2.0 number. {@link #parse} is strict (what Chart.yaml's {@code version}
 * must be); {@link #parseLoose} also takes a leading {@code v} and missing minor/patch, as
 * Kubernetes versions ({@code v1.31.0}) and constraints ({@code >=1.19}) are written.
 */
public record SemVer(long major, long minor, long patch, String preRelease) implements Comparable<SemVer> {
  private static final Pattern STRICT = Pattern.compile(
      "(0|[1-9]\\d*)\\.(0|[1-9]\\d*)\\.(0|[1-9]\\d*)(?:-([0-9A-Za-z-]+(?:\\.[0-9A-Za-z-]+)*))?(?:\\+[0-9A-Za-z-]+(?:\\.[0-9A-Za-z-]+)*)?");
  private static final Pattern LOOSE = Pattern.compile(
      "v?(\\d+)(?:\\.(\\d+))?(?:\\.(\\d+))?(?:-([0-9A-Za-z-]+(?:\\.[0-9A-Za-z-]+)*))?(?:\\+[0-9A-Za-z-.]+)?");

  public static Optional<SemVer> parse(String text) {
    return match(STRICT, text);
  }

  public static Optional<SemVer> parseLoose(String text) {
    return match(LOOSE, text);
  }

  private static Optional<SemVer> match(Pattern pattern, String text) {
    if (text == null) {
      return Optional.empty();
    }
    Matcher m = pattern.matcher(text.strip());
    if (!m.matches()) {
      return Optional.empty();
    }
    try {
      return Optional.of(new SemVer(Long.parseLong(m.group(1)), number(m.group(2)), number(m.group(3)),
          m.group(4) == null ? "" : m.group(4)));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  private static long number(String group) {
    return group == null ? 0 : Long.parseLong(group);
  }

  @Override
  public int compareTo(SemVer o) {
    int c = Long.compare(major, o.major);
    c = c != 0 ? c : Long.compare(minor, o.minor);
    c = c != 0 ? c : Long.compare(patch, o.patch);
    return c != 0 ? c : comparePreRelease(preRelease, o.preRelease);
  }

  private static int comparePreRelease(String a, String b) {
    if (a.equals(b)) {
      return 0;
    }
    if (a.isEmpty() || b.isEmpty()) {
      return a.isEmpty() ? 1 : -1; // a release ranks above any of its pre-releases
    }
    String[] x = a.split("\\.");
    String[] y = b.split("\\.");
    for (int i = 0; i < Math.min(x.length, y.length); i++) {
      boolean xn = x[i].matches("\\d+");
      boolean yn = y[i].matches("\\d+");
      int c = xn && yn ? Long.compare(Long.parseLong(x[i]), Long.parseLong(y[i]))
          : xn != yn ? (xn ? -1 : 1) : x[i].compareTo(y[i]);
      if (c != 0) {
        return c;
      }
    }
    return Integer.compare(x.length, y.length);
  }

  @Override
  public String toString() {
    return major + "." + minor + "." + patch + (preRelease.isEmpty() ? "" : "-" + preRelease);
  }
}
