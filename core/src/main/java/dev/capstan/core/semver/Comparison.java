package dev.capstan.core.semver;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** One term of a range ({@code >=1.2}, {@code ~1.4.x}, {@code 2}), turned into plain bounds. */
final class Comparison {
  private static final Pattern TERM = Pattern.compile("(!=|>=|<=|=|>|<|~>|~|\\^)?\\s*v?"
      + "(\\d+|[xX*])(?:\\.(\\d+|[xX*]))?(?:\\.(\\d+|[xX*]))?(?:-([0-9A-Za-z-.]+))?(?:\\+[0-9A-Za-z-.]+)?");
  private static final Pattern OPERATOR = Pattern.compile("^(!=|>=|<=|=|>|<|~>|~|\\^)?");

  /** A version compared with an operator other than {@code ~ ^}, to which every term reduces. */
  record Bound(String op, SemVer version) {
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

  /** The version of a term: {@code fixed} counts the numbers written before any wildcard or gap. */
  record Written(long major, long minor, long patch, String preRelease, int fixed) {
    SemVer low() {
      return new SemVer(major, minor, patch, preRelease);
    }

    /** The lowest version past everything {@code fixed} parts admit ({@code 1.2} gives {@code 1.3.0-0}). */
    SemVer next() {
      return fixed == 1 ? new SemVer(major + 1, 0, 0, "0") : new SemVer(major, minor + 1, 0, "0");
    }
  }

  private Comparison() {}

  /** Appends the term's bounds to {@code out} (none when it admits every version). */
  static Written parse(String term, String range, RangeDialect dialect, List<Bound> out) {
    Matcher m = TERM.matcher(term);
    Written w = m.matches() ? written(m) : null;
    if (w == null) {
      throw new InvalidRangeException(range, "\"" + OPERATOR.matcher(term).replaceFirst("")
          + "\" in semver range \"" + range + "\" is not a version");
    }
    String op = m.group(1) == null ? "=" : m.group(1);
    if (!expand(op, w, dialect, out)) {
      throw new InvalidRangeException(range, "\"" + term + "\" in semver range \"" + range
          + "\" has no single meaning with a wildcard");
    }
    return w;
  }

  private static Written written(Matcher m) {
    long[] parts = new long[3];
    int fixed = 0;
    for (int i = 0; i < 3; i++) {
      String part = m.group(i + 2);
      boolean number = part != null && Character.isDigit(part.charAt(0));
      if (number && fixed < i) {
        return null; // a number after a wildcard, as in 1.x.3
      }
      try {
        parts[i] = number ? Long.parseLong(part) : 0;
      } catch (NumberFormatException tooBig) {
        return null;
      }
      fixed += number ? 1 : 0;
    }
    return new Written(parts[0], parts[1], parts[2], m.group(5) == null ? "" : m.group(5), fixed);
  }

  private static boolean expand(String op, Written w, RangeDialect dialect, List<Bound> out) {
    boolean wildcards = dialect.missingPartsAreWildcards();
    if (w.fixed() == 0) {
      return op.equals("=") || op.equals(">=") || op.equals("<=") || !wildcards && !op.equals("!=");
    }
    SemVer low = w.low();
    boolean partial = w.fixed() < 3;
    switch (op) {
      case "~", "~>" -> range(low, w.next(), out);
      case "^" -> range(low, caretUpper(w, wildcards), out);
      case "=" -> {
        if (partial) {
          range(low, w.next(), out);
        } else {
          out.add(new Bound("=", low));
        }
      }
      case "!=" -> {
        if (partial) {
          return false;
        }
        out.add(new Bound("!=", low));
      }
      case ">" -> out.add(partial && wildcards ? new Bound(">=", w.next()) : new Bound(">", low));
      case "<=" -> out.add(partial && wildcards ? new Bound("<", w.next()) : new Bound("<=", low));
      default -> out.add(new Bound(op, low)); // >= and <
    }
    return true;
  }

  private static void range(SemVer low, SemVer upper, List<Bound> out) {
    out.add(new Bound(">=", low));
    out.add(new Bound("<", upper));
  }

  /** {@code ^} keeps the left-most non-zero part; a missing part counts as non-zero only as a wildcard. */
  private static SemVer caretUpper(Written w, boolean wildcards) {
    if (w.major() > 0 || wildcards && w.fixed() == 1) {
      return new SemVer(w.major() + 1, 0, 0, "0");
    }
    if (w.minor() > 0 || wildcards && w.fixed() == 2) {
      return new SemVer(0, w.minor() + 1, 0, "0");
    }
    return new SemVer(0, 0, w.patch() + 1, "0");
  }
}
