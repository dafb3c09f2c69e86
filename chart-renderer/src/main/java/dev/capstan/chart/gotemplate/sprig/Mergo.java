package dev.capstan.chart.gotemplate.sprig;

import dev.capstan.chart.gotemplate.GoFuncException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * dario.cat/mergo v1.0.1's Merge and MergeWithOverwrite on map[string]interface{}, as Sprig's
 * {@code merge} and {@code mergeOverwrite} call them. The rules are mergo's, quirks included:
 * nested maps merge in place; a list is never merged element-wise (an existing non-empty list is
 * kept without overwrite); without overwrite, a key is
 * filled only when missing or empty ({@code ""}, 0, false, nil, empty list or map); with overwrite,
 * any non-nil source scalar wins, even an empty one, and a nil source value clears the key.
 */
final class Mergo {
  private Mergo() {}

  static void merge(Map<String, Object> dst, Map<String, Object> src, boolean overwrite) {
    merge(dst, src, overwrite, 0, new Walk(overwrite ? "mergeOverwrite" : "merge"));
  }

  private static void merge(Map<String, Object> dst, Map<String, Object> src, boolean overwrite,
      int depth, Walk walk) {
    Depth.check(depth);
    for (String key : new ArrayList<>(src.keySet())) {
      walk.visit();
      Object s = src.get(key);
      boolean dstHas = dst.containsKey(key);
      Object d = dst.get(key);
      if (s == null) {
        if (overwrite) {
          dst.put(key, null);
        }
        continue;
      }
      if (s instanceof Map<?, ?> sm) {
        if (d instanceof Map<?, ?> dm) {
          merge(cast(dm), cast(sm), overwrite, depth + 1, walk);
        }
      } else if (s instanceof List<?> && overwrite) {
        dst.put(key, s);
      }
      if (dstHas && !GoReflect.empty(d)) {
        if (s instanceof List<?>) {
          continue;
        }
        if (s instanceof Map<?, ?> && d instanceof Map<?, ?>) {
          continue;
        }
      }
      if (overwrite || !dstHas || GoReflect.empty(d)) {
        dst.put(key, s);
      }
    }
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> cast(Map<?, ?> m) {
    return (Map<String, Object>) m;
  }

  /** Recursion bound for walks over values a template can make cyclic ({@code set $d "d" $d}). */
  static final class Depth {
    static final int MAX = 1000;

    private Depth() {}

    static void check(int depth) {
      if (depth > MAX) {
        throw new GoFuncException("value nested deeper than " + MAX + " levels (a cycle?)");
      }
    }
  }
}
