package dev.capstan.chart.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.capstan.chart.ChartLoader;
import dev.capstan.chart.source.ChartException;
import dev.capstan.chart.template.LimitExceededException;
import dev.capstan.chart.template.TemplateException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Templates are untrusted: no Java, no file outside the chart, bounded output, depth and time. */
class SandboxEscapeTest {

  @ParameterizedTest
  @ValueSource(strings = {
      "\"x\".getClass()",
      "values.getClass().forName(\"java.lang.Runtime\")",
      "\"x\".getClass().getClassLoader()",
      "values.clear()",
      "values.size()",
      "\"abc\".toUpperCase()",
      "files.getClass()",
      "capabilities.apiVersions.getClass()",
      "release.getClass().getName()",
      "(1..2).getClass()",
      "\"x\".class",
      "\"x\".class.classLoader",
      "(1..2).class.name",
      "files.class",
      "capabilities.apiVersions.all()",
  })
  void javaMethodsAreUnreachable(String expression) {
    InlineChart chart = InlineChart.of("t").configMap("templates/cm.yaml", "\"{{ " + expression + " }}\"");
    assertThatThrownBy(chart::render)
        .isInstanceOf(TemplateException.class)
        .hasMessageStartingWith("t/templates/cm.yaml:6: ")
        .hasMessageContaining("not allowed");
  }

  @Test
  void mapEntriesOfferOnlyKeyAndValue() {
    InlineChart chart = InlineChart.of("t").file("values.yaml", "env: {A: 1}\n").configMap("templates/cm.yaml",
        "\"{% for e in values.env %}{{ e.getClass() }}{% endfor %}\"");
    assertThatThrownBy(chart::render).isInstanceOf(TemplateException.class).hasMessageContaining("not allowed");
  }

  @Test
  void theAllowedCallsWork() {
    InlineChart chart = InlineChart.of("t").file("conf/a.txt", "hello").configMap("templates/cm.yaml",
        "\"{{ files.get('conf/a.txt') }} {{ capabilities.apiVersions.has('apps/v1') }} {{ files.glob('conf/*') | length }}\"");
    assertThat(chart.x()).isEqualTo("hello true 1");
  }

  @ParameterizedTest
  @ValueSource(strings = {"../secret.txt", "/etc/passwd", "conf/../../secret.txt"})
  void filesOutsideTheChartAreRefused(String path) {
    InlineChart chart = InlineChart.of("t").configMap("templates/cm.yaml", "\"{{ files.get('" + path + "') }}\"");
    assertThatThrownBy(chart::render).isInstanceOf(TemplateException.class)
        .hasMessageStartingWith("t/templates/cm.yaml:6")
        .hasMessageContaining("inside the chart");
  }

  @Test
  void templatesAndChartYamlAreNotReadableAsFiles() {
    InlineChart chart = InlineChart.of("t").configMap("templates/cm.yaml",
        "\"{{ files.get('templates/cm.yaml') }}{{ files.get('Chart.yaml') }}{{ files.glob('templates/*') | length }}\"");
    assertThat(chart.x()).isEqualTo("0");
  }

  @Test
  void symlinksLeavingTheChartAreRefused(@TempDir Path tmp) throws Exception {
    Path chart = Files.createDirectories(tmp.resolve("repo/chart"));
    Files.writeString(chart.resolve("Chart.yaml"), "apiVersion: v2\nname: chart\nversion: 1.0.0\n");
    Files.writeString(tmp.resolve("secret.txt"), "top secret");
    Files.createSymbolicLink(chart.resolve("leak.txt"), tmp.resolve("secret.txt"));
    assertThatThrownBy(() -> ChartLoader.load(chart)).isInstanceOf(ChartException.class)
        .hasMessageStartingWith("leak.txt: symlink points outside the chart");
  }

  @Test
  void fileDependenciesMayNotLeaveTheBoundary(@TempDir Path tmp) throws Exception {
    Path chart = Files.createDirectories(tmp.resolve("work/charts/app"));
    Files.writeString(chart.resolve("Chart.yaml"), "apiVersion: v2\nname: app\nversion: 1.0.0\n"
        + "dependencies:\n  - name: lib\n    repository: file://../../../elsewhere/lib\n");
    Path lib = Files.createDirectories(tmp.resolve("elsewhere/lib"));
    Files.writeString(lib.resolve("Chart.yaml"), "apiVersion: v2\nname: lib\nversion: 1.0.0\n");
    assertThatThrownBy(() -> ChartLoader.load(chart)).isInstanceOf(ChartException.class)
        .hasMessageStartingWith("file://../../../elsewhere/lib: dependency lies outside " + tmp.resolve("work/charts").toRealPath());
  }

  @ParameterizedTest
  @ValueSource(strings = {"{% include 'inline/templates/other.yaml' %}", "{% import 'inline/templates/other.yaml' %}",
      "{% extends 'inline/templates/other.yaml' %}"})
  void tagsThatLoadOtherTemplatesAreRemoved(String tag) {
    InlineChart chart = InlineChart.of("t").file("templates/a.yaml", tag + "\n");
    assertThatThrownBy(chart::render).isInstanceOf(TemplateException.class)
        .hasMessageStartingWith("t/templates/a.yaml:1: ");
  }

  @Test
  void recursiveMacrosStopAtTheDepthLimit() {
    InlineChart chart = InlineChart.of("t")
        .file("templates/_h.tpl", "{% macro again(n) %}{{ again(n + 1) }}{% endmacro %}")
        .configMap("templates/cm.yaml", "\"{{ again(0) }}\"");
    assertThatThrownBy(chart::render).isInstanceOf(LimitExceededException.class)
        .hasMessageStartingWith("t/templates/_h.tpl:1: ")
        .hasMessageContaining("macro again() nested deeper than 100 calls")
        .satisfies(e -> assertThat(e.getMessage()).hasLineCount(1).hasSizeLessThan(300));
  }

  @Test
  void recursiveTplStopsAtTheDepthLimit() {
    InlineChart chart = InlineChart.of("t").file("values.yaml", "loop: \"{{ tpl(values.loop) }}\"\n")
        .configMap("templates/cm.yaml", "\"{{ tpl(values.loop) }}\"");
    assertThatThrownBy(chart::render).isInstanceOf(LimitExceededException.class)
        .as("named after the file that called tpl, not the text").hasMessageStartingWith("t/templates/cm.yaml:6: ")
        .hasMessageContaining("tpl nested deeper than 100 calls")
        .satisfies(e -> assertThat(e.getMessage()).hasLineCount(1).hasSizeLessThan(300));
  }

  @Test
  void outputIsBounded() {
    InlineChart chart = InlineChart.of("t")
        .configMap("templates/cm.yaml", "\"{% for i in range(0, 100000) %}xxxxxxxxxx{% endfor %}\"");
    RenderOptions options = RenderOptions.defaults().withLimits(RenderLimits.defaults().withMaxOutputChars(10_000));
    assertThatThrownBy(() -> chart.render(options)).isInstanceOf(LimitExceededException.class)
        .hasMessageStartingWith("t/templates/cm.yaml")
        .hasMessageContaining("rendered output exceeds 10000 characters");
  }

  @Test
  void doublingAStringInALoopStopsBeforeMemoryRunsOut() {
    InlineChart chart = InlineChart.of("t").file("templates/a.yaml",
        "{% set s = 'x' %}{% for i in range(0, 80) %}{% set s = s ~ s %}{% endfor %}{{ s | length }}");
    assertThatThrownBy(chart::render).isInstanceOf(LimitExceededException.class)
        .hasMessageStartingWith("t/templates/a.yaml:1: ")
        .hasMessageContaining("exceeds");
  }

  @Test
  void macroFanOutIsBounded() {
    StringBuilder helpers = new StringBuilder("{% macro m0() %}xxxxxxxxxxxxxxxx{% endmacro %}\n");
    for (int i = 1; i <= 40; i++) {
      helpers.append("{% macro m").append(i).append("() %}{{ m").append(i - 1).append("() }}{{ m").append(i - 1)
          .append("() }}{% endmacro %}\n");
    }
    InlineChart chart = InlineChart.of("t").file("templates/_h.tpl", helpers.toString())
        .configMap("templates/cm.yaml", "\"{{ m40() }}\"");
    assertThatThrownBy(chart::render).isInstanceOf(LimitExceededException.class).hasMessageContaining("exceeds");
  }

  @Test
  void wallTimeIsBounded() {
    InlineChart chart = InlineChart.of("t").file("templates/a.yaml",
        "{% for i in range(0, 100000) %}{% for j in range(0, 100000) %}{% for k in range(0, 100000) %}"
            + "{% endfor %}{% endfor %}{% endfor %}");
    RenderOptions options = RenderOptions.defaults().withLimits(RenderLimits.defaults().withTimeout(Duration.ofMillis(300)));
    assertThatThrownBy(() -> chart.render(options)).isInstanceOf(LimitExceededException.class)
        .hasMessageStartingWith("t/templates/a.yaml")
        .hasMessageContaining("rendering took longer than");
  }

  @Test
  @Timeout(10)
  void formatWidthIsCheckedBeforeAnythingIsPadded() {
    InlineChart chart = InlineChart.of("t").configMap("templates/cm.yaml", "\"{{ '%999999999d' | format(1) }}\"");
    assertThatThrownBy(chart::render).isInstanceOf(LimitExceededException.class)
        .hasMessageStartingWith("t/templates/cm.yaml:")
        .hasMessageContaining("exceeds");
  }

  @Test
  void anInvalidFormatStringIsATemplateErrorNamingTheFilterAndTheString() {
    InlineChart chart = InlineChart.of("t").configMap("templates/cm.yaml", "\"{{ '%.-1f' | format(1.5) }}\"");
    assertThatThrownBy(chart::render).isInstanceOf(TemplateException.class)
        .hasMessage("t/templates/cm.yaml:6: format: invalid format \"%.-1f\" (Conversion = '.')");
  }

  @Test
  @Timeout(10)
  void indentIsPricedByEveryLineItPads() {
    InlineChart chart = InlineChart.of("t").file("values.yaml", "newline: \"\\n\"\n").file("templates/a.yaml",
        "{% set s = values.newline %}{% for i in range(0, 17) %}{% set s = s ~ s %}{% endfor %}{{ s | indent(16000000) }}");
    assertThatThrownBy(chart::render).isInstanceOf(LimitExceededException.class)
        .hasMessageStartingWith("t/templates/a.yaml:1: ")
        .hasMessageContaining("exceeds");
  }

  @Test
  @Timeout(10)
  void joinIsMeasuredBeforeItsStringIsBuilt() {
    // range is lazy and small; its join would be about two thousand million characters.
    InlineChart chart = InlineChart.of("t").file("templates/a.yaml", "{% set sep = ',' %}{{ range(0, 200000000) | join(sep) }}");
    assertThatThrownBy(chart::render).isInstanceOf(LimitExceededException.class)
        .hasMessageStartingWith("t/templates/a.yaml:1: ")
        .hasMessageContaining("exceeds");
  }

  @Test
  @Timeout(10)
  void replaceIsMeasuredBeforeEachPairIsApplied() {
    // 2^20 characters, each replaced by 2^12: four thousand million characters.
    InlineChart chart = InlineChart.of("t").file("templates/a.yaml",
        "{% set s = 'a' %}{% for i in range(1, 20) %}{% set s = s ~ s %}{% endfor %}"
            + "{% set r = 'b' %}{% for i in range(1, 12) %}{% set r = r ~ r %}{% endfor %}"
            + "{{ s | replace({'a': r}) | length }}");
    assertThatThrownBy(chart::render).isInstanceOf(LimitExceededException.class)
        .hasMessageStartingWith("t/templates/a.yaml:1: ")
        .hasMessageContaining("exceeds");
  }

  @Test
  @Timeout(10)
  void splitTakesItsDelimiterLiterallyAsSprigDoes() {
    InlineChart chart = InlineChart.of("t")
        .configMap("templates/cm.yaml", "\"{{ 'a.b.c' | split('.') | length }} {{ 'aaaaaaaaaaaaaaaaaaaaaaaaaaaa' "
            + "| split('(a{1,20}){1,20}b') | length }}\"");
    assertThat(chart.render().manifests().get(0).object().get("data")).isEqualTo(java.util.Map.of("x", "3 1"));
  }

  @Test
  @Timeout(60)
  void runawayRendersNeverGrowTheWorkerPool() throws Exception {
    InlineChart chart = InlineChart.of("t").file("templates/a.yaml",
        "{% for i in range(0, 100000) %}{% for j in range(0, 100000) %}{% endfor %}{% endfor %}");
    RenderOptions options = RenderOptions.defaults().withLimits(RenderLimits.defaults().withTimeout(Duration.ofMillis(200)));
    int renders = 3 * Renderer.MAX_WORKERS;
    java.util.concurrent.ExecutorService callers = java.util.concurrent.Executors.newFixedThreadPool(renders);
    try {
      List<java.util.concurrent.Future<Throwable>> outcomes = new java.util.ArrayList<>();
      for (int i = 0; i < renders; i++) {
        outcomes.add(callers.submit(() -> {
          try {
            chart.render(options);
            return null;
          } catch (Throwable t) {
            return t;
          }
        }));
      }
      int mostWorkers = 0;
      while (!outcomes.stream().allMatch(java.util.concurrent.Future::isDone)) {
        mostWorkers = Math.max(mostWorkers, renderThreads());
        Thread.onSpinWait();
      }
      for (var outcome : outcomes) {
        assertThat(outcome.get()).isInstanceOf(LimitExceededException.class);
      }
      assertThat(mostWorkers).isLessThanOrEqualTo(Renderer.MAX_WORKERS);
    } finally {
      callers.shutdownNow();
    }
  }

  private static int renderThreads() {
    return (int) Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().equals("capstan-render") && t.isAlive()).count();
  }
}
