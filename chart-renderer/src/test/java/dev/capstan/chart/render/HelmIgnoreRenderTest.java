package dev.capstan.chart.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.capstan.chart.Chart;
import dev.capstan.chart.ChartLoader;
import dev.capstan.chart.source.ChartException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A chart's .helmignore as templates and dependencies see it: what it names is not part of the chart. */
class HelmIgnoreRenderTest {

  @Test
  void ignoredFilesAreNotReadableThroughFiles() {
    InlineChart chart = InlineChart.of("t")
        .file(".helmignore", "# editor leftovers\n*.bak\nconf/secret.txt\n")
        .file("conf/a.txt", "a").file("conf/a.txt.bak", "old").file("conf/secret.txt", "s3cr3t")
        .configMap("templates/cm.yaml",
            "\"{{ files.get('conf/secret.txt') }}|{{ files.get('conf/a.txt.bak') }}|{{ files.glob('conf/*') | length }}\"");
    assertThat(chart.x()).isEqualTo("||1");
    assertThat(chart.load().files().list()).containsExactly(".helmignore", "Chart.yaml", "conf/a.txt", "templates/cm.yaml");
  }

  @Test
  void anIgnoredDirectoryTakesItsTemplatesAlong() {
    InlineChart chart = InlineChart.of("t")
        .file(".helmignore", "templates/disabled/\n")
        .configMap("templates/cm.yaml", "kept")
        .configMap("templates/disabled/cm.yaml", "gone");
    assertThat(chart.render().manifests()).extracting(RenderedManifest::source).containsExactly("t/templates/cm.yaml");
  }

  @Test
  void hiddenFilesUnderTemplatesAreIgnoredWithoutAHelmignore() {
    InlineChart chart = InlineChart.of("t")
        .configMap("templates/cm.yaml", "kept")
        .configMap("templates/.cm.yaml.swp", "gone");
    assertThat(chart.load().templates()).containsOnlyKeys("templates/cm.yaml");
  }

  @Test
  void aBadPatternIsAnErrorAtItsLine() {
    InlineChart chart = InlineChart.of("t").file(".helmignore", "*.bak\nconf/**/x.txt\n");
    assertThatThrownBy(chart::load).isInstanceOf(ChartException.class)
        .hasMessage("inline/.helmignore:2: double-star (**) syntax is not supported: \"conf/**/x.txt\"");
  }

  /** Helm's "!" keeps only what matches, Chart.yaml included unless named: the chart then has none. */
  @Test
  void aNegatedPatternLeavesOutEverythingElse() {
    InlineChart chart = InlineChart.of("t").file(".helmignore", "!*.ini\n").file("app.ini", "x");
    assertThatThrownBy(chart::load).isInstanceOf(ChartException.class)
        .hasMessage("inline/Chart.yaml: missing: a chart needs a Chart.yaml");
  }

  @Test
  void theTopChartsRulesApplyToEmbeddedSubchartsAndTheirOwnDoNot() {
    InlineChart chart = InlineChart.of("t")
        .file(".helmignore", "*.md\n")
        .file("charts/sub/Chart.yaml", "apiVersion: v2\nname: sub\nversion: 1.0.0\n")
        .file("charts/sub/.helmignore", "x.txt\n")
        .file("charts/sub/README.md", "docs")
        .file("charts/sub/x.txt", "x");
    Chart sub = chart.load().dependencies().get(0);
    assertThat(sub.files().list()).containsExactly(".helmignore", "Chart.yaml", "x.txt");
  }

  /** Helm packages a file:// dependency with its own .helmignore before using it. */
  @Test
  void aFileDependencyUsesItsOwnHelmignore(@TempDir Path tmp) throws Exception {
    Path app = Files.createDirectories(tmp.resolve("app"));
    Files.writeString(app.resolve("Chart.yaml"), "apiVersion: v2\nname: app\nversion: 1.0.0\n"
        + "dependencies:\n  - name: lib\n    version: 1.0.0\n    repository: file://../lib\n");
    Path lib = Files.createDirectories(tmp.resolve("lib"));
    Files.writeString(lib.resolve("Chart.yaml"), "apiVersion: v2\nname: lib\nversion: 1.0.0\n");
    Files.writeString(lib.resolve(".helmignore"), "*.txt\n");
    Files.writeString(lib.resolve("notes.txt"), "not shipped");
    Files.writeString(lib.resolve("conf.ini"), "shipped");

    Chart loaded = ChartLoader.load(app);

    assertThat(loaded.dependencies().get(0).files().list()).containsExactly(".helmignore", "Chart.yaml", "conf.ini");
  }
}
