package dev.capstan.chart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.capstan.chart.archive.ArchiveLimits;
import dev.capstan.chart.archive.TarFixture;
import dev.capstan.chart.render.RenderOptions;
import dev.capstan.chart.render.RenderResult;
import dev.capstan.chart.render.Renderer;
import dev.capstan.chart.source.ChartException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Charts given as archives, and subcharts kept as {@code charts/*.tgz}, render as their folders do. */
class ChartArchiveLoadTest {
  private static final Path CHARTS = Path.of("src/test/resources/charts");

  @TempDir Path tmp;

  private static String render(Chart chart) {
    RenderResult r = new Renderer().render(chart, RenderOptions.defaults().withReleaseName("rel").withNamespace("ns"));
    StringBuilder out = new StringBuilder();
    r.manifests().forEach(m -> out.append(m.source()).append('\n').append(m.object()).append('\n'));
    return out.append(r.notes()).toString();
  }

  @Test
  void aPackagedChartRendersAsItsFolder() {
    Path archive = ChartPackager.pack(CHARTS.resolve("umbrella"), tmp);
    assertThat(archive.getFileName().toString()).isEqualTo("umbrella-2.3.4.tgz");
    assertThat(render(ChartLoader.load(archive))).isEqualTo(render(ChartLoader.load(CHARTS.resolve("umbrella"))));
  }

  @Test
  void packagingIsReproducible() {
    assertThat(ChartPackager.pack(CHARTS.resolve("umbrella")).archive())
        .isEqualTo(ChartPackager.pack(CHARTS.resolve("umbrella")).archive());
  }

  @Test
  void subchartArchivesUnderChartsRenderAsFolders() throws IOException {
    Path copy = copy(CHARTS.resolve("umbrella"), tmp.resolve("umbrella"));
    copy(CHARTS.resolve("common-lib"), tmp.resolve("common-lib"));
    for (String sub : new String[] {"redis", "worker", "metrics"}) {
      ChartPackager.pack(copy.resolve("charts/" + sub), copy.resolve("charts"));
      delete(copy.resolve("charts/" + sub));
    }
    assertThat(Files.list(copy.resolve("charts")).map(p -> p.getFileName().toString()).sorted())
        .allMatch(n -> n.endsWith(".tgz"));
    assertThat(render(ChartLoader.load(copy))).isEqualTo(render(ChartLoader.load(CHARTS.resolve("umbrella"))));
  }

  @Test
  void anArchiveInARangeTheDependencyRefusesIsNamed() throws IOException {
    Path chart = tmp.resolve("app");
    Files.createDirectories(chart.resolve("charts"));
    Files.writeString(chart.resolve("Chart.yaml"),
        "apiVersion: v2\nname: app\nversion: 1.0.0\ndependencies:\n  - name: db\n    version: ^2.0.0\n");
    Files.write(chart.resolve("charts/db-1.4.0.tgz"),
        new TarFixture().file("db/Chart.yaml", "apiVersion: v2\nname: db\nversion: 1.4.0\n").bytes());
    assertThatThrownBy(() -> ChartLoader.load(chart)).isInstanceOf(ChartException.class)
        .hasMessage("app/Chart.yaml: dependency \"db\" wants version ^2.0.0 but charts/db-1.4.0.tgz is 1.4.0");
  }

  @Test
  void aHostileSubchartArchiveFailsTheLoad() throws IOException {
    Path chart = tmp.resolve("app");
    Files.createDirectories(chart.resolve("charts"));
    Files.writeString(chart.resolve("Chart.yaml"), "apiVersion: v2\nname: app\nversion: 1.0.0\n");
    Files.write(chart.resolve("charts/evil-1.0.0.tgz"),
        new TarFixture().file("evil/Chart.yaml", "apiVersion: v2\nname: evil\nversion: 1.0.0\n")
            .symlink("evil/templates/x.yaml", "/etc/shadow").bytes());
    assertThatThrownBy(() -> ChartLoader.load(chart))
        .hasMessage("app/charts/evil-1.0.0.tgz: evil/templates/x.yaml: links are not allowed in a chart archive");
  }

  @Test
  void nestedArchivesShareOneBudget() {
    TarFixture inner = new TarFixture().file("db/Chart.yaml", "apiVersion: v2\nname: db\nversion: 1.0.0\n")
        .zeros("db/files/blob", 3L << 20);
    byte[] outer = new TarFixture().file("app/Chart.yaml", "apiVersion: v2\nname: app\nversion: 1.0.0\n")
        .zeros("app/files/blob", 3L << 20).file("app/charts/db-1.0.0.tgz", inner.bytes()).bytes();
    ArchiveLimits limits = ArchiveLimits.defaults().withMaxTotalBytes(5L << 20);
    assertThatThrownBy(() -> ChartLoader.loadArchive(outer, "app-1.0.0.tgz", limits))
        .hasMessage("app/charts/db-1.0.0.tgz: db/files/blob: chart archive is larger than 5242880 bytes unpacked");
  }

  private static Path copy(Path from, Path to) throws IOException {
    try (Stream<Path> walk = Files.walk(from)) {
      for (Path p : (Iterable<Path>) walk::iterator) {
        Path target = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(target);
        } else {
          Files.copy(p, target);
        }
      }
    }
    return to;
  }

  private static void delete(Path dir) throws IOException {
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path p : (Iterable<Path>) walk.sorted(Comparator.reverseOrder())::iterator) {
        Files.delete(p);
      }
    }
  }
}
