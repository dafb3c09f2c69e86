package dev.capstan.chart.gotemplate.sprig;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.capstan.chart.gotemplate.GoFuncException;
import dev.capstan.chart.gotemplate.helmfuncs.HelmFunctions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Values a hostile template can build cheaply: one list shared at every level (2^40 leaves in 40
 * small lists), a map containing itself, a pathological regex. Each function refuses them with a
 * template error in well under a second instead of running out of memory or time.
 */
@Timeout(10)
class HostileValuesTest {
  private static Object call(String name, Object... args) {
    return HelmFunctions.all().get(name).body().call(new ArrayList<>(Arrays.asList(args)));
  }

  private static List<Object> shared(int levels) {
    List<Object> x = new ArrayList<>(List.of("leaf"));
    for (int i = 0; i < levels; i++) {
      x = new ArrayList<>(List.of(x, x));
    }
    return x;
  }

  @Test
  void sharedValuesAreRefusedNotExpanded() {
    List<Object> x = shared(40);
    for (String fn : List.of("toYaml", "toYamlPretty", "toJson", "toPrettyJson", "toRawJson",
        "deepCopy", "toToml")) {
      long start = System.nanoTime();
      Object result;
      try {
        result = call(fn, fn.equals("toToml") ? Map.of("x", x) : x);
      } catch (RuntimeException e) {
        result = e;
      }
      assertThat(Duration.ofNanos(System.nanoTime() - start)).as(fn).isLessThan(Duration.ofSeconds(3));
      assertThat(result).as(fn).satisfiesAnyOf(
          r -> assertThat(r).isInstanceOf(RuntimeException.class),
          r -> assertThat(r).isInstanceOf(String.class).asString().hasSizeLessThan(5_000_000));
    }
    assertThatThrownBy(() -> call("deepEqual", x, shared(40)))
        .isInstanceOf(GoFuncException.class).hasMessageContaining("deepEqual");
  }

  @Test
  void selfContainingMapsAreRefused() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("a", 1);
    m.put("self", m);
    assertThatThrownBy(() -> call("merge", m, m)).isInstanceOf(GoFuncException.class);
    assertThatThrownBy(() -> call("deepCopy", m)).isInstanceOf(GoFuncException.class);
    assertThat(call("toJson", m)).isEqualTo("");
  }

  @Test
  void regexesRunInLinearTime() {
    String evil = "(a+)+$";
    String input = "a".repeat(50_000) + "!";
    assertThat(call("regexMatch", evil, input)).isEqualTo(false);
    assertThat(call("regexReplaceAll", "(x+x+)+y", "x".repeat(20_000), "z"))
        .isEqualTo("x".repeat(20_000));
    assertThat(call("regexMatch", "((a{100}){100}){100}", "a")).isEqualTo(false);
  }
}
