package dev.capstan.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.capstan.testsupport.Golden;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code capstan render} and {@code lint} on a folder without {@code Chart.yaml}: plain manifests, as
 * {@code kubectl apply -f DIR [-R]} and Argo CD's directory source read them, through the agent's
 * reader. Output is compared with golden files; bad input is one line naming the flag, file or folder.
 */
class ManifestsFolderCommandTest {
  @TempDir
  Path tmp;

  private Path dir;
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  @BeforeEach
  void writeFolder() throws Exception {
    dir = Files.createDirectories(tmp.resolve("ingress"));
    Files.writeString(dir.resolve("deployment.yaml"), """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: edge
        spec:
          selector: {matchLabels: {app: edge}}
          template:
            metadata: {labels: {app: edge}}
            spec:
              containers: [{name: edge, image: "nginx:1.27"}]
        """);
    Files.writeString(dir.resolve("config.json"), "{\n\t\"apiVersion\": \"v1\",\n\t\"kind\": \"ConfigMap\",\n"
        + "\t\"metadata\": {\"name\": \"edge-config\"},\n\t\"data\": {\"mode\": \"json\"}\n}\n");
    Files.writeString(dir.resolve("README.md"), "not a manifest\n");
    Files.createDirectories(dir.resolve("prod"));
    Files.writeString(dir.resolve("prod/service.yaml"), """
        apiVersion: v1
        kind: Service
        metadata:
          name: edge
        spec:
          selector: {app: edge}
          ports: [{port: 80}]
        ---
        apiVersion: v1
        kind: Namespace
        metadata:
          name: edge-system
        """);
    Files.writeString(dir.resolve("prod/service-test.yaml"), "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: edge-test}\n");
  }

  private int run(String... args) {
    CommandLine cli = Capstan.newCommandLine();
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    return cli.execute(args);
  }

  @Test
  void renderPrintsTheFoldersOwnFilesInApplyOrder() {
    assertThat(run("render", dir.toString())).isZero();
    assertThat(err.toString()).isEmpty();
    Golden.assertMatches("manifests/render-folder.yaml", out.toString());
  }

  @Test
  void recursiveWithIncludeAndExcludeChoosesFilesAsArgoCdDoes() {
    assertThat(run("render", dir.toString(), "--recursive", "--include", "{prod/*,*.json}", "--exclude", "*-test.yaml")).isZero();
    assertThat(err.toString()).isEmpty();
    Golden.assertMatches("manifests/render-recursive-include-exclude.yaml", out.toString());
  }

  @Test
  void showOnlyNamesAFileOfTheFolder() {
    assertThat(run("render", dir.toString(), "-R", "--show-only", "prod/service.yaml")).isZero();
    assertThat(out.toString()).contains("# Source: ingress/prod/service.yaml\n").doesNotContain("Deployment", "ConfigMap");
  }

  @Test
  void anEmptySelectionIsOneLineNamingTheFolderAndTheSelection() {
    assertThat(run("render", dir.toString(), "--include", "*.yml")).isEqualTo(1);
    assertThat(out.toString()).isEmpty();
    assertThat(err.toString()).isEqualTo("Error: ingress: no manifest files (.yaml, .yml, .json) selected (not recursive, include \"*.yml\")\n");
  }

  @Test
  void aDocumentThatIsNotAnObjectIsOneLineNamingFileAndLine() throws Exception {
    Files.writeString(dir.resolve("broken.yaml"), "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: ok}\n---\nkind: Secret\n");
    assertThat(run("render", dir.toString())).isEqualTo(1);
    assertThat(out.toString()).isEmpty();
    assertThat(err.toString()).startsWith("Error: ingress/broken.yaml:").contains("apiVersion").doesNotContain("\tat ");
    assertThat(err.toString().lines()).hasSize(1);
  }

  @Test
  void valuesAndChartOnlyFlagsAreRefusedNotIgnored() throws Exception {
    assertThat(run("render", dir.toString(), "--set", "replicas=2")).isEqualTo(1);
    assertThat(err.toString()).isEqualTo("Error: --set: " + dir + " holds plain manifests (no Chart.yaml), which take no values\n");

    Path chart = Files.createDirectories(tmp.resolve("web/templates")).getParent();
    Files.writeString(chart.resolve("Chart.yaml"), "apiVersion: v2\nname: web\nversion: 1.0.0\n");
    err.getBuffer().setLength(0);
    assertThat(run("render", chart.toString(), "--recursive")).isEqualTo(1);
    assertThat(err.toString()).isEqualTo("Error: --recursive: selects files of a folder of plain manifests; " + chart + " is a chart\n");

    err.getBuffer().setLength(0);
    assertThat(run("render", dir.toString(), "--verify")).isEqualTo(1);
    assertThat(err.toString()).startsWith("Error: " + dir + ": --verify needs a chart archive (.tgz)");
    assertThat(err.toString().lines()).hasSize(1);

    err.getBuffer().setLength(0);
    assertThat(run("render", dir.toString(), "--include", "[a-")).isEqualTo(1);
    assertThat(err.toString()).startsWith("Error: --include: ");
    assertThat(err.toString().lines()).hasSize(1);
  }

  @Test
  void lintChecksTheObjectsAsRenderedOnesAreChecked() throws Exception {
    Files.writeString(dir.resolve("bad.yaml"), """
        apiVersion: v1
        kind: Service
        metadata:
          name: Bad_Name
        spec:
          ports: [{port: "eighty"}]
        """);
    int code = run("lint", dir.toString());
    Golden.assertMatches("manifests/lint-folder.txt", out.toString().replace(dir.toString(), "DIR"));
    assertThat(code).isEqualTo(1);
  }

  @Test
  void lintOfAnEmptySelectionIsAnError() {
    assertThat(run("lint", dir.toString(), "--include", "nothing/*")).isEqualTo(1);
    assertThat(out.toString()).startsWith(dir + ": error: no manifest files (.yaml, .yml, .json) selected");
  }
}
