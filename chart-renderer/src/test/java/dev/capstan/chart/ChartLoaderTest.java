package dev.capstan.chart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.capstan.chart.source.ChartException;
import dev.capstan.chart.source.ChartFiles;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Reading Chart.yaml, values, templates and dependencies. */
class ChartLoaderTest {
  private static Map<String, byte[]> files(String... pathsAndContents) {
    Map<String, byte[]> files = new LinkedHashMap<>();
    for (int i = 0; i < pathsAndContents.length; i += 2) {
      files.put(pathsAndContents[i], pathsAndContents[i + 1].getBytes(StandardCharsets.UTF_8));
    }
    return files;
  }

  @Test
  void loadsTheUmbrellaChartWithAliasedImplicitAndFileDependencies() {
    Chart chart = ChartLoader.load(Path.of("src/test/resources/charts/umbrella"));
    assertThat(chart.path()).isEqualTo("umbrella");
    assertThat(chart.metadata().kubeVersion()).isEqualTo(">=1.25.0-0");
    assertThat(chart.dependencies()).extracting(Chart::path).containsExactly(
        "umbrella/charts/cache", "umbrella/charts/worker", "umbrella/charts/metrics", "umbrella/charts/common-lib");
    Chart cache = chart.dependencies().get(0);
    assertThat(cache.name()).isEqualTo("cache");
    assertThat(cache.scopeName()).isEqualTo("cache");
    assertThat(cache.entry().orElseThrow().condition()).isEqualTo("cache.enabled");
    assertThat(chart.dependencies().get(3).metadata().isLibrary()).isTrue();
    assertThat(chart.templates()).containsKeys("templates/NOTES.txt", "templates/service.json", "templates/configmap.yaml");
  }

  @Test
  void foldersUnderChartsAreLoadedEvenWhenNotListed() {
    Chart chart = ChartLoader.load(ChartFiles.of(files(
        "Chart.yaml", "apiVersion: v2\nname: top\nversion: 1.0.0\n",
        "charts/extra/Chart.yaml", "apiVersion: v2\nname: extra\nversion: 0.1.0\n",
        "charts/extra/values.yaml", "a: 1\n")), "top");
    assertThat(chart.dependencies()).singleElement().satisfies(dep -> {
      assertThat(dep.path()).isEqualTo("top/charts/extra");
      assertThat(dep.defaults()).containsEntry("a", 1L);
    });
  }

  @Test
  void typeDefaultsToApplicationAndOptionalFieldsMayBeAbsent() {
    Chart chart = ChartLoader.load(ChartFiles.of(files("Chart.yaml", "apiVersion: v2\nname: min\nversion: 0.0.1\n")), "x");
    assertThat(chart.metadata()).isEqualTo(new ChartMetadata("v2", "min", "0.0.1", null, null, "application", null, List.of()));
    assertThat(chart.defaults()).isEmpty();
    assertThat(chart.schema()).isEmpty();
  }

  @Test
  void refusesApiVersionV1AndUnknownTypes() {
    assertThatThrownBy(() -> ChartLoader.load(ChartFiles.of(files("Chart.yaml", "apiVersion: v1\nname: a\nversion: 1.0.0\n")), "a"))
        .hasMessage("a/Chart.yaml: apiVersion must be v2, found \"v1\"");
    assertThatThrownBy(() -> ChartLoader.load(ChartFiles.of(files("Chart.yaml",
        "apiVersion: v2\nname: a\nversion: 1.0.0\ntype: plugin\n")), "a"))
        .hasMessage("a/Chart.yaml: type must be application or library, found \"plugin\"");
    assertThatThrownBy(() -> ChartLoader.load(ChartFiles.of(files("Chart.yaml",
        "apiVersion: v2\nname: a\nversion: 1.0.0\nkubeVersion: soon\n")), "a"))
        .hasMessageStartingWith("a/Chart.yaml: kubeVersion \"soon\" is not a version constraint");
  }

  @Test
  void aChartWithoutChartYamlIsNamed() {
    assertThatThrownBy(() -> ChartLoader.load(ChartFiles.of(files("values.yaml", "a: 1\n")), "mychart"))
        .isInstanceOf(ChartException.class)
        .hasMessage("mychart/Chart.yaml: missing: a chart needs a Chart.yaml");
  }

  @Test
  void inMemoryFilesRefuseEscapingPaths() {
    assertThatThrownBy(() -> ChartFiles.of(files("../x", "y"))).isInstanceOf(ChartException.class)
        .hasMessage("../x: paths may not contain '..'");
  }

  @Test
  void aDependencyVersionRangeMustMatchTheChartFound() {
    assertThatThrownBy(() -> ChartLoader.load(ChartFiles.of(files(
        "Chart.yaml", "apiVersion: v2\nname: top\nversion: 1.0.0\ndependencies:\n  - name: db\n    version: ~1.2.0\n",
        "charts/db/Chart.yaml", "apiVersion: v2\nname: db\nversion: 2.0.0\n")), "top"))
        .isInstanceOf(ChartException.class)
        .hasMessage("top/Chart.yaml: dependency \"db\" wants version ~1.2.0 but top/charts/db is 2.0.0");
  }
}
