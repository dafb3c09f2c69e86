package dev.capstan.chart.gotemplate.sprig;

import static dev.capstan.chart.gotemplate.GoType.ANY;
import static dev.capstan.chart.gotemplate.GoType.INT;
import static dev.capstan.chart.gotemplate.GoType.STRING;

import dev.capstan.chart.gotemplate.GoFmt;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** Sprig's conversions and integer sequences: atoi, int, int64, float64, toDecimal, seq, until. */
final class ConvFuncs {
  private ConvFuncs() {}

  static void register(FuncTable t) {
    t.fn("atoi", List.of(STRING), a -> GoCast.goInt(atoi((String) a.get(0))));
    t.fn("int64", List.of(ANY), a -> GoCast.toInt64(a.get(0)));
    t.fn("int", List.of(ANY), a -> GoCast.goInt(GoCast.toInt64(a.get(0))));
    t.fn("float64", List.of(ANY), a -> GoCast.toFloat64(a.get(0)));
    t.fn("toDecimal", List.of(ANY), a -> toDecimal(a.get(0)));
    t.variadic("seq", List.of(), INT, ConvFuncs::seq);
    t.fn("until", List.of(INT), a -> Typed.ints(until((Integer) a.get(0))));
    t.fn(
        "untilStep",
        List.of(INT, INT, INT),
        a -> Typed.ints(untilStep((Integer) a.get(0), (Integer) a.get(1), (Integer) a.get(2))));
  }

  /** strconv.Atoi with the error dropped: 0 on bad syntax, the clamped value when too big. */
  static long atoi(String s) {
    if (!s.matches("[+-]?[0-9]+")) {
      return 0;
    }
    try {
      return Long.parseLong(s);
    } catch (NumberFormatException e) {
      return s.startsWith("-") ? Long.MIN_VALUE : Long.MAX_VALUE;
    }
  }

  /** Parses {@code fmt.Sprint(v)} as octal, 0 when it does not parse. */
  private static long toDecimal(Object v) {
    String s = GoFmt.sprint(v);
    if (!s.matches("[+-]?[0-7]+")) {
      return 0;
    }
    try {
      return Long.parseLong(s, 8);
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  static List<Object> until(int count) {
    return untilStep(0, count, count < 0 ? -1 : 1);
  }

  static List<Object> untilStep(int start, int stop, int step) {
    List<Object> v = new ArrayList<>();
    if (stop < start) {
      if (step >= 0) {
        return v;
      }
      Limits.checkList("untilStep", ((long) start - stop) / -(long) step);
      for (long i = start; i > stop; i += step) {
        v.add((int) i);
      }
      return v;
    }
    if (step <= 0) {
      return v;
    }
    Limits.checkList("untilStep", ((long) stop - start) / step);
    for (long i = start; i < stop; i += step) {
      v.add((int) i);
    }
    return v;
  }

  private static String seq(List<Object> p) {
    switch (p.size()) {
      case 1 -> {
        int end = (Integer) p.get(0);
        int inc = end < 1 ? -1 : 1;
        return join(untilStep(1, end + inc, inc));
      }
      case 2 -> {
        int start = (Integer) p.get(0);
        int end = (Integer) p.get(1);
        int step = end < start ? -1 : 1;
        return join(untilStep(start, end + step, step));
      }
      case 3 -> {
        int start = (Integer) p.get(0);
        int step = (Integer) p.get(1);
        int end = (Integer) p.get(2);
        int inc = 1;
        if (end < start) {
          inc = -1;
          if (step > 0) {
            return "";
          }
        }
        return join(untilStep(start, end + inc, step));
      }
      default -> {
        return "";
      }
    }
  }

  private static String join(List<Object> ints) {
    return ints.stream().map(String::valueOf).collect(Collectors.joining(" "));
  }
}
