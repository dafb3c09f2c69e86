package dev.capstan.chart.gotemplate.sprig;

import dev.capstan.chart.gotemplate.GoFuncException;
import dev.capstan.chart.gotemplate.GoQuote;

/** Go's time.Duration: String() ("1h2m3.5s", "1.5ms") and ParseDuration, in nanoseconds. */
final class GoDuration {
  static final long SECOND = 1_000_000_000L;

  private GoDuration() {}

  static String format(long d) {
    boolean neg = d < 0;
    long u = neg ? -d : d;
    StringBuilder b = new StringBuilder();
    if (Long.compareUnsigned(u, SECOND) < 0) {
      if (u == 0) {
        return "0s";
      }
      String unit;
      int prec;
      if (u < 1000) {
        prec = 0;
        unit = "ns";
      } else if (u < 1_000_000) {
        prec = 3;
        unit = "µs";
      } else {
        prec = 6;
        unit = "ms";
      }
      b.append(Long.toUnsignedString(Long.divideUnsigned(u, pow10(prec))))
          .append(frac(Long.remainderUnsigned(u, pow10(prec)), prec)).append(unit);
    } else {
      String frac = frac(Long.remainderUnsigned(u, SECOND), 9);
      long secs = Long.divideUnsigned(u, SECOND);
      long s = secs % 60;
      long m = secs / 60 % 60;
      long h = secs / 3600;
      if (h > 0) {
        b.append(h).append('h');
      }
      if (secs >= 60) {
        b.append(m).append('m');
      }
      b.append(s).append(frac).append('s');
    }
    return (neg ? "-" : "") + b;
  }

  private static long pow10(int n) {
    long p = 1;
    for (int i = 0; i < n; i++) {
      p *= 10;
    }
    return p;
  }

  private static String frac(long v, int prec) {
    if (v == 0 || prec == 0) {
      return "";
    }
    String digits = String.format("%0" + prec + "d", v).replaceAll("0+$", "");
    return "." + digits;
  }

  /** time.ParseDuration; its error text on failure. */
  static long parse(String s) {
    String orig = s;
    boolean neg = false;
    if (!s.isEmpty() && (s.charAt(0) == '-' || s.charAt(0) == '+')) {
      neg = s.charAt(0) == '-';
      s = s.substring(1);
    }
    if (s.equals("0")) {
      return 0;
    }
    if (s.isEmpty()) {
      throw invalid(orig);
    }
    long d = 0;
    while (!s.isEmpty()) {
      if (!(s.charAt(0) == '.' || Character.isDigit(s.charAt(0)))) {
        throw invalid(orig);
      }
      int i = 0;
      while (i < s.length() && Character.isDigit(s.charAt(i))) {
        i++;
      }
      String whole = s.substring(0, i);
      String fraction = "";
      s = s.substring(i);
      boolean pre = !whole.isEmpty();
      boolean post = false;
      if (s.startsWith(".")) {
        s = s.substring(1);
        int j = 0;
        while (j < s.length() && Character.isDigit(s.charAt(j))) {
          j++;
        }
        fraction = s.substring(0, j);
        post = j > 0;
        s = s.substring(j);
      }
      if (!pre && !post) {
        throw invalid(orig);
      }
      int u = 0;
      while (u < s.length() && s.charAt(u) != '.' && !Character.isDigit(s.charAt(u))) {
        u++;
      }
      if (u == 0) {
        throw new GoFuncException("time: missing unit in duration " + GoQuote.quote(orig));
      }
      String unit = s.substring(0, u);
      s = s.substring(u);
      long scale = switch (unit) {
        case "ns" -> 1L;
        case "us", "µs", "μs" -> 1_000L;
        case "ms" -> 1_000_000L;
        case "s" -> SECOND;
        case "m" -> 60 * SECOND;
        case "h" -> 3600 * SECOND;
        default -> throw new GoFuncException("time: unknown unit " + GoQuote.quote(unit)
            + " in duration " + GoQuote.quote(orig));
      };
      java.math.BigDecimal v = new java.math.BigDecimal(
          (whole.isEmpty() ? "0" : whole) + (fraction.isEmpty() ? "" : "." + fraction));
      java.math.BigInteger nanos = v.multiply(java.math.BigDecimal.valueOf(scale)).toBigInteger();
      java.math.BigInteger sum = java.math.BigInteger.valueOf(d).add(nanos);
      if (sum.bitLength() > 63) {
        throw invalid(orig);
      }
      d = sum.longValue();
    }
    return neg ? -d : d;
  }

  private static GoFuncException invalid(String orig) {
    return new GoFuncException("time: invalid duration " + GoQuote.quote(orig));
  }
}
