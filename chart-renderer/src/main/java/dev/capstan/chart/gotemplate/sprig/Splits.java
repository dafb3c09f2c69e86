package dev.capstan.chart.gotemplate.sprig;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Go's {@code strings.SplitN} and Sprig's {@code _0, _1...} maps built from it. */
final class Splits {
  private Splits() {}

  /** Go's strings.SplitN(s, sep, n): n < 0 all parts, n == 0 none, an empty sep splits runes. */
  static List<Object> split(String s, String sep, int n) {
    List<Object> out = new ArrayList<>();
    if (n == 0) {
      return out;
    }
    if (sep.isEmpty()) {
      int[] cps = s.codePoints().toArray();
      int parts = n < 0 || n > cps.length ? cps.length : n;
      Limits.checkList("split", parts);
      int at = 0;
      for (int k = 0; k < parts - 1; k++) {
        out.add(new String(cps, k, 1));
        at += Character.charCount(cps[k]);
      }
      if (parts > 0) {
        out.add(s.substring(at));
      }
      return out;
    }
    int start = 0;
    while (n < 0 || out.size() < n - 1) {
      int at = s.indexOf(sep, start);
      if (at < 0) {
        break;
      }
      out.add(s.substring(start, at));
      Limits.checkList("split", out.size());
      start = at + sep.length();
    }
    out.add(s.substring(start));
    return out;
  }

  /** Sprig's map[string]string with keys _0, _1, ... */
  static Map<String, Object> indexed(List<Object> parts) {
    Map<String, Object> out = new LinkedHashMap<>();
    for (int k = 0; k < parts.size(); k++) {
      out.put("_" + k, parts.get(k));
    }
    return Typed.stringMap(out);
  }
}
