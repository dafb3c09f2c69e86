package dev.capstan.core.semver;

import dev.capstan.core.semver.Comparison.Bound;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A version range in the Masterminds/semver syntax Helm charts use, a superset of npm's: alternatives
 * separated by {@code ||}, each a list of comparisons joined by spaces or commas
 * ({@code >=1.19.0-0 <1.32}), with {@code = != > < >= <= ~ ~> ^}, wildcards ({@code 1.2.x},
 * {@code *}), a leading {@code v}, and hyphen ranges ({@code 1.2 - 1.4}). The {@link RangeDialect}
 * says what partial versions and pre-releases mean.
 */
public final class SemVerRange {
  private static final Pattern HYPHEN = Pattern.compile("(\\S+)\\s+-\\s+(\\S+)");
  private static final Pattern OPERATOR_SPACE = Pattern.compile("(!=|>=|<=|=|>|<|~>|~|\\^)\\s+");

  private final String text;
  private final List<List<Bound>> alternatives;
  private final boolean preReleasesMatch;

  private SemVerRange(String text, List<List<Bound>> alternatives, boolean preReleasesMatch) {
    this.text = text;
    this.alternatives = alternatives;
    this.preReleasesMatch = preReleasesMatch;
  }

  /** Parses {@code text}, or throws naming the term at fault. */
  public static SemVerRange parse(String text, RangeDialect dialect) {
    List<List<Bound>> alternatives = new ArrayList<>();
    boolean namesPreRelease = false;
    for (String alternative : text.split("\\|\\|", -1)) {
      String a = HYPHEN.matcher(alternative.strip()).replaceAll(">=$1 <=$2").replace(',', ' ');
      List<Bound> bounds = new ArrayList<>();
      int terms = 0;
      for (String term : OPERATOR_SPACE.matcher(a).replaceAll("$1").split("\\s+")) {
        if (!term.isEmpty()) {
          namesPreRelease |= !Comparison.parse(term, text, dialect, bounds).preRelease().isEmpty();
          terms++;
        }
      }
      if (terms == 0) {
        throw new InvalidRangeException(text, "empty semver range \"" + text + "\"");
      }
      alternatives.add(List.copyOf(bounds));
    }
    return new SemVerRange(text, List.copyOf(alternatives), namesPreRelease || !dialect.preReleasesOnlyWhenNamed());
  }

  /** As {@link #parse}, with empty for text that is not a range. */
  public static Optional<SemVerRange> tryParse(String text, RangeDialect dialect) {
    try {
      return Optional.of(parse(text, dialect));
    } catch (InvalidRangeException e) {
      return Optional.empty();
    }
  }

  /** Whether {@code version} satisfies one of the alternatives. */
  public boolean matches(SemVer version) {
    if (version.isPreRelease() && !preReleasesMatch) {
      return false;
    }
    return alternatives.stream().anyMatch(bounds -> bounds.stream().allMatch(b -> b.test(version)));
  }

  @Override
  public String toString() {
    return text;
  }
}
