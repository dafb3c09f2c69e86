package dev.capstan.chart.gotemplate;

import java.util.List;

/**
 * Go's {@code fmt} printing functions for this package's value model: {@code Sprint},
 * {@code Sprintln} and {@code Sprintf} with Go's verbs, flags, width, precision, argument indexes
 * and its in-band errors ({@code %!d(string=x)}, {@code %!s(MISSING)},
 * {@code %!(EXTRA int=1)}).
 */
public final class GoFmt {
  private GoFmt() {}

  /** {@code fmt.Sprint(v)}. */
  public static String sprint(Object v) {
    if (v instanceof String s) {
      return s;
    }
    StringBuilder b = new StringBuilder();
    new GoPrinter(b).printArg(v, 'v');
    return b.toString();
  }

  /** {@code fmt.Sprint}: a space between operands when neither side is a string. */
  public static String sprint(List<Object> args) {
    StringBuilder b = new StringBuilder();
    GoPrinter p = new GoPrinter(b);
    boolean prevString = false;
    for (int i = 0; i < args.size(); i++) {
      Object a = args.get(i);
      boolean isString = a instanceof String;
      if (i > 0 && !isString && !prevString) {
        b.append(' ');
      }
      p.printArg(a, 'v');
      prevString = isString;
    }
    return b.toString();
  }

  /** {@code fmt.Sprintln}: operands separated by spaces, then a newline. */
  public static String sprintln(List<Object> args) {
    StringBuilder b = new StringBuilder();
    GoPrinter p = new GoPrinter(b);
    for (int i = 0; i < args.size(); i++) {
      if (i > 0) {
        b.append(' ');
      }
      p.printArg(args.get(i), 'v');
    }
    b.append('\n');
    return b.toString();
  }

  /** {@code fmt.Sprintf}. */
  public static String sprintf(String format, List<Object> args) {
    StringBuilder b = new StringBuilder(format.length() + 16);
    new Sprintf(format, args, new GoPrinter(b)).run();
    return b.toString();
  }

  /** The format loop of {@code doPrintf}, one instance per call. */
  private static final class Sprintf {
    private final String format;
    private final List<Object> a;
    private final GoPrinter p;
    private final int end;
    private int argNum;
    private int i;
    private boolean reordered;
    private boolean goodArgNum;
    private boolean afterIndex;

    Sprintf(String format, List<Object> a, GoPrinter p) {
      this.format = format;
      this.a = a;
      this.p = p;
      this.end = format.length();
    }

    void run() {
      StringBuilder buf = p.buf;
      formatLoop:
      while (i < end) {
        goodArgNum = true;
        int lasti = i;
        while (i < end && format.charAt(i) != '%') {
          i++;
        }
        if (i > lasti) {
          buf.append(format, lasti, i);
        }
        if (i >= end) {
          break;
        }
        i++;
        p.clearFlags();
        simple:
        for (; i < end; i++) {
          char c = format.charAt(i);
          switch (c) {
            case '#' -> p.sharp = true;
            case '0' -> p.zero = true;
            case '+' -> p.plus = true;
            case '-' -> p.minus = true;
            case ' ' -> p.space = true;
            default -> {
              if ('a' <= c && c <= 'z' && argNum < a.size()) {
                if (c == 'v') {
                  p.sharpV = p.sharp;
                  p.sharp = false;
                  p.plusV = p.plus;
                  p.plus = false;
                }
                p.printArg(a.get(argNum), c);
                argNum++;
                i++;
                continue formatLoop;
              }
              break simple;
            }
          }
        }
        argNumber();
        if (i < end && format.charAt(i) == '*') {
          i++;
          Integer w = intFromArg();
          p.widPresent = w != null;
          p.wid = w == null ? 0 : w;
          if (!p.widPresent) {
            buf.append("%!(BADWIDTH)");
          }
          if (p.wid < 0) {
            p.wid = -p.wid;
            p.minus = true;
            p.zero = false;
          }
          afterIndex = false;
        } else {
          int[] n = parseNum();
          p.wid = n[0];
          p.widPresent = n[1] != 0;
          if (afterIndex && p.widPresent) {
            goodArgNum = false;
          }
        }
        if (i + 1 < end && format.charAt(i) == '.') {
          i++;
          if (afterIndex) {
            goodArgNum = false;
          }
          argNumber();
          if (i < end && format.charAt(i) == '*') {
            i++;
            Integer pr = intFromArg();
            p.precPresent = pr != null;
            p.prec = pr == null ? 0 : pr;
            if (p.prec < 0) {
              p.prec = 0;
              p.precPresent = false;
            }
            if (!p.precPresent) {
              buf.append("%!(BADPREC)");
            }
            afterIndex = false;
          } else {
            int[] n = parseNum();
            p.prec = n[0];
            p.precPresent = true;
          }
        }
        if (!afterIndex) {
          argNumber();
        }
        if (i >= end) {
          buf.append("%!(NOVERB)");
          break;
        }
        int verb = format.codePointAt(i);
        i += Character.charCount(verb);
        if (verb == '%') {
          buf.append('%');
        } else if (!goodArgNum) {
          buf.append("%!").appendCodePoint(verb).append("(BADINDEX)");
        } else if (argNum >= a.size()) {
          buf.append("%!").appendCodePoint(verb).append("(MISSING)");
        } else {
          if (verb == 'v') {
            p.sharpV = p.sharp;
            p.sharp = false;
            p.plusV = p.plus;
            p.plus = false;
          }
          printVerb(a.get(argNum), verb);
          argNum++;
        }
      }
      if (!reordered && argNum < a.size()) {
        p.clearFlags();
        buf.append("%!(EXTRA ");
        for (int k = argNum; k < a.size(); k++) {
          if (k > argNum) {
            buf.append(", ");
          }
          Object arg = a.get(k);
          if (arg == null) {
            buf.append("<nil>");
          } else {
            buf.append(GoValues.typeName(arg)).append('=');
            p.printArg(arg, 'v');
          }
        }
        buf.append(')');
      }
    }

    /** A verb outside the BMP cannot be a Go verb; it prints as a bad verb. */
    private void printVerb(Object arg, int verb) {
      if (verb > 0xFFFF) {
        StringBuilder buf = p.buf;
        buf.append("%!").appendCodePoint(verb).append('(');
        if (arg == null) {
          buf.append("<nil>");
        } else {
          buf.append(GoValues.typeName(arg)).append('=');
          p.clearFlags();
          p.printArg(arg, 'v');
        }
        buf.append(')');
        return;
      }
      p.printArg(arg, (char) verb);
    }

    /** {@code parsenum}: {value, isnum}, advancing {@link #i}. */
    private int[] parseNum() {
      int num = 0;
      boolean isnum = false;
      int k = i;
      for (; k < end && format.charAt(k) >= '0' && format.charAt(k) <= '9'; k++) {
        if (tooLarge(num)) {
          i = end;
          return new int[] {0, 0};
        }
        num = num * 10 + (format.charAt(k) - '0');
        isnum = true;
      }
      i = k;
      return new int[] {num, isnum ? 1 : 0};
    }

    private static boolean tooLarge(int x) {
      return x > 1_000_000 || x < -1_000_000;
    }

    private Integer intFromArg() {
      if (argNum >= a.size()) {
        return null;
      }
      Object v = a.get(argNum++);
      long n;
      if (v instanceof Integer k) {
        n = k;
      } else if (v instanceof Long l) {
        n = l;
      } else {
        return null;
      }
      if (n > 1_000_000 || n < -1_000_000) {
        return null;
      }
      return (int) n;
    }

    /** {@code argNumber}: an explicit {@code [n]} index before a width, precision or verb. */
    private void argNumber() {
      afterIndex = false;
      if (i >= end || format.charAt(i) != '[') {
        return;
      }
      reordered = true;
      int close = -1;
      if (end - i >= 3) {
        for (int k = i + 1; k < end; k++) {
          if (format.charAt(k) == ']') {
            close = k;
            break;
          }
        }
      }
      if (close < 0) {
        i = i + 1;
        goodArgNum = false;
        return;
      }
      int saved = i;
      i = saved + 1;
      int[] n = parseNum();
      boolean ok = n[1] != 0 && i == close;
      i = close + 1;
      int index = n[0] - 1;
      if (ok && index >= 0 && index < a.size()) {
        argNum = index;
        afterIndex = true;
        return;
      }
      goodArgNum = false;
      afterIndex = ok;
    }
  }
}
