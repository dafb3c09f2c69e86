package dev.capstan.chart.gotemplate;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * Go's {@code strconv.FormatFloat} for float64: formats {@code e E f g G b x X} with a precision,
 * or the shortest digits that read back as the same double ({@code prec < 0}). Rounding works on
 * the exact binary value, half to even, as Go's does; Java 17's {@code Double.toString} is not
 * always shortest, so the shortest digits are searched with {@link BigDecimal}.
 */
final class GoFloat {
  private GoFloat() {}

  /** Decimal digits {@code d} (no leading zeros; empty for zero) with the point after {@code dp}. */
  private record Digits(String d, int dp) {
    int nd() {
      return d.length();
    }
  }

  static String format(double v, char fmt, int prec) {
    StringBuilder b = new StringBuilder(24);
    append(b, v, fmt, prec);
    return b.toString();
  }

  static void append(StringBuilder b, double v, char fmt, int prec) {
    if (Double.isNaN(v)) {
      b.append("NaN");
      return;
    }
    if (Double.isInfinite(v)) {
      b.append(v > 0 ? "+Inf" : "-Inf");
      return;
    }
    boolean neg = (Double.doubleToRawLongBits(v) & Long.MIN_VALUE) != 0;
    if (fmt == 'b') {
      appendBinary(b, v, neg);
      return;
    }
    if (fmt == 'x' || fmt == 'X') {
      appendHex(b, v, fmt, prec, neg);
      return;
    }
    boolean shortest = prec < 0;
    Digits digs;
    if (v == 0) {
      digs = new Digits("", 0);
    } else if (shortest) {
      digs = shortest(Math.abs(v));
    } else {
      digs = rounded(Math.abs(v), fmt, prec);
    }
    if (shortest) {
      prec = switch (fmt) {
        case 'e', 'E' -> Math.max(digs.nd() - 1, 0);
        case 'f' -> Math.max(digs.nd() - digs.dp(), 0);
        default -> digs.nd();
      };
    } else if ((fmt == 'g' || fmt == 'G') && prec == 0) {
      prec = 1;
    }
    formatDigits(b, shortest, neg, digs, prec, fmt);
  }

  private static Digits shortest(double a) {
    if (a == Math.rint(a) && a < 1e15) {
      String s = Long.toString((long) a);
      return new Digits(stripZeros(s), s.length());
    }
    BigDecimal exact = new BigDecimal(a);
    for (int p = 1; p < 17; p++) {
      BigDecimal r = exact.round(new MathContext(p, RoundingMode.HALF_EVEN));
      if (r.doubleValue() == a) {
        return digitsOf(r);
      }
    }
    return digitsOf(exact.round(new MathContext(17, RoundingMode.HALF_EVEN)));
  }

  private static Digits rounded(double a, char fmt, int prec) {
    BigDecimal exact = new BigDecimal(a);
    BigDecimal r;
    if (fmt == 'f') {
      r = exact.setScale(prec, RoundingMode.HALF_EVEN);
    } else {
      int digits = fmt == 'e' || fmt == 'E' ? prec + 1 : Math.max(prec, 1);
      r = exact.round(new MathContext(digits, RoundingMode.HALF_EVEN));
    }
    return digitsOf(r);
  }

  private static Digits digitsOf(BigDecimal r) {
    if (r.signum() == 0) {
      return new Digits("", 0);
    }
    String u = r.unscaledValue().toString();
    int dp = u.length() - r.scale();
    return new Digits(stripZeros(u), dp);
  }

  private static String stripZeros(String s) {
    int end = s.length();
    while (end > 0 && s.charAt(end - 1) == '0') {
      end--;
    }
    return s.substring(0, end);
  }

  private static void formatDigits(
      StringBuilder b, boolean shortest, boolean neg, Digits digs, int prec, char fmt) {
    switch (fmt) {
      case 'e', 'E' -> fmtE(b, neg, digs, prec, fmt);
      case 'f' -> fmtF(b, neg, digs, prec);
      case 'g', 'G' -> {
        int eprec = prec;
        if (eprec > digs.nd() && digs.nd() >= digs.dp()) {
          eprec = digs.nd();
        }
        if (shortest) {
          eprec = 6;
        }
        int exp = digs.dp() - 1;
        if (exp < -4 || exp >= eprec) {
          if (prec > digs.nd()) {
            prec = digs.nd();
          }
          fmtE(b, neg, digs, prec - 1, (char) (fmt + 'e' - 'g'));
          return;
        }
        if (prec > digs.dp()) {
          prec = digs.nd();
        }
        fmtF(b, neg, digs, Math.max(prec - digs.dp(), 0));
      }
      default -> b.append('%').append(fmt);
    }
  }

  private static void fmtE(StringBuilder b, boolean neg, Digits d, int prec, char fmt) {
    if (neg) {
      b.append('-');
    }
    b.append(d.nd() == 0 ? '0' : d.d().charAt(0));
    if (prec > 0) {
      b.append('.');
      int i = 1;
      int m = Math.min(d.nd(), prec + 1);
      if (i < m) {
        b.append(d.d(), i, m);
        i = m;
      }
      for (; i <= prec; i++) {
        b.append('0');
      }
    }
    b.append(fmt);
    int exp = d.dp() - 1;
    if (d.nd() == 0) {
      exp = 0;
    }
    if (exp < 0) {
      b.append('-');
      exp = -exp;
    } else {
      b.append('+');
    }
    if (exp < 10) {
      b.append('0').append(exp);
    } else {
      b.append(exp);
    }
  }

  private static void fmtF(StringBuilder b, boolean neg, Digits d, int prec) {
    if (neg) {
      b.append('-');
    }
    if (d.dp() > 0) {
      int m = Math.min(d.nd(), d.dp());
      b.append(d.d(), 0, m);
      for (; m < d.dp(); m++) {
        b.append('0');
      }
    } else {
      b.append('0');
    }
    if (prec > 0) {
      b.append('.');
      for (int i = 1; i <= prec; i++) {
        int j = d.dp() + i - 1;
        b.append(j >= 0 && j < d.nd() ? d.d().charAt(j) : '0');
      }
    }
  }

  private static void appendBinary(StringBuilder b, double v, boolean neg) {
    long bits = Double.doubleToRawLongBits(v);
    int exp = (int) ((bits >>> 52) & 0x7ff);
    long mant = bits & ((1L << 52) - 1);
    if (exp == 0) {
      exp++;
    } else {
      mant |= 1L << 52;
    }
    exp += -1023 - 52;
    if (neg) {
      b.append('-');
    }
    b.append(mant).append('p');
    if (exp >= 0) {
      b.append('+');
    }
    b.append(exp);
  }

  private static void appendHex(StringBuilder b, double v, char fmt, int prec, boolean neg) {
    long bits = Double.doubleToRawLongBits(v);
    int exp = (int) ((bits >>> 52) & 0x7ff);
    long mant = bits & ((1L << 52) - 1);
    if (exp == 0) {
      exp++;
    } else {
      mant |= 1L << 52;
    }
    exp += -1023;
    if (mant == 0) {
      exp = 0;
    }
    mant <<= 60 - 52;
    while (mant != 0 && (mant & (1L << 60)) == 0) {
      mant <<= 1;
      exp--;
    }
    if (prec >= 0 && prec < 15) {
      int shift = prec * 4;
      long extra = (mant << shift) & ((1L << 60) - 1);
      mant >>>= 60 - shift;
      if ((extra | (mant & 1)) > (1L << 59)) {
        mant++;
      }
      mant <<= 60 - shift;
      if ((mant & (1L << 61)) != 0) {
        mant >>>= 1;
        exp++;
      }
    }
    String hex = fmt == 'X' ? "0123456789ABCDEF" : "0123456789abcdef";
    if (neg) {
      b.append('-');
    }
    b.append('0').append(fmt).append((char) ('0' + ((mant >>> 60) & 1)));
    mant <<= 4;
    if (prec < 0 && mant != 0) {
      b.append('.');
      while (mant != 0) {
        b.append(hex.charAt((int) ((mant >>> 60) & 15)));
        mant <<= 4;
      }
    } else if (prec > 0) {
      b.append('.');
      for (int i = 0; i < prec; i++) {
        b.append(hex.charAt((int) ((mant >>> 60) & 15)));
        mant <<= 4;
      }
    }
    b.append(fmt == 'X' ? 'P' : 'p');
    if (exp < 0) {
      b.append('-');
      exp = -exp;
    } else {
      b.append('+');
    }
    if (exp < 10) {
      b.append('0');
    }
    b.append(exp);
  }
}
