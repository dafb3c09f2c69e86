package dev.capstan.chart.gotemplate.sprig;

import static dev.capstan.chart.gotemplate.GoType.ANY;
import static dev.capstan.chart.gotemplate.GoType.INT;
import static dev.capstan.chart.gotemplate.GoType.STRING;

import dev.capstan.chart.gotemplate.GoFmt;
import dev.capstan.chart.gotemplate.GoFuncException;
import dev.capstan.chart.gotemplate.GoQuote;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Sprig's string functions (strings.go and the string entries of functions.go). */
final class StringFuncs {
  private StringFuncs() {}

  static void register(FuncTable t) {
    t.fn("hello", List.of(), a -> "Hello!");
    t.fn("trunc", List.of(INT, STRING), a -> trunc((Integer) a.get(0), (String) a.get(1)));
    t.fn("trim", List.of(STRING), a -> GoText.trimSpace(s(a, 0)));
    t.fn("upper", List.of(STRING), a -> GoText.mapRunes(s(a, 0), Character::toUpperCase));
    t.fn("lower", List.of(STRING), a -> GoText.mapRunes(s(a, 0), Character::toLowerCase));
    t.fn("title", List.of(STRING), a -> GoText.title(s(a, 0)));
    t.fn("substr", List.of(INT, INT, STRING), a -> substr(i(a, 0), i(a, 1), s(a, 2)));
    t.fn("repeat", List.of(INT, STRING), a -> GoText.repeat("repeat", s(a, 1), i(a, 0)));
    t.fn("trimall", List.of(STRING, STRING), a -> GoText.trim(s(a, 1), s(a, 0)));
    t.fn("trimAll", List.of(STRING, STRING), a -> GoText.trim(s(a, 1), s(a, 0)));
    t.fn("trimSuffix", List.of(STRING, STRING), a -> trimSuffix(s(a, 1), s(a, 0)));
    t.fn("trimPrefix", List.of(STRING, STRING), a -> trimPrefix(s(a, 1), s(a, 0)));
    t.fn("contains", List.of(STRING, STRING), a -> s(a, 1).contains(s(a, 0)));
    t.fn("hasPrefix", List.of(STRING, STRING), a -> s(a, 1).startsWith(s(a, 0)));
    t.fn("hasSuffix", List.of(STRING, STRING), a -> s(a, 1).endsWith(s(a, 0)));
    t.variadic("quote", List.of(), ANY, StringFuncs::quote);
    t.variadic("squote", List.of(), ANY, StringFuncs::squote);
    t.variadic("cat", List.of(), ANY, StringFuncs::cat);
    t.fn("indent", List.of(INT, STRING), a -> indent(i(a, 0), s(a, 1)));
    t.fn("nindent", List.of(INT, STRING), a -> "\n" + indent(i(a, 0), s(a, 1)));
    t.fn("replace", List.of(STRING, STRING, STRING), a -> replace(s(a, 2), s(a, 0), s(a, 1)));
    t.fn("plural", List.of(STRING, STRING, INT), a -> i(a, 2) == 1 ? s(a, 0) : s(a, 1));
    t.fn("toString", List.of(ANY), a -> Strval.of(a.get(0)));
    t.fn("toStrings", List.of(ANY), a -> Typed.strings(Strval.slice(a.get(0))));
    t.fn("join", List.of(STRING, ANY), a -> join(Strval.slice(a.get(1)), s(a, 0)));
    t.fn("splitList", List.of(STRING, STRING), a -> Typed.strings(Splits.split(s(a, 1), s(a, 0), -1)));
    t.fn("split", List.of(STRING, STRING), a -> Splits.indexed(Splits.split(s(a, 1), s(a, 0), -1)));
    t.fn(
        "splitn",
        List.of(STRING, INT, STRING),
        a -> Splits.indexed(Splits.split(s(a, 2), s(a, 0), i(a, 1))));
    t.fn("sortAlpha", List.of(ANY), a -> sortAlpha(a.get(0)));
  }

  static String s(List<Object> a, int i) {
    return (String) a.get(i);
  }

  static int i(List<Object> a, int i) {
    return (Integer) a.get(i);
  }

  /** Byte-indexed, as Go slices strings; a negative count keeps the end. */
  static String trunc(int c, String s) {
    String b = GoText.bytes(s);
    if (c < 0 && b.length() + c > 0) {
      return GoText.text(b.substring(b.length() + c));
    } else if (c >= 0 && b.length() > c) {
      return GoText.text(b.substring(0, c));
    }
    return s;
  }

  static String substr(int start, int end, String s) {
    String b = GoText.bytes(s);
    if (start < 0) {
      return GoText.text(slice(b, 0, end));
    } else if (end < 0 || end > b.length()) {
      return GoText.text(slice(b, start, b.length()));
    }
    return GoText.text(slice(b, start, end));
  }

  /** Go's s[lo:hi] with its runtime panic when out of range. */
  static String slice(String b, int lo, int hi) {
    if (hi < 0) {
      throw new GoFuncException("runtime error: slice bounds out of range [:" + hi + "]");
    } else if (hi > b.length()) {
      throw new GoFuncException(
          "runtime error: slice bounds out of range [:" + hi + "] with length " + b.length());
    } else if (lo < 0 || lo > hi) {
      throw new GoFuncException("runtime error: slice bounds out of range [" + lo + ":" + hi + "]");
    }
    return b.substring(lo, hi);
  }

  static String trimSuffix(String s, String suffix) {
    return s.endsWith(suffix) ? s.substring(0, s.length() - suffix.length()) : s;
  }

  static String trimPrefix(String s, String prefix) {
    return s.startsWith(prefix) ? s.substring(prefix.length()) : s;
  }

  private static String quote(List<Object> args) {
    List<String> out = new ArrayList<>();
    for (Object v : args) {
      if (v != null) {
        out.add(GoQuote.quote(Strval.of(v)));
      }
    }
    return String.join(" ", out);
  }

  private static String squote(List<Object> args) {
    List<String> out = new ArrayList<>();
    for (Object v : args) {
      if (v != null) {
        out.add("'" + GoFmt.sprint(v) + "'");
      }
    }
    return String.join(" ", out);
  }

  /** {@code fmt.Sprintf("%v %v ...", v...)} over the non-nil arguments. */
  private static String cat(List<Object> args) {
    List<String> out = new ArrayList<>();
    for (Object v : args) {
      if (v != null) {
        out.add(GoFmt.sprint(v));
      }
    }
    return String.join(" ", out);
  }

  static String indent(int spaces, String v) {
    if (spaces < 0) {
      throw new GoFuncException("strings: negative Repeat count");
    }
    long lines = v.chars().filter(c -> c == '\n').count() + 1;
    Limits.checkString("indent", v.length() + lines * spaces);
    String pad = " ".repeat(spaces);
    return pad + v.replace("\n", "\n" + pad);
  }

  /** Go's strings.Replace(src, old, new, -1), bounded before it grows. */
  static String replace(String src, String old, String repl) {
    long count;
    if (old.isEmpty()) {
      count = src.codePointCount(0, src.length()) + 1L;
    } else {
      count = 0;
      for (int at = src.indexOf(old); at >= 0; at = src.indexOf(old, at + old.length())) {
        count++;
      }
    }
    Limits.checkString("replace", src.length() + count * (repl.length() - old.length()));
    if (old.isEmpty()) {
      StringBuilder b = new StringBuilder(repl);
      src.codePoints().forEach(cp -> b.appendCodePoint(cp).append(repl));
      return b.toString();
    }
    return src.replace(old, repl);
  }

  static String join(List<Object> parts, String sep) {
    long size = 0;
    for (Object p : parts) {
      size += ((String) p).length() + sep.length();
    }
    Limits.checkString("join", size);
    StringBuilder b = new StringBuilder();
    for (int k = 0; k < parts.size(); k++) {
      if (k > 0) {
        b.append(sep);
      }
      b.append((String) parts.get(k));
    }
    return b.toString();
  }

  /** Sorted byte-wise, as Go compares strings (UTF-8 order, not UTF-16). */
  private static List<Object> sortAlpha(Object v) {
    if (!GoReflect.isSlice(v)) {
      return Typed.strings(List.of(Strval.of(v)));
    }
    List<Object> out = Strval.slice(v);
    out.sort((x, y) -> GoText.bytes((String) x).compareTo(GoText.bytes((String) y)));
    return Typed.strings(out);
  }

  static String lower(String s) {
    return s.toLowerCase(Locale.ROOT);
  }
}
