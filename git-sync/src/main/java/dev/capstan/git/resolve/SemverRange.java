package dev.capstan.git.resolve;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * A range such as {@code >=1.2.0 <2}, {@code ^1.4}, {@code ~2.0.1}, {@code 1.x} or {@code =1.0.0}. Space-separated
 * comparators must all hold; {@code ||} separates alternatives. Pre-releases match only when the
 * range names a pre-release itself, as in npm and Flux.
 */
public final class SemverRange {
  private final String text;
  private final List<List<Predicate<Semver>>> alternatives;
  private final boolean allowsPreRelease;

  private SemverRange(String text, List<List<Predicate<Semver>>> alternatives, boolean allowsPreRelease) {
    this.text = text;
    this.alternatives = alternatives;
    this.allowsPreRelease = allowsPreRelease;
  }

  public static SemverRange parse(String text) {
    List<List<Predicate<Semver>>> alternatives = new ArrayList<>();
    boolean pre = text.contains("-");
    for (String alt : text.split("\\|\\|")) {
      List<Predicate<Semver>> all = new ArrayList<>();
      for (String token : alt.trim().replaceAll("(>=|<=|>|<|=|\\^|~)\\s+", "$1").split("\\s+")) {
        if (!token.isEmpty()) {
          all.add(comparator(token, text));
        }
      }
      if (all.isEmpty()) {
        throw RefQuery.invalid("empty semver range \"" + text + "\"");
      }
      alternatives.add(all);
    }
    return new SemverRange(text, alternatives, pre);
  }

  private static Predicate<Semver> comparator(String token, String whole) {
    String op = token.startsWith(">=") || token.startsWith("<=") ? token.substring(0, 2)
        : ">=<^~".indexOf(token.charAt(0)) >= 0 ? token.substring(0, 1) : "=";
    String written = op.equals("=") && !token.startsWith("=") ? token : token.substring(op.length());
    String rest = written.replaceAll("(\\.[xX*])+$", "");
    if (rest.equals("*") || rest.equalsIgnoreCase("x")) {
      return s -> true;
    }
    Semver.PartialVersion pv = Semver.partial(rest).orElseThrow(() ->
        RefQuery.invalid("\"" + rest + "\" in semver range \"" + whole + "\" is not a version"));
    Semver v = pv.version();
    return switch (op) {
      case ">=" -> s -> s.compareTo(v) >= 0;
      case "<=" -> s -> s.compareTo(v) <= 0;
      case ">" -> s -> s.compareTo(v) > 0;
      case "<" -> s -> s.compareTo(v) < 0;
      case "^" -> s -> s.compareTo(v) >= 0 && s.compareTo(caretUpper(v)) < 0;
      case "~" -> s -> s.compareTo(v) >= 0 && s.compareTo(tildeUpper(pv)) < 0;
      default -> pv.parts() == 3 ? s -> s.compareTo(v) == 0 : s -> s.compareTo(v) >= 0 && s.compareTo(next(pv)) < 0;
    };
  }

  private static Semver caretUpper(Semver v) {
    if (v.major() > 0) {
      return new Semver(v.major() + 1, 0, 0, "0");
    }
    return v.minor() > 0 ? new Semver(0, v.minor() + 1, 0, "0") : new Semver(0, 0, v.patch() + 1, "0");
  }

  private static Semver tildeUpper(Semver.PartialVersion pv) {
    Semver v = pv.version();
    return pv.parts() == 1 ? new Semver(v.major() + 1, 0, 0, "0") : new Semver(v.major(), v.minor() + 1, 0, "0");
  }

  private static Semver next(Semver.PartialVersion pv) {
    Semver v = pv.version();
    return pv.parts() == 1 ? new Semver(v.major() + 1, 0, 0, "0") : new Semver(v.major(), v.minor() + 1, 0, "0");
  }

  public boolean matches(Semver version) {
    if (version.isPreRelease() && !allowsPreRelease) {
      return false;
    }
    return alternatives.stream().anyMatch(all -> all.stream().allMatch(p -> p.test(version)));
  }

  @Override
  public String toString() {
    return text;
  }
}
