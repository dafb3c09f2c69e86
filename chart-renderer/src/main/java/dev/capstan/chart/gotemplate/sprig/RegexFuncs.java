package dev.capstan.chart.gotemplate.sprig;

import static dev.capstan.chart.gotemplate.GoType.INT;
import static dev.capstan.chart.gotemplate.GoType.STRING;

import dev.capstan.chart.gotemplate.GoFuncException;
import java.util.List;
import java.util.function.Function;

/**
 * Sprig's regex.go. The plain functions use regexp.MustCompile (a bad pattern panics, naming it);
 * the {@code must} ones return Compile's error; regexMatch alone swallows it and says false.
 */
final class RegexFuncs {
  private RegexFuncs() {}

  static void register(FuncTable t) {
    t.fn("regexMatch", List.of(STRING, STRING), a -> {
      try {
        return GoRegexp.compile(s(a, 0)).matches(s(a, 1));
      } catch (GoFuncException e) {
        return false;
      }
    });
    t.fn("mustRegexMatch", List.of(STRING, STRING), a -> GoRegexp.compile(s(a, 0)).matches(s(a, 1)));
    both(t, "regexFindAll", List.of(STRING, STRING, INT), r -> a -> r.apply(s(a, 0)).findAll(s(a, 1), (Integer) a.get(2)));
    both(t, "regexFind", List.of(STRING, STRING), r -> a -> r.apply(s(a, 0)).find(s(a, 1)));
    both(t, "regexReplaceAll", List.of(STRING, STRING, STRING),
        r -> a -> r.apply(s(a, 0)).replaceAll(s(a, 1), s(a, 2), false));
    both(t, "regexReplaceAllLiteral", List.of(STRING, STRING, STRING),
        r -> a -> r.apply(s(a, 0)).replaceAll(s(a, 1), s(a, 2), true));
    both(t, "regexSplit", List.of(STRING, STRING, INT), r -> a -> r.apply(s(a, 0)).split(s(a, 1), (Integer) a.get(2)));
    t.fn("regexQuoteMeta", List.of(STRING), a -> GoRegexp.quoteMeta(s(a, 0)));
  }

  private static void both(FuncTable t, String name, List<dev.capstan.chart.gotemplate.GoType> params,
      Function<Function<String, GoRegexp>, dev.capstan.chart.gotemplate.GoFunction> body) {
    t.fn(name, params, body.apply(GoRegexp::mustCompile));
    t.fn("must" + Character.toUpperCase(name.charAt(0)) + name.substring(1), params,
        body.apply(GoRegexp::compile));
  }

  private static String s(List<Object> a, int i) {
    return (String) a.get(i);
  }
}
