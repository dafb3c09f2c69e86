package dev.capstan.chart.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.capstan.chart.Chart;
import dev.capstan.chart.ChartLoader;
import dev.capstan.chart.template.LimitExceededException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A Go chart gets the guarantees a Pebble chart has: RenderLimits bound nesting (include, tpl and
 * template together), output and time, and each stop is a limit error naming the template.
 */
class GoChartLimitsTest {
  @TempDir
  Path tmp;

  private Chart chart(String helpers, String template) throws Exception {
    Path dir = Files.createDirectories(tmp.resolve("lim/templates")).getParent();
    Files.writeString(dir.resolve("Chart.yaml"), "apiVersion: v2\nname: lim\nversion: 0.1.0\n");
    Files.writeString(dir.resolve("values.yaml"), "loop: '{{ tpl .Values.loop . }}'\n");
    Files.writeString(dir.resolve("templates/_helpers.tpl"), helpers);
    Files.writeString(dir.resolve("templates/cm.yaml"), template);
    return ChartLoader.load(dir);
  }

  @Test
  void includeCallingItselfStopsAtTheDepthLimit() throws Exception {
    Chart c = chart("{{ define \"self\" }}{{ include \"self\" . }}{{ end }}", "{{ include \"self\" . }}");
    assertThatThrownBy(() -> new Renderer().render(c, RenderOptions.defaults()))
        .isInstanceOf(LimitExceededException.class)
        .hasMessageStartingWith("lim/templates/cm.yaml: ")
        .hasMessageContaining("nested deeper than 100 calls (RenderLimits.maxDepth)");
  }

  @Test
  void aRecursingIncludeIsOneShortLineNamingWhereItStoppedAndWhereItStarted() throws Exception {
    Chart c = chart("{{/* helpers */}}\n{{ define \"self\" }}{{ include \"self\" . }}{{ end }}", "x: {{ include \"self\" . }}");
    assertThatThrownBy(() -> new Renderer().render(c, RenderOptions.defaults()))
        .isInstanceOf(LimitExceededException.class)
        .hasMessage("lim/templates/cm.yaml: template: lim/templates/_helpers.tpl:2:22: include \"self\" stopped: "
            + "templates (include, tpl, template) nested deeper than 100 calls (RenderLimits.maxDepth); is it calling itself?"
            + " (first call at lim/templates/cm.yaml:1:6)")
        .satisfies(e -> assertThat(e.getMessage()).hasLineCount(1).hasSizeLessThan(300));
  }

  @Test
  void pastHelmsLimitOfAThousandIncludesOfOneNameTheErrorStaysShort() throws Exception {
    Chart c = chart("{{ define \"self\" }}{{ include \"self\" . }}{{ end }}", "{{ include \"self\" . }}");
    RenderOptions deep = RenderOptions.defaults().withLimits(RenderLimits.defaults().withMaxDepth(5000));
    assertThatThrownBy(() -> new Renderer().render(c, deep))
        .hasMessageContaining("lim/templates/_helpers.tpl:1:22: include \"self\" recursed past 1000 levels (Helm's limit per template name)")
        .hasMessageEndingWith("(first call at lim/templates/cm.yaml:1:3)")
        .satisfies(e -> assertThat(e.getMessage()).hasLineCount(1).hasSizeLessThan(300));
  }

  @Test
  void aLimitReachedDeepInsideIncludesIsNotRepeatedPerLevel() throws Exception {
    Chart c = chart("{{ define \"down\" }}{{ if lt (len .) 50 }}{{ include \"down\" (append . 1) }}{{ else }}"
        + "{{ range until 100000 }}0123456789{{ end }}{{ end }}{{ end }}", "{{ include \"down\" list }}");
    RenderOptions small = RenderOptions.defaults().withLimits(RenderLimits.defaults().withMaxOutputChars(50_000));
    assertThatThrownBy(() -> new Renderer().render(c, small))
        .isInstanceOf(LimitExceededException.class)
        .hasMessageContaining("rendered output exceeds 50000 characters (RenderLimits.maxOutputChars)")
        .hasMessageEndingWith("(first call at lim/templates/cm.yaml:1:3)")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("error calling include").hasSizeLessThan(400));
  }

  @Test
  void tplRenderingItselfStopsAtTheDepthLimitWhereHelmWouldOverflowItsStack() throws Exception {
    Chart c = chart("", "{{ tpl .Values.loop . }}");
    assertThatThrownBy(() -> new Renderer().render(c, RenderOptions.defaults()))
        .isInstanceOf(LimitExceededException.class)
        .hasMessageContaining("nested deeper than 100 calls (RenderLimits.maxDepth)")
        .satisfies(e -> assertThat(e.getMessage()).hasLineCount(1).hasSizeLessThan(400));
  }

  @Test
  void outputIsBounded() throws Exception {
    Chart c = chart("", "{{ range until 100000 }}0123456789{{ end }}");
    RenderOptions small = RenderOptions.defaults().withLimits(RenderLimits.defaults().withMaxOutputChars(50_000));
    assertThatThrownBy(() -> new Renderer().render(c, small))
        .isInstanceOf(LimitExceededException.class)
        .hasMessageContaining("rendered output exceeds 50000 characters (RenderLimits.maxOutputChars)");
  }

  @Test
  void timeIsBounded() throws Exception {
    Chart c = chart("", "{{ range until 100000 }}{{ range until 100000 }}{{ end }}{{ end }}");
    RenderOptions quick = RenderOptions.defaults().withLimits(RenderLimits.defaults().withTimeout(Duration.ofMillis(300)));
    long start = System.nanoTime();
    assertThatThrownBy(() -> new Renderer().render(c, quick))
        .isInstanceOf(LimitExceededException.class)
        .hasMessageContaining("(RenderLimits.timeout)");
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
  }

  @Test
  void oneRendererRendersAGoChartOnManyThreadsAlike() throws Exception {
    Chart c = ChartLoader.load(Charts.DIR.resolve("go/webapp"));
    Renderer renderer = new Renderer();
    RenderOptions options = RenderOptions.defaults().withReleaseName("shop");
    String expected = ManifestPrinter.print(renderer.render(c, options));
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<String>> runs = new ArrayList<>();
      for (int i = 0; i < 16; i++) {
        runs.add(pool.submit(() -> ManifestPrinter.print(renderer.render(c, options))));
      }
      for (Future<String> run : runs) {
        assertThat(run.get()).isEqualTo(expected);
      }
    } finally {
      pool.shutdownNow();
    }
  }
}
