package dev.capstan.chart.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.capstan.chart.source.ChartException;
import dev.capstan.chart.source.ChartFiles;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ChartArchiveReaderTest {
  private static final String CHART_YAML = "apiVersion: v2\nname: demo\nversion: 1.0.0\n";

  private static ChartFiles read(byte[] tgz) {
    return ChartArchiveReader.read(tgz, "demo-1.0.0.tgz", ArchiveBudget.of(ArchiveLimits.defaults()));
  }

  @Test
  void stripsTheChartFolder() {
    ChartFiles files = read(new TarFixture().file("demo/Chart.yaml", CHART_YAML)
        .file("./demo/templates/cm.yaml", "kind: ConfigMap\n").bytes());
    assertThat(files.list()).containsExactly("Chart.yaml", "templates/cm.yaml");
    assertThat(new String(files.read("templates/cm.yaml"), StandardCharsets.UTF_8)).isEqualTo("kind: ConfigMap\n");
  }

  @Test
  void writerAndReaderRoundTripAndWriterIsReproducible() {
    ChartFiles files = ChartFiles.of(Map.of("Chart.yaml", CHART_YAML.getBytes(StandardCharsets.UTF_8),
        "templates/a.yaml", "a: 1\n".getBytes(StandardCharsets.UTF_8)));
    ByteArrayOutputStream first = new ByteArrayOutputStream();
    ByteArrayOutputStream second = new ByteArrayOutputStream();
    ChartArchiveWriter.write(files, "demo", first);
    ChartArchiveWriter.write(files, "demo", second);
    assertThat(first.toByteArray()).isEqualTo(second.toByteArray());
    ChartFiles back = read(first.toByteArray());
    assertThat(back.list()).containsExactly("Chart.yaml", "templates/a.yaml");
    assertThat(back.read("templates/a.yaml")).isEqualTo("a: 1\n".getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void refusesParentPaths() {
    assertThatThrownBy(() -> read(new TarFixture().file("demo/Chart.yaml", CHART_YAML).file("demo/../../etc/x", "x").bytes()))
        .isInstanceOf(ChartException.class)
        .hasMessage("demo-1.0.0.tgz: demo/../../etc/x: '..' is not allowed in a chart archive path");
  }

  @Test
  void refusesAbsolutePaths() {
    assertThatThrownBy(() -> read(new TarFixture().file("/etc/passwd", "x").bytes()))
        .hasMessage("demo-1.0.0.tgz: /etc/passwd: absolute paths are not allowed in a chart archive");
  }

  @Test
  void refusesSymlinksHardLinksAndDevices() {
    assertThatThrownBy(() -> read(new TarFixture().file("demo/Chart.yaml", CHART_YAML)
        .symlink("demo/templates/x.yaml", "/etc/passwd").bytes()))
        .hasMessage("demo-1.0.0.tgz: demo/templates/x.yaml: links are not allowed in a chart archive");
    assertThatThrownBy(() -> read(new TarFixture().file("demo/Chart.yaml", CHART_YAML)
        .hardlink("demo/values.yaml", "demo/Chart.yaml").bytes()))
        .hasMessage("demo-1.0.0.tgz: demo/values.yaml: links are not allowed in a chart archive");
    assertThatThrownBy(() -> read(new TarFixture().device("demo/tty").bytes()))
        .hasMessage("demo-1.0.0.tgz: demo/tty: devices and FIFOs are not allowed in a chart archive");
  }

  @Test
  void refusesASecondTopLevelFolderAndLooseFiles() {
    assertThatThrownBy(() -> read(new TarFixture().file("demo/Chart.yaml", CHART_YAML).file("other/x", "x").bytes()))
        .hasMessage("demo-1.0.0.tgz: other/x: second top-level folder \"other\" (the chart is in \"demo\")");
    assertThatThrownBy(() -> read(new TarFixture().file("Chart.yaml", CHART_YAML).bytes()))
        .hasMessageStartingWith("demo-1.0.0.tgz: Chart.yaml: file outside the chart's folder");
  }

  @Test
  void stopsAGzipBombAtTheTotalLimit() {
    byte[] bomb = new TarFixture().zeros("demo/a", 3L << 20).zeros("demo/b", 3L << 20).bytes();
    assertThat(bomb.length).isLessThan(64 * 1024);
    ArchiveLimits limits = ArchiveLimits.defaults().withMaxTotalBytes(4L << 20);
    assertThatThrownBy(() -> ChartArchiveReader.read(bomb, "bomb.tgz", ArchiveBudget.of(limits)))
        .hasMessage("bomb.tgz: demo/b: chart archive is larger than 4194304 bytes unpacked");
  }

  @Test
  void stopsAnOversizeFile() {
    byte[] big = new TarFixture().zeros("demo/big", (5L << 20) + 1).bytes();
    assertThatThrownBy(() -> read(big)).hasMessage("demo-1.0.0.tgz: demo/big: file is larger than 5242880 bytes unpacked");
  }

  @Test
  void stopsTooManyEntries() {
    TarFixture many = new TarFixture();
    for (int i = 0; i < 11; i++) {
      many.file("demo/f" + i, "");
    }
    byte[] tgz = many.bytes();
    assertThatThrownBy(() -> ChartArchiveReader.read(tgz, "many.tgz", ArchiveBudget.of(ArchiveLimits.defaults().withMaxEntries(10))))
        .hasMessage("many.tgz: more than 10 entries in the chart archive");
  }

  @Test
  void refusesWhatIsNotAGzippedTar() {
    assertThatThrownBy(() -> read("binary".getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(ChartException.class)
        .hasMessageStartingWith("demo-1.0.0.tgz: not a readable chart archive (gzip-compressed tar): ");
    assertThatThrownBy(() -> read(new TarFixture().bytes())).hasMessage("demo-1.0.0.tgz: the chart archive holds no files");
  }
}
