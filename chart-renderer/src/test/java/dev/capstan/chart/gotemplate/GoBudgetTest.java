package dev.capstan.chart.gotemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Hostile templates stop at the budget, with the place named, instead of exhausting time, heap or
 * stack (the build runs tests with a small heap; none of these may need more than a few MB).
 */
class GoBudgetTest {
  private static final List<Object> THOUSAND = new ArrayList<>(Collections.nCopies(1000, 1));

  private static String run(String text, GoBudget budget) {
    GoTemplateSet set = GoTemplateSet.create("t", TestFuncs.all()).parse("t", text);
    return set.executeToString("t", Map.of("l", THOUSAND), ExecOptions.defaults().withBudget(budget));
  }

  @Test
  void aLoopThatWouldRunForHoursStopsAtTheTimeout() {
    long start = System.nanoTime();
    assertThatThrownBy(() -> run(
        "{{ range .l }}{{ range $.l }}{{ range $.l }}{{ range $.l }}{{ end }}{{ end }}{{ end }}{{ end }}",
        GoBudget.of(1 << 20, 50, Duration.ofMillis(200))))
        .isInstanceOf(GoTemplateException.class)
        .hasMessageStartingWith("template: t:1:")
        .hasMessageContaining("execution took longer than 200ms");
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
  }

  @Test
  void outputStopsAtTheLimit() {
    assertThatThrownBy(() -> run("{{ range .l }}{{ range $.l }}0123456789{{ end }}{{ end }}",
        GoBudget.of(100_000, 50, Duration.ofSeconds(10))))
        .isInstanceOf(GoTemplateException.class)
        .hasMessage("template: t:1:29: executing \"t\" at <0123456789>: output exceeds 100000"
            + " characters");
  }

  @Test
  void aStringDoubledInALoopStopsAtTheSizeLimit() {
    assertThatThrownBy(() -> run(
        "{{ $s := \"x\" }}{{ range .l }}{{ $s = printf \"%s%s\" $s $s }}{{ end }}",
        GoBudget.of(1 << 20, 50, Duration.ofSeconds(10))))
        .isInstanceOf(GoTemplateException.class)
        .hasMessage("template: t:1:37: executing \"t\" at <printf \"%s%s\" $s $s>: a value of"
            + " 2097152 exceeds the limit of 1048576");
  }

  @Test
  void recursionStopsAtTheDepthLimit() {
    assertThatThrownBy(() -> run("{{ define \"r\" }}{{ template \"r\" . }}{{ end }}{{ template \"r\" }}",
        GoBudget.of(1 << 20, 50, Duration.ofSeconds(10))))
        .isInstanceOf(GoTemplateException.class)
        .hasMessage("template: t:1:28: executing \"r\" at <{{template \"r\" .}}>: templates nested"
            + " deeper than 50");
  }

  @Test
  void recursionWithAGenerousBudgetStopsAtTheExecutorsOwnDepth() {
    assertThatThrownBy(() -> run("{{ define \"r\" }}{{ template \"r\" . }}{{ end }}{{ template \"r\" }}",
        GoBudget.of(1 << 20, 100_000, Duration.ofSeconds(10))))
        .isInstanceOf(GoTemplateException.class)
        .hasMessageEndingWith("exceeded maximum template depth (" + Exec.MAX_EXEC_DEPTH + ")");
  }

  @Test
  void deeplyNestedParenthesesAreAParseError() {
    String deep = "{{ " + "(".repeat(5000) + "1" + ")".repeat(5000) + " }}";
    assertThatThrownBy(() -> run(deep, GoBudget.defaults()))
        .isInstanceOf(GoTemplateParseException.class)
        .hasMessage("template: t:1: max expression depth exceeded");
  }

  @Test
  void nestingJustUnderTheParserLimitStillExecutes() {
    String deep = "{{ " + "(print ".repeat(99) + "1" + ")".repeat(99) + " }}";
    assertThat(run(deep, GoBudget.defaults())).isEqualTo("1");
  }

  @Test
  void cancellingFromOutsideStopsTheNextStep() {
    SimpleBudget budget = new SimpleBudget(1 << 20, 50, Duration.ofSeconds(10));
    budget.cancel();
    assertThatThrownBy(() -> run("a{{ range .l }}x{{ end }}", budget))
        .isInstanceOf(GoTemplateException.class)
        .hasMessageContaining("execution took longer than");
  }

  @Test
  void aFunctionCanAskTheRunningExecutionsBudgetBeforeBuildingAValue() {
    GoFunc repeat = GoFunc.of("repeat", List.of(GoType.INT, GoType.STRING), a -> {
      int n = (Integer) a.get(0);
      String s = (String) a.get(1);
      GoBudget.current().size((long) n * s.length());
      return s.repeat(n);
    });
    GoTemplateSet set = GoTemplateSet.create("t", Map.of("repeat", repeat))
        .parse("t", "{{ repeat 3 \"ab\" }}{{ repeat 2000000000 \"ab\" }}");
    assertThatThrownBy(() -> set.executeToString("t", null,
        ExecOptions.defaults().withBudget(GoBudget.of(1 << 20, 50, Duration.ofSeconds(10)))))
        .hasMessage("template: t:1:22: executing \"t\" at <repeat 2000000000 \"ab\">: a value of"
            + " 4000000000 exceeds the limit of 1048576");
  }

  @Test
  void deeplyNestedBlocksFailAsOneErrorNotAJavaStackOverflow() {
    String deep = "{{ if true }}".repeat(20_000) + "x" + "{{ end }}".repeat(20_000);
    assertThatThrownBy(() -> run(deep, GoBudget.defaults()))
        .isInstanceOf(GoTemplateParseException.class)
        .hasMessage("template: t: expressions nested too deeply to parse");
  }

  @Test
  void blocksNestedAsDeeplyAsRealChartsDoExecute() {
    String deep = "{{ if true }}{{ with $ }}".repeat(100) + "{{ range $.l }}{{ if true }}"
        + "{{ with . }}{{ break }}{{ end }}{{ end }}{{ end }}x" + "{{ end }}{{ end }}".repeat(100);
    assertThat(run(deep, GoBudget.defaults())).isEqualTo("x");
  }
}
