package dev.capstan.git.resolve;

import dev.capstan.core.semver.InvalidRangeException;
import dev.capstan.core.semver.RangeDialect;
import dev.capstan.core.semver.SemVerRange;
import dev.capstan.git.source.InvalidSourceException;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A source's {@code ref} field, classified. {@code main} is looked up as a branch, then as a tag;
 * {@code refs/heads/x} and {@code refs/tags/x} are taken as written; 40 hex digits are a commit;
 * a value starting with a comparison ({@code >=1.2.0 <2}, {@code ^1.4}, {@code ~2.0}) or with
 * {@code semver:} is a semver range over tags, read as {@link RangeDialect#GIT_TAGS}.
 */
public record RefQuery(Kind kind, String value) {

  public enum Kind { NAME, FULL_REF, COMMIT, SEMVER }

  private static final Pattern SHA1 = Pattern.compile("[0-9a-fA-F]{40}");

  public static RefQuery parse(String ref) {
    String r = ref.trim();
    if (SHA1.matcher(r).matches()) {
      return new RefQuery(Kind.COMMIT, r.toLowerCase(Locale.ROOT));
    }
    if (r.startsWith("semver:")) {
      return semver(r.substring("semver:".length()).trim());
    }
    if (r.startsWith(">") || r.startsWith("<") || r.startsWith("=") || r.startsWith("^") || r.startsWith("~")) {
      return semver(r);
    }
    if (r.startsWith("refs/")) {
      return new RefQuery(Kind.FULL_REF, r);
    }
    return new RefQuery(Kind.NAME, r);
  }

  private static RefQuery semver(String range) {
    semverRange(range);
    return new RefQuery(Kind.SEMVER, range);
  }

  /** The tag range a {@link Kind#SEMVER} query means. */
  static SemVerRange semverRange(String range) {
    try {
      return SemVerRange.parse(range, RangeDialect.GIT_TAGS);
    } catch (InvalidRangeException e) {
      throw invalid(e.getMessage());
    }
  }

  /** Ref prefixes to ask the server for (protocol v2 {@code ref-prefix}), so big repos answer small. */
  public List<String> advertisementPrefixes() {
    return switch (kind) {
      case NAME -> List.of("refs/heads/" + value, "refs/tags/" + value);
      case FULL_REF -> List.of(value);
      case COMMIT -> List.of("refs/heads/", "refs/tags/");
      case SEMVER -> List.of("refs/tags/");
    };
  }

  static InvalidSourceException invalid(String message) {
    return new InvalidSourceException("ref", message);
  }
}
