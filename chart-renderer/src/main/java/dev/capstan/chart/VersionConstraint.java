package dev.capstan.chart;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A version range as Chart.yaml's {@code kubeVersion} is written (the Masterminds/semver syntax
 * Helm uses): alternatives separated by {@code ||}, each a list of comparisons joined by spaces or
 * commas ({@code >=1.19.0-0 <1.32}), with {@code = != > < >= <= ~ ^}, wildcards ({@code 1.2.x})
 * and hyphen ranges ({@code 1.2 - 1.4}). Pre-release versions are ordered by SemVer precedence
 * and match like any other version (more lenient than Helm, which needs a {@code -0} bound).
 */
public final class VersionConstraint {
  private static final Pattern TERM = Pattern.compile("(!=|>=|<=|=|>|<|~>|~|\\^)?\\s*v?([0-9xX*]+(?:\\.[0-9xX*]+){0,2}(?:-[0-9A-Za-z-.]+)?(?:\\+[0-9A-Za-z-.]+)?)");
  private static final Pattern HYPHEN = Pattern.compile("(\\S+)\\s+-\\s+(\\S+)");

  private record Bound(String op, SemVer version) {
    boolean test(SemVer v) {
      int c = v.compareTo(version);
      return switch (op) {
        case "=" -> c == 0;
        case "!=" -> c != 0;
        case ">" -> c > 0;
        case "<" -> c < 0;
        case ">=" -> c >= 0;
        default -> c <= 0;
      };
    }
  }

  private final String text;
  private final List<List<Bound>> alternatives;

  private VersionConstraint(String text, List<List<Bound>> alternatives) {
    this.text = text;
    this.alternatives = alternatives;
  }

  /** Parses {@code text}, or returns empty when it is not a constraint. */
  public static Optional<VersionConstraint> parse(String text) {
    List<List<Bound>> alternatives = new ArrayList<>();
    for (String alternative : text.split("\\|\\|")) {
      String a = HYPHEN.matcher(alternative.strip()).replaceAll(">=$1 <=$2");
      List<Bound> bounds = new ArrayList<>();
      for (String term : a.replace(",", " ").replaceAll("(!=|>=|<=|=|>|<|~>|~|\\^)\\s+", "$1").split("\\s+")) {
        if (term.isEmpty()) {
          continue;
        }
        Matcher m = TERM.matcher(term);
        if (!m.matches() || !expand(m.group(1) == null ? "=" : m.group(1), m.group(2), bounds)) {
          return Optional.empty();
        }
      }
      if (bounds.isEmpty()) {
        return Optional.empty();
      }
      alternatives.add(bounds);
    }
    return Optional.of(new VersionConstraint(text.strip(), alternatives));
  }

  /** Whether {@code version} satisfies the constraint. */
  public boolean allows(SemVer version) {
    for (List<Bound> bounds : alternatives) {
      if (bounds.stream().allMatch(b -> b.test(version))) {
        return true;
      }
    }
    return false;
  }

  private static boolean expand(String op, String version, List<Bound> out) {
    String[] parts = version.split("[-+]", 2)[0].split("\\.");
    String pre = version.contains("-") ? version.substring(version.indexOf('-') + 1).split("\\+")[0] : "";
    int fixed = 0;
    while (fixed < parts.length && parts[fixed].matches("\\d+")) {
      fixed++;
    }
    for (int i = fixed; i < parts.length; i++) {
      if (!parts[i].matches("[xX*]")) {
        return false;
      }
    }
    long major = fixed > 0 ? Long.parseLong(parts[0]) : 0;
    long minor = fixed > 1 ? Long.parseLong(parts[1]) : 0;
    long patch = fixed > 2 ? Long.parseLong(parts[2]) : 0;
    SemVer low = new SemVer(major, minor, patch, pre);
    if (fixed == 0) {
      out.add(new Bound(">=", new SemVer(0, 0, 0, "0")));
      return op.equals("=") || op.equals(">=") || op.equals("<=");
    }
    SemVer upper = switch (op) {
      case "~", "~>" -> fixed == 1 ? new SemVer(major + 1, 0, 0, "0") : new SemVer(major, minor + 1, 0, "0");
      case "^" -> major > 0 || fixed == 1 ? new SemVer(major + 1, 0, 0, "0")
          : minor > 0 || fixed == 2 ? new SemVer(0, minor + 1, 0, "0") : new SemVer(0, 0, patch + 1, "0");
      default -> fixed == 3 ? null : fixed == 2 ? new SemVer(major, minor + 1, 0, "0") : new SemVer(major + 1, 0, 0, "0");
    };
    if (op.equals("~") || op.equals("~>") || op.equals("^")) {
      out.add(new Bound(">=", low));
      out.add(new Bound("<", upper));
      return true;
    }
    if (upper == null) {
      out.add(new Bound(op, low));
      return true;
    }
    switch (op) {
      case "=" -> { out.add(new Bound(">=", low)); out.add(new Bound("<", upper)); }
      case ">" -> out.add(new Bound(">=", upper));
      case ">=" -> out.add(new Bound(">=", low));
      case "<" -> out.add(new Bound("<", low));
      case "<=" -> out.add(new Bound("<", upper));
      default -> { return false; } // != with a wildcard has no single meaning
    }
    return true;
  }

  @Override
  public String toString() {
    return text;
  }
}
