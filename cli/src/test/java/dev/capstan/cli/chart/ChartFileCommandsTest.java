package dev.capstan.cli.chart;

import static org.assertj.core.api.Assertions.assertThat;

import dev.capstan.testsupport.Golden;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code capstan package}, charts given as {@code .tgz}, and what {@code --version} means where. */
class ChartFileCommandsTest {
  @TempDir Path tmp;
  Path chart;

  @BeforeEach
  void writeChart() throws Exception {
    chart = TestChart.write(tmp, "web", "1.4.0");
  }

  @Test
  void packageWritesAnArchiveThatRendersAsTheFolder() {
    CliRun packaged = CliRun.of("package", chart.toString(), "-d", tmp.resolve("out").toString());
    assertThat(packaged.code()).isZero();
    Golden.assertMatches("chart/package.txt", packaged.out().replace(tmp.toString(), "TMP"));
    CliRun fromArchive = CliRun.of("render", tmp.resolve("out/web-1.4.0.tgz").toString());
    CliRun fromFolder = CliRun.of("render", chart.toString());
    assertThat(fromArchive.code()).isZero();
    assertThat(fromArchive.out()).contains("kind: ConfigMap").isEqualTo(fromFolder.out());
    CliRun lint = CliRun.of("lint", tmp.resolve("out/web-1.4.0.tgz").toString());
    assertThat(lint.code()).isZero();
    Golden.assertMatches("chart/lint-archive.txt", lint.out().replace(tmp.toString(), "TMP"));
  }

  @Test
  void versionOnALocalChartIsAnErrorNotCapstansVersion() {
    CliRun run = CliRun.of("render", chart.toString(), "--version", "1.0");
    assertThat(run.code()).isEqualTo(1);
    assertThat(run.out()).isEmpty();
    assertThat(run.err()).isEqualTo("Error: --version: applies to charts from --repo or oci://, not to the local chart "
        + chart + "\n");
  }

  @Test
  void capstansOwnVersionStaysOnTheRootAndTheVersionCommand() {
    CliRun root = CliRun.of("--version");
    CliRun command = CliRun.of("version");
    assertThat(root.code()).isZero();
    assertThat(root.out()).startsWith("capstan ");
    assertThat(command.out()).isEqualTo(root.out());
    CliRun other = CliRun.of("history", "--version");
    assertThat(other.code()).isZero();
    assertThat(other.out()).as("a command that takes no chart prints Capstan's version").isEqualTo(root.out());
  }

  @Test
  void aBrokenArchiveIsOneLine() throws Exception {
    Path bad = Files.writeString(tmp.resolve("bad-1.0.0.tgz"), "not gzip");
    CliRun run = CliRun.of("render", bad.toString());
    assertThat(run.code()).isEqualTo(1);
    assertThat(run.err()).startsWith("Error: " + bad + ": not a readable chart archive (gzip-compressed tar): ")
        .doesNotContain("\tat ").hasLineCount(1);
  }

  @Test
  void pushNeedsAnOciRepository() throws Exception {
    CliRun packaged = CliRun.of("package", chart.toString(), "-d", tmp.toString());
    assertThat(packaged.code()).isZero();
    CliRun run = CliRun.of("push", tmp.resolve("web-1.4.0.tgz").toString(), "https://example.invalid/charts");
    assertThat(run.code()).isEqualTo(1);
    assertThat(run.err()).isEqualTo("Error: https://example.invalid/charts: an OCI reference starts with oci://, "
        + "not \"https://example.invalid/charts\"\n");
  }
}
