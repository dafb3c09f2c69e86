package dev.capstan.git.resolve;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A semantic version read from a tag name ({@code v1.2.3}, {@code 1.2.3-rc.1}). Build metadata is
 * ignored; a pre-release sorts before its release, compared identifier by identifier as SemVer 2.0 says.
 */
public record Semver(int major, int minor, int patch, String preRelease) implements Comparable<Semver> {
  private static final Pattern FORM =
      Pattern.compile("v?(\\d+)(?:\\.(\\d+))?(?:\\.(\\d+))?(?:-([0-9A-Za-z.-]+))?(?:\\+[0-9A-Za-z.-]+)?");

  /** Parses a full version as found in a tag; tags that are not versions give empty. */
  public static Optional<Semver> fromTag(String tag) {
    Matcher m = FORM.matcher(tag);
    if (!m.matches() || m.group(2) == null || m.group(3) == null) {
      return Optional.empty();
    }
    return Optional.of(of(m));
  }

  /** Parses a possibly partial version ({@code 2}, {@code 1.4}) as written in a range; missing parts are 0. */
  static Optional<PartialVersion> partial(String text) {
    Matcher m = FORM.matcher(text);
    if (!m.matches()) {
      return Optional.empty();
    }
    int parts = m.group(3) != null ? 3 : m.group(2) != null ? 2 : 1;
    return Optional.of(new PartialVersion(of(m), parts));
  }

  private static Semver of(Matcher m) {
    return new Semver(Integer.parseInt(m.group(1)),
        m.group(2) == null ? 0 : Integer.parseInt(m.group(2)),
        m.group(3) == null ? 0 : Integer.parseInt(m.group(3)),
        m.group(4) == null ? "" : m.group(4));
  }

  record PartialVersion(Semver version, int parts) {
  }

  public boolean isPreRelease() {
    return !preRelease.isEmpty();
  }

  @Override
  public int compareTo(Semver o) {
    int c = Integer.compare(major, o.major);
    if (c == 0) {
      c = Integer.compare(minor, o.minor);
    }
    if (c == 0) {
      c = Integer.compare(patch, o.patch);
    }
    return c != 0 ? c : comparePreRelease(preRelease, o.preRelease);
  }

  private static int comparePreRelease(String a, String b) {
    if (a.equals(b)) {
      return 0;
    }
    if (a.isEmpty() || b.isEmpty()) {
      return a.isEmpty() ? 1 : -1;
    }
    String[] x = a.split("\\.");
    String[] y = b.split("\\.");
    for (int i = 0; i < Math.min(x.length, y.length); i++) {
      boolean xn = x[i].chars().allMatch(Character::isDigit);
      boolean yn = y[i].chars().allMatch(Character::isDigit);
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
