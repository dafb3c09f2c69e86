package dev.capstan.chart.gotemplate.sprig;

import dev.capstan.chart.gotemplate.GoFuncException;
import java.util.ArrayList;
import java.util.List;

/**
 * Masterminds/semver v3.3.0's constraints ({@code NewConstraint} and {@code Check}), as Sprig's
 * semverCompare uses them: {@code ||} of comma- or space-separated terms, hyphen ranges, x/* and
 * missing parts as wildcards, {@code ~ ^}, and a pre-release version matching only a term that
 * names a pre-release (hence charts' {@code >=1.19-0}). The patterns are Masterminds' own, run by
 * RE2/J as Go's regexp runs them.
 */
final class SemverConstraints {
  private static final String CV = "v?([0-9|x|X|\\*]+)(\\.[0-9|x|X|\\*]+)?(\\.[0-9|x|X|\\*]+)?"
      + "(-([0-9A-Za-z\\-]+(\\.[0-9A-Za-z\\-]+)*))?"
      + "(\\+([0-9A-Za-z\\-]+(\\.[0-9A-Za-z\\-]+)*))?";
  private static final String OPS = "=||!=|>|<|>=|=>|<=|=<|~|~>|\\^";
  private static final com.google.re2j.Pattern CONSTRAINT =
      com.google.re2j.Pattern.compile("^\\s*(" + OPS + ")\\s*(" + CV + ")\\s*$");
  private static final com.google.re2j.Pattern RANGE =
      com.google.re2j.Pattern.compile("\\s*(" + CV + ")\\s+-\\s+(" + CV + ")\\s*");
  private static final GoRegexp FIND = GoRegexp.compile("(" + OPS + ")\\s*(" + CV + ")");
  private static final com.google.re2j.Pattern VALID = com.google.re2j.Pattern.compile(
      "^(\\s*(" + OPS + ")\\s*(" + CV + ")\\s*)((?:\\s+|,\\s*)(" + OPS + ")\\s*(" + CV + ")\\s*)*$");

  private record Term(SemverVersion con, String orig, String op, boolean minorDirty,
      boolean dirty, boolean patchDirty) {}

  private final List<List<Term>> ors;

  private SemverConstraints(List<List<Term>> ors) {
    this.ors = ors;
  }

  static SemverConstraints parse(String c) {
    c = rewriteRange(c);
    List<List<Term>> ors = new ArrayList<>();
    for (String v : c.split("\\|\\|", -1)) {
      if (!VALID.matcher(v).find()) {
        throw new GoFuncException("improper constraint: " + v);
      }
      List<Object> cs = FIND.findAll(v, -1);
      if (cs.isEmpty()) {
        cs = List.of(v);
      }
      List<Term> and = new ArrayList<>();
      for (Object s : cs) {
        and.add(term((String) s));
      }
      ors.add(and);
    }
    return new SemverConstraints(ors);
  }

  private static String rewriteRange(String i) {
    com.google.re2j.Matcher m = RANGE.matcher(i);
    List<String[]> found = new ArrayList<>();
    while (m.find()) {
      found.add(new String[] {m.group(), m.group(1), m.group(11)});
    }
    String o = i;
    for (String[] f : found) {
      String t = ">= " + f[1] + ", <= " + f[2] + " ";
      int at = o.indexOf(f[0]);
      o = o.substring(0, at) + t + o.substring(at + f[0].length());
    }
    return o;
  }

  private static Term term(String c) {
    if (c.isEmpty()) {
      return new Term(new SemverVersion(0, 0, 0, "", "", "0.0.0"), c, "", false, true, false);
    }
    com.google.re2j.Matcher m = CONSTRAINT.matcher(c);
    if (!m.find()) {
      throw new GoFuncException("improper constraint: " + c);
    }
    String g3 = nz(m.group(3));
    String g4 = nz(m.group(4));
    String g5 = nz(m.group(5));
    String g6 = nz(m.group(6));
    String ver = m.group(2);
    boolean minorDirty = false;
    boolean patchDirty = false;
    boolean dirty = false;
    if (isX(g3) || g3.isEmpty()) {
      ver = "0.0.0" + g6;
      dirty = true;
    } else if (isX(trimDot(g4)) || g4.isEmpty()) {
      minorDirty = true;
      dirty = true;
      ver = g3 + ".0.0" + g6;
    } else if (isX(trimDot(g5)) || g5.isEmpty()) {
      dirty = true;
      patchDirty = true;
      ver = g3 + g4 + ".0" + g6;
    }
    SemverVersion con;
    try {
      con = SemverVersion.parse(ver);
    } catch (GoFuncException e) {
      throw new GoFuncException("constraint Parser Error");
    }
    return new Term(con, m.group(2), m.group(1), minorDirty, dirty, patchDirty);
  }

  private static String nz(String s) {
    return s == null ? "" : s;
  }

  private static String trimDot(String s) {
    return s.startsWith(".") ? s.substring(1) : s;
  }

  private static boolean isX(String x) {
    return x.equals("x") || x.equals("*") || x.equals("X");
  }

  boolean check(SemverVersion v) {
    for (List<Term> and : ors) {
      boolean joy = true;
      for (Term t : and) {
        if (!check(v, t)) {
          joy = false;
          break;
        }
      }
      if (joy) {
        return true;
      }
    }
    return false;
  }

  private static boolean check(SemverVersion v, Term c) {
    boolean preExcluded = !v.pre().isEmpty() && c.con.pre().isEmpty();
    return switch (c.op) {
      case "", "=" -> !preExcluded && (c.dirty ? tilde(v, c) : v.compareTo(c.con) == 0);
      case "!=" -> notEqual(v, c);
      case ">" -> !preExcluded && greaterThan(v, c);
      case "<" -> !preExcluded && v.compareTo(c.con) < 0;
      case ">=", "=>" -> !preExcluded && v.compareTo(c.con) >= 0;
      case "<=", "=<" -> !preExcluded && lessThanEqual(v, c);
      case "~", "~>" -> !preExcluded && tilde(v, c);
      default -> !preExcluded && caret(v, c);
    };
  }

  private static boolean notEqual(SemverVersion v, Term c) {
    if (c.dirty) {
      if (!v.pre().isEmpty() && c.con.pre().isEmpty()) {
        return false;
      }
      if (c.con.major() != v.major()) {
        return true;
      }
      if (c.con.minor() != v.minor() && !c.minorDirty) {
        return true;
      } else if (c.minorDirty) {
        return false;
      } else if (c.con.patch() != v.patch() && !c.patchDirty) {
        return true;
      } else if (c.patchDirty) {
        if (!v.pre().isEmpty() || !c.con.pre().isEmpty()) {
          return SemverVersion.comparePrerelease(v.pre(), c.con.pre()) != 0;
        }
        return false;
      }
    }
    return v.compareTo(c.con) != 0;
  }

  private static boolean greaterThan(SemverVersion v, Term c) {
    if (!c.dirty) {
      return v.compareTo(c.con) == 1;
    }
    if (Long.compareUnsigned(v.major(), c.con.major()) > 0) {
      return true;
    } else if (Long.compareUnsigned(v.major(), c.con.major()) < 0 || c.minorDirty) {
      return false;
    } else if (c.patchDirty) {
      return Long.compareUnsigned(v.minor(), c.con.minor()) > 0;
    }
    return v.compareTo(c.con) == 1;
  }

  private static boolean lessThanEqual(SemverVersion v, Term c) {
    if (!c.dirty) {
      return v.compareTo(c.con) <= 0;
    }
    if (Long.compareUnsigned(v.major(), c.con.major()) > 0) {
      return false;
    }
    return !(v.major() == c.con.major() && Long.compareUnsigned(v.minor(), c.con.minor()) > 0
        && !c.minorDirty);
  }

  private static boolean tilde(SemverVersion v, Term c) {
    if (!v.pre().isEmpty() && c.con.pre().isEmpty() || v.compareTo(c.con) < 0) {
      return false;
    }
    if (c.con.major() == 0 && c.con.minor() == 0 && c.con.patch() == 0 && !c.minorDirty
        && !c.patchDirty) {
      return true;
    }
    if (v.major() != c.con.major()) {
      return false;
    }
    return v.minor() == c.con.minor() || c.minorDirty;
  }

  private static boolean caret(SemverVersion v, Term c) {
    if (v.compareTo(c.con) < 0) {
      return false;
    }
    if (c.con.major() != 0 || c.minorDirty) {
      return v.major() == c.con.major();
    }
    if (v.major() != 0) {
      return false;
    }
    if (c.con.minor() != 0 || c.patchDirty) {
      return v.minor() == c.con.minor();
    }
    if (v.minor() != 0) {
      return false;
    }
    return c.con.patch() == v.patch();
  }
}
