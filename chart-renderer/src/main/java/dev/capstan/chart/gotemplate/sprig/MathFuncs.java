package dev.capstan.chart.gotemplate.sprig;

import static dev.capstan.chart.gotemplate.GoType.ANY;
import static dev.capstan.chart.gotemplate.GoType.FLOAT64;
import static dev.capstan.chart.gotemplate.GoType.INT;

import dev.capstan.chart.gotemplate.GoFuncException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.security.SecureRandom;
import java.util.List;
import java.util.function.BinaryOperator;

/**
 * Sprig's arithmetic: integer functions work in int64 after spf13/cast conversion; the {@code f}
 * family goes through shopspring/decimal (exact sums and products, quotients to 16 places).
 */
final class MathFuncs {
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final String DIVIDE_BY_ZERO = "runtime error: integer divide by zero";

  private MathFuncs() {}

  static void register(FuncTable t) {
    t.fn("add1", List.of(ANY), a -> GoCast.toInt64(a.get(0)) + 1);
    t.variadic("add", List.of(), ANY, a -> a.stream().mapToLong(GoCast::toInt64).sum());
    t.fn("sub", List.of(ANY, ANY), a -> GoCast.toInt64(a.get(0)) - GoCast.toInt64(a.get(1)));
    t.fn("div", List.of(ANY, ANY), a -> div(GoCast.toInt64(a.get(0)), GoCast.toInt64(a.get(1))));
    t.fn("mod", List.of(ANY, ANY), a -> mod(GoCast.toInt64(a.get(0)), GoCast.toInt64(a.get(1))));
    t.variadic("mul", List.of(ANY), ANY, a -> a.stream().mapToLong(GoCast::toInt64).reduce(1, (x, y) -> x * y));
    t.fn("randInt", List.of(INT, INT), a -> randInt((Integer) a.get(0), (Integer) a.get(1)));
    t.fn("add1f", List.of(ANY), a -> decimal(a.get(0), List.of(1), BigDecimal::add));
    t.variadic("addf", List.of(), ANY, a -> decimal(0.0, a, BigDecimal::add));
    t.variadic("subf", List.of(ANY), ANY, a -> decimal(a.get(0), rest(a), BigDecimal::subtract));
    t.variadic("mulf", List.of(ANY), ANY, a -> decimal(a.get(0), rest(a), BigDecimal::multiply));
    t.variadic("divf", List.of(ANY), ANY, a -> decimal(a.get(0), rest(a), MathFuncs::divide));
    t.variadic("max", List.of(ANY), ANY, a -> a.stream().mapToLong(GoCast::toInt64).max().getAsLong());
    t.alias("biggest", "max");
    t.variadic("min", List.of(ANY), ANY, a -> a.stream().mapToLong(GoCast::toInt64).min().getAsLong());
    t.variadic("maxf", List.of(ANY), ANY, a -> fold(a, Math::max));
    t.variadic("minf", List.of(ANY), ANY, a -> fold(a, Math::min));
    t.fn("ceil", List.of(ANY), a -> Math.ceil(GoCast.toFloat64(a.get(0))));
    t.fn("floor", List.of(ANY), a -> Math.floor(GoCast.toFloat64(a.get(0))));
    t.variadic("round", List.of(ANY, INT), FLOAT64, MathFuncs::round);
  }

  private static List<Object> rest(List<Object> a) {
    return a.subList(1, a.size());
  }

  private static long div(long a, long b) {
    if (b == 0) {
      throw new GoFuncException(DIVIDE_BY_ZERO);
    }
    return a / b;
  }

  private static long mod(long a, long b) {
    if (b == 0) {
      throw new GoFuncException(DIVIDE_BY_ZERO);
    }
    return a % b;
  }

  private static int randInt(int min, int max) {
    if (max - min <= 0) {
      throw new GoFuncException("invalid argument to Intn");
    }
    return RANDOM.nextInt(max - min) + min;
  }

  private static double fold(List<Object> a, BinaryOperator<Double> f) {
    double acc = GoCast.toFloat64(a.get(0));
    for (Object x : rest(a)) {
      acc = f.apply(acc, GoCast.toFloat64(x));
    }
    return acc;
  }

  private static double decimal(Object first, List<Object> rest, BinaryOperator<BigDecimal> op) {
    BigDecimal acc = fromFloat(GoCast.toFloat64(first));
    for (Object x : rest) {
      acc = op.apply(acc, fromFloat(GoCast.toFloat64(x)));
    }
    return acc.doubleValue();
  }

  private static BigDecimal divide(BigDecimal a, BigDecimal b) {
    if (b.signum() == 0) {
      throw new GoFuncException("decimal division by 0");
    }
    return a.divide(b, 16, RoundingMode.HALF_UP);
  }

  /** decimal.NewFromFloat: the shortest decimal that reads back as the same float64. */
  static BigDecimal fromFloat(double d) {
    if (Double.isNaN(d) || Double.isInfinite(d)) {
      throw new GoFuncException(
          "Cannot create a Decimal from " + (Double.isNaN(d) ? "NaN" : d > 0 ? "+Inf" : "-Inf"));
    }
    if (d == 0) {
      return BigDecimal.ZERO;
    }
    BigDecimal exact = new BigDecimal(d);
    for (int p = 1; p < 17; p++) {
      BigDecimal r = exact.round(new MathContext(p, RoundingMode.HALF_EVEN));
      if (r.doubleValue() == d) {
        return r;
      }
    }
    return exact.round(new MathContext(17, RoundingMode.HALF_EVEN));
  }

  /** Sprig's round: away from the floor when the fraction reaches {@code roundOn} (.5). */
  private static double round(List<Object> a) {
    double roundOn = a.size() > 2 ? (Double) a.get(2) : .5;
    double val = GoCast.toFloat64(a.get(0));
    double pow = Math.pow(10, (Integer) a.get(1));
    double digit = pow * val;
    double frac = digit - (digit < 0 ? Math.ceil(digit) : Math.floor(digit));
    if (Double.isInfinite(digit)) {
      frac = 0;
    }
    return (frac >= roundOn ? Math.ceil(digit) : Math.floor(digit)) / pow;
  }
}
