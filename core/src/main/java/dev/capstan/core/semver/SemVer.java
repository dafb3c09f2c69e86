package dev.capstan.core.semver;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Semantic Version 2.0 number, ordered by SemVer precedence: numeric parts first, then a
 * pre-release below its release, its identifiers compared one by one (numbers numerically and below
 * words, words in ASCII order, a shorter list first). Build metadata is dropped: it has no precedence.
 *
 * <p>Three readings, because callers are given versions written three ways: {@link #parse} is strict
 * (a Chart.yaml {@code version}); {@link #parseLoose} also takes a leading {@code v} and missing minor
 * or patch, read as 0 (Kubernetes versions such as {@code v1.31}, Sprig's {@code semverCompare});
 * {@link #parseTag} takes the {@code v} but wants all three numbers (a Git tag that names a release).
 */
public record SemVer(long major, long minor, long patch, String preRelease) implements Comparable<SemVer> {
  private static final String IDENTIFIERS = "[0-9A-Za-z-]+(?:\\.[0-9A-Za-z-]+)*";
  private static final Pattern STRICT = Pattern.compile("(0|[1-9]\\d*)\\.(0|[1-9]\\d*)\\.(0|[1-9]\\d*)"
      + "(?:-(" + IDENTIFIERS + "))?(?:\\+" + IDENTIFIERS + ")?");
  private static final Pattern LOOSE = Pattern.compile(
      "v?(\\d+)(?:\\.(\\d+))?(?:\\.(\\d+))?(?:-(" + IDENTIFIERS + "))?(?:\\+[0-9A-Za-z-.]+)?");

  public SemVer {
    preRelease = preRelease == null ? "" : preRelease;
  }

  /** Strict SemVer 2.0: three numbers without leading zeros, no {@code v}. */
  public static Optional<SemVer> parse(String text) {
    return match(STRICT, text, 3);
  }

  /** A leading {@code v}, leading zeros and missing minor/patch (read as 0) are accepted. */
  public static Optional<SemVer> parseLoose(String text) {
    return match(LOOSE, text, 1);
  }

  /** As {@link #parseLoose}, but a tag missing its minor or patch ({@code v1}, {@code 2.0}) is not a version. */
  public static Optional<SemVer> parseTag(String text) {
    return match(LOOSE, text, 3);
  }

  private static Optional<SemVer> match(Pattern pattern, String text, int partsRequired) {
    if (text == null) {
      return Optional.empty();
    }
    Matcher m = pattern.matcher(text.strip());
    if (!m.matches() || partsRequired > 1 && m.group(2) == null || partsRequired > 2 && m.group(3) == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(new SemVer(Long.parseLong(m.group(1)), number(m.group(2)), number(m.group(3)),
          m.group(4)));
    } catch (NumberFormatException tooBig) {
      return Optional.empty();
    }
  }

  private static long number(String group) {
    return group == null ? 0 : Long.parseLong(group);
  }

  public boolean isPreRelease() {
    return !preRelease.isEmpty();
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
    String[] x = a.split("\\.", -1);
    String[] y = b.split("\\.", -1);
    for (int i = 0; i < Math.min(x.length, y.length); i++) {
      int c = compareIdentifier(x[i], y[i]);
      if (c != 0) {
        return c;
      }
    }
    return Integer.compare(x.length, y.length);
  }

  private static int compareIdentifier(String x, String y) {
    boolean xn = !x.isEmpty() && x.chars().allMatch(ch -> ch >= '0' && ch <= '9');
    boolean yn = !y.isEmpty() && y.chars().allMatch(ch -> ch >= '0' && ch <= '9');
    if (xn && yn) {
      // compared as digit strings so identifiers longer than a long still order numerically
      String xs = x.replaceFirst("^0+(?=.)", "");
      String ys = y.replaceFirst("^0+(?=.)", "");
      return xs.length() != ys.length() ? Integer.compare(xs.length(), ys.length()) : xs.compareTo(ys);
    }
    return xn != yn ? (xn ? -1 : 1) : x.compareTo(y);
  }

  @Override
  public String toString() {
    return major + "." + minor + "." + patch + (preRelease.isEmpty() ? "" : "-" + preRelease);
  }
}
