package dev.capstan.chart.gotemplate.sprig;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.capstan.chart.gotemplate.GoFmt;
import dev.capstan.chart.gotemplate.GoFunc;
import dev.capstan.chart.gotemplate.GoFuncException;
import dev.capstan.chart.gotemplate.GoStruct;
import dev.capstan.chart.gotemplate.GoValues;
import dev.capstan.chart.gotemplate.helmfuncs.HelmFunctions;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every case of the goldens real Go produced (tools/gotemplate-oracle/funcs), replayed against the
 * Java function bodies of Helm's function map: same result, same Go type, or the same error.
 */
class FuncsGoldenTest {
  static final List<String> FILES = List.of(
      "strings.golden", "lists.golden", "dicts.golden", "math.golden", "defaults.golden",
      "encoding.golden", "regex.golden", "json.golden", "yaml.golden", "semver.golden", "crypto.golden", "dates.golden", "urls.golden", "toml.golden", "yamlpretty.golden", "fuzz.golden");

  static Stream<GoldenCases.Case> cases() throws IOException {
    List<GoldenCases.Case> all = new ArrayList<>();
    for (String f : FILES) {
      all.addAll(GoldenCases.read(f));
    }
    return all.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void behavesAsGo(GoldenCases.Case c) {
    GoFunc f = HelmFunctions.all().get(c.fn());
    assertThat(f).as("function %s", c.fn()).isNotNull();
    List<Object> args = new ArrayList<>(c.args());
    if (c.error() != null) {
      GoFuncException thrown = null;
      Object returned = null;
      try {
        returned = f.body().call(args);
      } catch (GoFuncException e) {
        thrown = e;
      }
      assertThat(thrown)
          .as("%s%n expected error %s%n got %s", c, c.error(), describe(returned))
          .isNotNull();
      assertThat(thrown.getMessage()).as(c.toString()).isEqualTo(c.error());
      return;
    }
    Object actual = f.body().call(args);
    assertThat(matches(c.result(), actual))
        .as("%s%n expected %s%n      got %s (%s)", c, c.result(), describe(actual),
            actual == null ? "nil" : GoValues.typeName(actual))
        .isTrue();
  }

  private static String describe(Object v) {
    if (v instanceof byte[] b) {
      return Arrays.toString(b);
    }
    return v instanceof GoStruct ? GoFmt.sprint(v) : String.valueOf(v);
  }

  /** Strict: an int is not an int64 nor a float64, as in Go. */
  static boolean matches(JsonNode expected, Object actual) {
    if (expected.isObject() && expected.size() <= 2 && expected.fieldNames().hasNext()) {
      String tag = expected.fieldNames().next();
      JsonNode v = expected.get(tag);
      switch (tag) {
        case "$time":
          return actual instanceof GoStruct && GoFmt.sprint(actual).equals(v.textValue());
        case "$go":
          return actual != null && GoValues.typeName(actual).equals(v.textValue())
              && GoFmt.sprint(actual).equals(expected.get("v").textValue());
        case "$strings", "$strmap":
          // A nil []string prints and ranges as an empty one; Java has only the empty list.
          return v.isNull() ? actual instanceof List<?> l && l.isEmpty() : matches(v, actual);
        default:
          break;
      }
    }
    if (expected.isArray()) {
      if (!(actual instanceof List<?> l) || l.size() != expected.size()) {
        return false;
      }
      for (int i = 0; i < l.size(); i++) {
        if (!matches(expected.get(i), l.get(i))) {
          return false;
        }
      }
      return true;
    }
    if (expected.isObject() && !isTag(expected)) {
      if (!(actual instanceof Map<?, ?> m) || m.size() != expected.size()) {
        return false;
      }
      for (Iterator<String> it = expected.fieldNames(); it.hasNext(); ) {
        String k = it.next();
        if (!m.containsKey(k) || !matches(expected.get(k), m.get(k))) {
          return false;
        }
      }
      return true;
    }
    Object want = GoldenCases.decode(expected);
    if (want instanceof byte[] w) {
      return actual instanceof byte[] a && Arrays.equals(w, a);
    }
    return want == null ? actual == null : want.equals(actual);
  }

  private static boolean isTag(JsonNode n) {
    return n.size() == 1 && n.fieldNames().next().startsWith("$");
  }
}
