package dev.capstan.chart;

import static org.assertj.core.api.Assertions.assertThat;

import dev.capstan.testsupport.HelmOracle;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code capstan package} writes archives real Helm 3.17 reads: {@code helm template} on the archive
 * prints exactly what it prints for the chart's folder (subcharts included), and Helm shows a
 * Pebble chart's metadata (it can store and move one; it cannot render it, see
 * docs/chart-sources.md).
 */
class PackageHelmInteropIT {
  private static final Path CHARTS = Path.of("src/test/resources/charts").toAbsolutePath();

  @TempDir Path tmp;

  @ParameterizedTest
  @ValueSource(strings = {"go/webapp", "go/platform", "go/starter", "go/operator"})
  void helmRendersThePackageAsTheFolder(String chart) {
    HelmOracle helm = HelmOracle.in(tmp.resolve("helm"));
    Path archive = ChartPackager.pack(CHARTS.resolve(chart), tmp);
    String fromFolder = helm.run("template", "rel", CHARTS.resolve(chart).toString(), "--namespace", "ns").ok();
    String fromArchive = helm.run("template", "rel", archive.toString(), "--namespace", "ns").ok();
    assertThat(fromArchive).isNotBlank().isEqualTo(fromFolder);
  }

  @Test
  void helmReadsAPebbleChartsPackage() {
    HelmOracle helm = HelmOracle.in(tmp.resolve("helm"));
    Path archive = ChartPackager.pack(CHARTS.resolve("simple"), tmp);
    assertThat(helm.run("show", "chart", archive.toString()).ok()).contains("name: simple", "version: 0.1.0");
    assertThat(ChartLoader.load(archive).metadata()).isEqualTo(ChartLoader.load(CHARTS.resolve("simple")).metadata());
  }
}
