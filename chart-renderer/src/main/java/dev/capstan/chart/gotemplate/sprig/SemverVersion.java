package dev.capstan.chart.gotemplate.sprig;

import dev.capstan.chart.gotemplate.GoFunc;
import dev.capstan.chart.gotemplate.GoFuncException;
import dev.capstan.chart.gotemplate.GoStruct;
import dev.capstan.chart.gotemplate.GoType;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Masterminds/semver v3.3.0's {@code *Version} as Sprig's {@code semver} returns it: loose parsing
 * (a {@code v}, missing minor or patch), its precedence order, and the methods a template calls
 * ({@code .Major}, {@code .Prerelease}...). Numbers are uint64 in Go and int64 here. Capstan's own
 * dev.capstan.core.semver reads pre-releases more leniently than Masterminds, so it is not used.
 */
record SemverVersion(long major, long minor, long patch, String pre, String metadata,
    String original) implements GoStruct, GoJson.Marshaler {
  private static final Pattern VERSION = Pattern.compile(
      "v?([0-9]+)(\\.[0-9]+)?(\\.[0-9]+)?(-([0-9A-Za-z\\-]+(\\.[0-9A-Za-z\\-]+)*))?"
          + "(\\+([0-9A-Za-z\\-]+(\\.[0-9A-Za-z\\-]+)*))?");

  /** semver.NewVersion; its error text on failure. */
  static SemverVersion parse(String v) {
    Matcher m = VERSION.matcher(v);
    if (!m.matches()) {
      throw new GoFuncException("Invalid Semantic Version");
    }
    long major = segment(m.group(1));
    long minor = m.group(2) == null ? 0 : segment(m.group(2).substring(1));
    long patch = m.group(3) == null ? 0 : segment(m.group(3).substring(1));
    String pre = m.group(5) == null ? "" : m.group(5);
    String meta = m.group(8) == null ? "" : m.group(8);
    for (String p : pre.isEmpty() ? new String[0] : pre.split("\\.", -1)) {
      if (p.chars().allMatch(Character::isDigit) && p.length() > 1 && p.charAt(0) == '0') {
        throw new GoFuncException("Version segment starts with 0");
      }
    }
    return new SemverVersion(major, minor, patch, pre, meta, v);
  }

  private static long segment(String s) {
    try {
      return Long.parseUnsignedLong(s);
    } catch (NumberFormatException e) {
      throw new GoFuncException("Error parsing version segment: strconv.ParseUint: parsing "
          + dev.capstan.chart.gotemplate.GoQuote.quote(s) + ": value out of range");
    }
  }

  int compareTo(SemverVersion o) {
    int d = Long.compareUnsigned(major, o.major);
    if (d == 0) {
      d = Long.compareUnsigned(minor, o.minor);
    }
    if (d == 0) {
      d = Long.compareUnsigned(patch, o.patch);
    }
    if (d != 0) {
      return Integer.signum(d);
    }
    if (pre.isEmpty() && o.pre.isEmpty()) {
      return 0;
    } else if (pre.isEmpty()) {
      return 1;
    } else if (o.pre.isEmpty()) {
      return -1;
    }
    return comparePrerelease(pre, o.pre);
  }

  static int comparePrerelease(String v, String o) {
    String[] s = v.split("\\.", -1);
    String[] t = o.split("\\.", -1);
    for (int i = 0; i < Math.max(s.length, t.length); i++) {
      int d = comparePart(i < s.length ? s[i] : "", i < t.length ? t[i] : "");
      if (d != 0) {
        return d;
      }
    }
    return 0;
  }

  private static int comparePart(String s, String o) {
    if (s.equals(o)) {
      return 0;
    } else if (s.isEmpty()) {
      return -1;
    } else if (o.isEmpty()) {
      return 1;
    }
    Long oi = unsigned(o);
    Long si = unsigned(s);
    if (oi == null && si == null) {
      return GoText.bytes(s).compareTo(GoText.bytes(o)) > 0 ? 1 : -1;
    } else if (oi == null) {
      return -1;
    } else if (si == null) {
      return 1;
    }
    return Long.compareUnsigned(si, oi) > 0 ? 1 : -1;
  }

  private static Long unsigned(String s) {
    if (s.isEmpty() || !s.chars().allMatch(c -> c >= '0' && c <= '9')) {
      return null;
    }
    try {
      return Long.parseUnsignedLong(s);
    } catch (NumberFormatException e) {
      return null;
    }
  }

  @Override
  public String toString() {
    return Long.toUnsignedString(major) + "." + Long.toUnsignedString(minor) + "."
        + Long.toUnsignedString(patch) + (pre.isEmpty() ? "" : "-" + pre)
        + (metadata.isEmpty() ? "" : "+" + metadata);
  }

  @Override
  public String goTypeName() {
    return "*semver.Version";
  }

  private static final List<String> METHODS = List.of("Major", "Minor", "Patch", "Prerelease",
      "Metadata", "Original", "String", "Compare", "LessThan", "GreaterThan", "Equal");

  @Override
  public boolean has(String name) {
    return METHODS.contains(name);
  }

  @Override
  public Object field(String name) {
    throw new IllegalArgumentException("*semver.Version has no field " + name);
  }

  @Override
  public GoFunc method(String name) {
    return switch (name) {
      case "Major" -> GoFunc.of(name, List.of(), a -> major);
      case "Minor" -> GoFunc.of(name, List.of(), a -> minor);
      case "Patch" -> GoFunc.of(name, List.of(), a -> patch);
      case "Prerelease" -> GoFunc.of(name, List.of(), a -> pre);
      case "Metadata" -> GoFunc.of(name, List.of(), a -> metadata);
      case "Original" -> GoFunc.of(name, List.of(), a -> original);
      case "String" -> GoFunc.of(name, List.of(), a -> toString());
      case "Compare" -> GoFunc.of(name, List.of(GoType.ANY), a -> compareTo(other(a)));
      case "LessThan" -> GoFunc.of(name, List.of(GoType.ANY), a -> compareTo(other(a)) < 0);
      case "GreaterThan" -> GoFunc.of(name, List.of(GoType.ANY), a -> compareTo(other(a)) > 0);
      case "Equal" -> GoFunc.of(name, List.of(GoType.ANY), a -> compareTo(other(a)) == 0);
      default -> null;
    };
  }

  private static SemverVersion other(List<Object> a) {
    if (a.get(0) instanceof SemverVersion v) {
      return v;
    }
    throw new GoFuncException("wrong type for value; expected *semver.Version; got "
        + GoNames.typeName(a.get(0)));
  }

  @Override
  public String format() {
    return toString();
  }

  @Override
  public Object jsonValue() {
    return toString();
  }
}
