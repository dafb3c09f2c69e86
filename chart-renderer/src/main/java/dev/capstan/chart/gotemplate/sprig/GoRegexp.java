package dev.capstan.chart.gotemplate.sprig;

import com.google.re2j.Matcher;
import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;
import dev.capstan.chart.gotemplate.GoFuncException;
import dev.capstan.chart.gotemplate.GoQuote;
import java.util.ArrayList;
import java.util.List;

/**
 * Go's regexp on RE2/J, which shares its syntax and its linear-time guarantee (no catastrophic
 * backtracking on untrusted patterns). Go's rules for iterating matches (no empty match right after
 * a match) and its {@code $1}/{@code ${name}} expansion are restated here, since RE2/J follows
 * java.util.regex there.
 */
final class GoRegexp {
  private final Pattern pattern;
  private final String expr;

  private GoRegexp(Pattern pattern, String expr) {
    this.pattern = pattern;
    this.expr = expr;
  }

  /**
   * Compiled patterns, since templates call regex functions in loops with the same pattern. Small
   * and bounded: a template cannot grow it past {@link #CACHE_SIZE} entries.
   */
  private static final int CACHE_SIZE = 256;

  private static final java.util.Map<String, GoRegexp> CACHE =
      java.util.Collections.synchronizedMap(new java.util.LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(java.util.Map.Entry<String, GoRegexp> e) {
          return size() > CACHE_SIZE;
        }
      });

  /** regexp.Compile; the error as Go words it. */
  static GoRegexp compile(String expr) {
    GoRegexp cached = CACHE.get(expr);
    if (cached != null) {
      return cached;
    }
    try {
      GoRegexp r = new GoRegexp(Pattern.compile(expr), expr);
      if (expr.length() <= 1024) {
        CACHE.put(expr, r);
      }
      return r;
    } catch (PatternSyntaxException e) {
      throw new GoFuncException(e.getMessage());
    }
  }

  /** regexp.MustCompile, whose panic names the pattern. */
  static GoRegexp mustCompile(String expr) {
    try {
      return compile(expr);
    } catch (GoFuncException e) {
      String quoted = canBackquote(expr) ? "`" + expr + "`" : GoQuote.quote(expr);
      throw new GoFuncException("regexp: Compile(" + quoted + "): " + e.getMessage());
    }
  }

  private static boolean canBackquote(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '`' || c == '\ufeff' || c < ' ' && c != '\t' || c == 0x7f) {
        return false;
      }
    }
    return true;
  }

  boolean matches(String s) {
    return pattern.matcher(s).find();
  }

  /** Go's allMatches: [start, end] pairs, at most n (all when n < 0). */
  List<int[]> all(String s, int n) {
    int limit = n < 0 ? s.length() + 1 : n;
    List<int[]> out = new ArrayList<>();
    Matcher m = pattern.matcher(s);
    int pos = 0;
    int prevEnd = -1;
    while (out.size() < limit && pos <= s.length()) {
      if (!m.find(pos)) {
        break;
      }
      boolean accept = true;
      if (m.end() == pos) {
        if (m.start() == prevEnd) {
          accept = false;
        }
        pos += pos < s.length() ? Character.charCount(s.codePointAt(pos)) : 1;
      } else {
        pos = m.end();
      }
      prevEnd = m.end();
      if (accept) {
        out.add(new int[] {m.start(), m.end()});
        Limits.checkList("regex", out.size());
      }
    }
    return out;
  }

  String find(String s) {
    Matcher m = pattern.matcher(s);
    return m.find() ? m.group() : "";
  }

  /** Go returns a nil slice when nothing matches. */
  List<Object> findAll(String s, int n) {
    List<Object> out = new ArrayList<>();
    for (int[] m : all(s, n)) {
      out.add(s.substring(m[0], m[1]));
    }
    return out.isEmpty() ? Typed.nil("[]string") : Typed.strings(out);
  }

  /** Go's Regexp.Split. */
  List<Object> split(String s, int n) {
    List<Object> out = new ArrayList<>();
    if (n == 0) {
      return Typed.nil("[]string");
    }
    if (!expr.isEmpty() && s.isEmpty()) {
      out.add("");
      return Typed.strings(out);
    }
    int beg = 0;
    int end = 0;
    for (int[] m : all(s, n)) {
      if (n > 0 && out.size() == n - 1) {
        break;
      }
      end = m[0];
      if (m[1] != 0) {
        out.add(s.substring(beg, end));
      }
      beg = m[1];
    }
    if (end != s.length()) {
      out.add(s.substring(beg));
    }
    return Typed.strings(out);
  }

  /** Go's ReplaceAllString (literal false: $-expansion) or ReplaceAllLiteralString. */
  String replaceAll(String src, String repl, boolean literal) {
    StringBuilder b = new StringBuilder();
    Matcher m = pattern.matcher(src);
    int lastEnd = 0;
    int search = 0;
    while (search <= src.length()) {
      if (!m.find(search)) {
        break;
      }
      b.append(src, lastEnd, m.start());
      if (m.end() > lastEnd || m.start() == 0) {
        if (literal) {
          b.append(repl);
        } else {
          expand(b, repl, m);
        }
        Limits.checkString("regexReplaceAll", b.length());
      }
      lastEnd = m.end();
      int width = search < src.length() ? Character.charCount(src.codePointAt(search)) : 0;
      if (search + width > m.end()) {
        search += width;
      } else if (search + 1 > m.end()) {
        search++;
      } else {
        search = m.end();
      }
    }
    b.append(src.substring(lastEnd));
    return b.toString();
  }

  /** Go's Regexp.Expand: $1, $name (longest run of word chars), ${name}, $$. */
  private void expand(StringBuilder b, String template, Matcher m) {
    int i = 0;
    while (i < template.length()) {
      int d = template.indexOf('$', i);
      if (d < 0) {
        b.append(template, i, template.length());
        return;
      }
      b.append(template, i, d);
      i = d + 1;
      if (i < template.length() && template.charAt(i) == '$') {
        b.append('$');
        i++;
        continue;
      }
      String name;
      if (i < template.length() && template.charAt(i) == '{') {
        int close = template.indexOf('}', i + 1);
        name = close < 0 ? "" : template.substring(i + 1, close);
        if (close < 0 || name.isEmpty() || !isWord(name)) {
          b.append('$');
          continue;
        }
        i = close + 1;
      } else {
        int j = i;
        while (j < template.length() && isWordChar(template.charAt(j))) {
          j++;
        }
        if (j == i) {
          b.append('$');
          continue;
        }
        name = template.substring(i, j);
        i = j;
      }
      String group = group(m, name);
      if (group != null) {
        b.append(group);
      }
    }
  }

  private String group(Matcher m, String name) {
    if (name.chars().allMatch(Character::isDigit)) {
      if (name.length() > 9) {
        return null;
      }
      int n = Integer.parseInt(name);
      return n <= m.groupCount() ? m.group(n) : null;
    }
    try {
      return m.group(name);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private static boolean isWord(String s) {
    return s.chars().allMatch(c -> isWordChar((char) c));
  }

  private static boolean isWordChar(char c) {
    return c == '_' || c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z';
  }

  /** Go's regexp.QuoteMeta. */
  static String quoteMeta(String s) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if ("\\.+*?()|[]{}^$".indexOf(c) >= 0) {
        b.append('\\');
      }
      b.append(c);
    }
    return b.toString();
  }
}
