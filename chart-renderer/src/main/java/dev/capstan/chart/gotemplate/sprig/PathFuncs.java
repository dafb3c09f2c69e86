package dev.capstan.chart.gotemplate.sprig;

import static dev.capstan.chart.gotemplate.GoType.STRING;

import java.util.List;

/**
 * Go's {@code path} package (base, dir, clean, ext, isAbs) and {@code path/filepath}, which on
 * Linux, where Helm runs, is the same slash-separated logic (osBase, osDir...).
 */
final class PathFuncs {
  private PathFuncs() {}

  static void register(FuncTable t) {
    for (String prefix : new String[] {"", "os"}) {
      t.fn(name(prefix, "base"), List.of(STRING), a -> base((String) a.get(0)));
      t.fn(name(prefix, "dir"), List.of(STRING), a -> dir((String) a.get(0)));
      t.fn(name(prefix, "clean"), List.of(STRING), a -> clean((String) a.get(0)));
      t.fn(name(prefix, "ext"), List.of(STRING), a -> ext((String) a.get(0)));
      t.fn(name(prefix, "isAbs"), List.of(STRING), a -> ((String) a.get(0)).startsWith("/"));
    }
  }

  private static String name(String prefix, String fn) {
    return prefix.isEmpty() ? fn : prefix + Character.toUpperCase(fn.charAt(0)) + fn.substring(1);
  }

  static String base(String p) {
    if (p.isEmpty()) {
      return ".";
    }
    while (p.length() > 0 && p.endsWith("/")) {
      p = p.substring(0, p.length() - 1);
    }
    int i = p.lastIndexOf('/');
    if (i >= 0) {
      p = p.substring(i + 1);
    }
    return p.isEmpty() ? "/" : p;
  }

  static String dir(String p) {
    int i = p.lastIndexOf('/');
    return clean(p.substring(0, i + 1));
  }

  static String ext(String p) {
    for (int i = p.length() - 1; i >= 0 && p.charAt(i) != '/'; i--) {
      if (p.charAt(i) == '.') {
        return p.substring(i);
      }
    }
    return "";
  }

  /** Go's path.Clean: lexical processing of ".", ".." and repeated slashes. */
  static String clean(String p) {
    if (p.isEmpty()) {
      return ".";
    }
    boolean rooted = p.charAt(0) == '/';
    int n = p.length();
    StringBuilder out = new StringBuilder();
    int r = 0;
    int dotdot = 0;
    if (rooted) {
      out.append('/');
      r = 1;
      dotdot = 1;
    }
    while (r < n) {
      if (p.charAt(r) == '/') {
        r++;
      } else if (p.charAt(r) == '.' && (r + 1 == n || p.charAt(r + 1) == '/')) {
        r++;
      } else if (p.charAt(r) == '.' && p.charAt(r + 1) == '.' && (r + 2 == n || p.charAt(r + 2) == '/')) {
        r += 2;
        if (out.length() > dotdot) {
          int w = out.length() - 1;
          while (w > dotdot && out.charAt(w) != '/') {
            w--;
          }
          out.setLength(w);
        } else if (!rooted) {
          if (out.length() > 0) {
            out.append('/');
          }
          out.append("..");
          dotdot = out.length();
        }
      } else {
        if (rooted && out.length() != 1 || !rooted && out.length() != 0) {
          out.append('/');
        }
        while (r < n && p.charAt(r) != '/') {
          out.append(p.charAt(r));
          r++;
        }
      }
    }
    return out.length() == 0 ? "." : out.toString();
  }
}
