package dev.capstan.chart.gotemplate;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * One {@code fmt} print: the verb, flags, width and precision state of Go's printer and the
 * formatting of each kind of value. {@link GoFmt} runs the format loop; this class prints one
 * operand. Padding applies to each leaf value, so {@code %5v} of a list pads every element, as in
 * Go.
 */
final class GoPrinter extends GoFormatter {
  /** The operand being printed, for {@code %!verb(type=value)}; a byte element is a uint8. */
  private Object arg;

  private boolean argIsByte;

  GoPrinter(StringBuilder buf) {
    super(buf);
  }

  /** Prints one operand at the top level ({@code printArg}). */
  void printArg(Object a, char verb) {
    arg = a;
    argIsByte = false;
    if (a == null) {
      if (verb == 'T' || verb == 'v') {
        padString("<nil>");
      } else {
        badVerb(verb);
      }
      return;
    }
    if (verb == 'T') {
      fmtS(GoValues.typeName(a));
      return;
    }
    printValue(a, verb, 0);
  }

  private void printValue(Object v, char verb, int depth) {
    arg = v;
    argIsByte = false;
    if (v == null) {
      // A nil element of a list or map: Go prints the empty interface whatever the verb.
      buf.append(sharpV ? "interface {}(nil)" : "<nil>");
    } else if (v instanceof String s) {
      fmtString(s, verb);
    } else if (v instanceof Boolean b) {
      fmtBool(b, verb);
    } else if (v instanceof Integer i) {
      fmtInteger(i, true, verb);
    } else if (v instanceof Long l) {
      fmtInteger(l, true, verb);
    } else if (v instanceof Double d) {
      fmtFloat(d, verb);
    } else if (v instanceof Map<?, ?> m) {
      printMap(m, verb, depth);
    } else if (v instanceof List<?> l) {
      printList(l, verb, depth);
    } else if (v instanceof byte[] b) {
      // Go names the type []byte at the top level and []uint8 inside a list or map.
      fmtBytes(b, verb, depth > 0 ? "[]uint8" : "[]byte");
    } else if (v instanceof GoStruct s) {
      printStruct(s, verb);
    } else if (v instanceof GoComplex c) {
      fmtComplex(c, verb);
    } else if (v instanceof GoFunc) {
      // Go prints a func's address, which means nothing outside one process.
      padString("0x0");
    } else {
      throw new IllegalArgumentException("not a Go template value: " + v.getClass().getName());
    }
  }

  private void printMap(Map<?, ?> m, char verb, int depth) {
    if (sharpV) {
      buf.append(GoValues.typeName(m)).append('{');
    } else {
      buf.append("map[");
    }
    boolean first = true;
    for (String k : GoValues.sortedKeys(m)) {
      if (!first) {
        buf.append(sharpV ? ", " : " ");
      }
      first = false;
      printValue(k, verb, depth + 1);
      buf.append(':');
      printValue(m.get(k), verb, depth + 1);
    }
    buf.append(sharpV ? '}' : ']');
  }

  private void printList(List<?> l, char verb, int depth) {
    if (sharpV) {
      buf.append(GoValues.typeName(l)).append('{');
    } else {
      buf.append('[');
    }
    int n = l.size();
    for (int i = 0; i < n; i++) {
      if (i > 0) {
        buf.append(sharpV ? ", " : " ");
      }
      printValue(l.get(i), verb, depth + 1);
    }
    buf.append(sharpV ? '}' : ']');
  }

  private void printStruct(GoStruct s, char verb) {
    switch (verb) {
      case 'v', 's', 'x', 'X', 'q' -> {
        if (sharpV) {
          fmtS(s.format());
        } else {
          fmtString(s.format(), verb);
        }
      }
      default -> badVerb(verb);
    }
  }

  private void badVerb(char verb) {
    buf.append("%!").append(verb).append('(');
    if (arg == null) {
      buf.append("<nil>");
    } else if (argIsByte) {
      buf.append("uint8=");
      fmtInteger(((Number) arg).longValue(), false, 'v');
    } else {
      Object a = arg;
      buf.append(GoValues.typeName(a)).append('=');
      printArg(a, 'v');
    }
    buf.append(')');
  }

  private void fmtBool(boolean v, char verb) {
    if (verb == 't' || verb == 'v') {
      padString(v ? "true" : "false");
    } else {
      badVerb(verb);
    }
  }

  void fmtInteger(long v, boolean signed, char verb) {
    switch (verb) {
      case 'v' -> {
        if (sharpV && !signed) {
          fmt0x64(v, true);
        } else {
          fmtInteger(v, 10, signed, verb, LDIGITS);
        }
      }
      case 'd' -> fmtInteger(v, 10, signed, verb, LDIGITS);
      case 'b' -> fmtInteger(v, 2, signed, verb, LDIGITS);
      case 'o', 'O' -> fmtInteger(v, 8, signed, verb, LDIGITS);
      case 'x' -> fmtInteger(v, 16, signed, verb, LDIGITS);
      case 'X' -> fmtInteger(v, 16, signed, verb, UDIGITS);
      case 'c' -> fmtC(v);
      case 'q' -> fmtQc(v);
      case 'U' -> fmtUnicode(v);
      default -> badVerb(verb);
    }
  }

  private void fmt0x64(long v, boolean leading0x) {
    boolean saved = sharp;
    sharp = leading0x;
    fmtInteger(v, 16, false, 'v', LDIGITS);
    sharp = saved;
  }

  private void fmtFloat(double v, char verb) {
    switch (verb) {
      case 'v' -> fmtFloat(v, 'g', -1);
      case 'b', 'g', 'G', 'x', 'X' -> fmtFloat(v, verb, -1);
      case 'f', 'e', 'E' -> fmtFloat(v, verb, 6);
      case 'F' -> fmtFloat(v, 'f', 6);
      default -> badVerb(verb);
    }
  }

  private void fmtComplex(GoComplex c, char verb) {
    switch (verb) {
      case 'v', 'b', 'g', 'G', 'x', 'X', 'f', 'F', 'e', 'E' -> {
        boolean oldPlus = plus;
        buf.append('(');
        fmtFloat(c.re(), verb);
        plus = true;
        fmtFloat(c.im(), verb);
        buf.append("i)");
        plus = oldPlus;
      }
      default -> badVerb(verb);
    }
  }

  private void fmtString(String v, char verb) {
    switch (verb) {
      case 'v' -> {
        if (sharpV) {
          fmtQ(v);
        } else {
          fmtS(v);
        }
      }
      case 's' -> fmtS(v);
      case 'x' -> fmtSbx(v.getBytes(StandardCharsets.UTF_8), LDIGITS);
      case 'X' -> fmtSbx(v.getBytes(StandardCharsets.UTF_8), UDIGITS);
      case 'q' -> fmtQ(v);
      default -> badVerb(verb);
    }
  }

  private void fmtBytes(byte[] v, char verb, String typeString) {
    switch (verb) {
      case 'v', 'd' -> {
        if (sharpV) {
          buf.append(typeString).append('{');
          for (int i = 0; i < v.length; i++) {
            if (i > 0) {
              buf.append(", ");
            }
            fmt0x64(v[i] & 0xff, true);
          }
          buf.append('}');
        } else {
          buf.append('[');
          for (int i = 0; i < v.length; i++) {
            if (i > 0) {
              buf.append(' ');
            }
            fmtInteger(v[i] & 0xff, 10, false, verb, LDIGITS);
          }
          buf.append(']');
        }
      }
      case 's' -> fmtS(new String(v, StandardCharsets.UTF_8));
      case 'x' -> fmtSbx(v, LDIGITS);
      case 'X' -> fmtSbx(v, UDIGITS);
      case 'q' -> fmtQ(new String(v, StandardCharsets.UTF_8));
      default -> {
        // Any other verb formats the slice element by element, each a uint8.
        buf.append(sharpV ? "[]uint8{" : "[");
        for (int i = 0; i < v.length; i++) {
          if (i > 0) {
            buf.append(sharpV ? ", " : " ");
          }
          arg = (long) (v[i] & 0xff);
          argIsByte = true;
          fmtInteger(v[i] & 0xff, false, verb);
        }
        buf.append(sharpV ? '}' : ']');
      }
    }
  }
}
