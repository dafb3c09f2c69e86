package dev.capstan.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code capstan render} run in-process: what a user sees on stdout and stderr, and the exit code. */
class RenderCommandTest {
  @TempDir
  Path tmp;

  private Path chart;
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  @BeforeEach
  void writeChart() throws Exception {
    chart = Files.createDirectories(tmp.resolve("web/templates"));
    chart = chart.getParent();
    Files.writeString(chart.resolve("Chart.yaml"), "apiVersion: v2\nname: web\nversion: 1.0.0\n");
    Files.writeString(chart.resolve("values.yaml"), "replicas: 1\nimage: nginx\n");
    Files.writeString(chart.resolve("templates/_helpers.tpl"),
        "{% macro fullname() %}{{ release.name }}-{{ chart.name }}{% endmacro %}\n");
    Files.writeString(chart.resolve("templates/deployment.yaml"), """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: {{ fullname() }}
          namespace: {{ release.namespace }}
        spec:
          replicas: {{ values.replicas }}
          template:
            spec:
              containers:
                - name: web
                  image: {{ values.image | required("image is required") }}
        """);
    Files.writeString(chart.resolve("templates/service.yaml"), """
        apiVersion: v1
        kind: Service
        metadata:
          name: {{ fullname() }}
        """);
    Files.writeString(chart.resolve("templates/NOTES.txt"), "Installed {{ fullname() }}.\n");
  }

  private int run(String... args) {
    CommandLine cli = Capstan.newCommandLine();
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    return cli.execute(args);
  }

  @Test
  void printsTheManifestStreamWithValuesFlags() throws Exception {
    Path prod = Files.writeString(tmp.resolve("prod.yaml"), "replicas: 3\n");
    int code = run("render", chart.toString(), "-f", prod.toString(), "--set", "image=nginx:1.27",
        "--release", "shop", "--namespace", "prod");
    assertThat(err.toString()).isEmpty();
    assertThat(code).isZero();
    assertThat(out.toString()).isEqualTo("""
        ---
        # Source: web/templates/service.yaml
        apiVersion: v1
        kind: Service
        metadata:
          name: shop-web
        ---
        # Source: web/templates/deployment.yaml
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: shop-web
          namespace: prod
        spec:
          replicas: 3
          template:
            spec:
              containers:
                - name: web
                  image: nginx:1.27
        ---
        # Source: web/templates/NOTES.txt
        # Installed shop-web.
        """);
  }

  @Test
  void showOnlyPrintsOneTemplate() {
    assertThat(run("render", chart.toString(), "--show-only", "templates/service.yaml")).isZero();
    assertThat(out.toString()).startsWith("---\n# Source: web/templates/service.yaml\n").doesNotContain("Deployment");
  }

  @Test
  void outputDirWritesOneFilePerTemplate() throws Exception {
    Path dir = tmp.resolve("out");
    assertThat(run("render", chart.toString(), "--output-dir", dir.toString())).isZero();
    assertThat(Files.readString(dir.resolve("web/templates/service.yaml")))
        .isEqualTo("---\n# Source: web/templates/service.yaml\napiVersion: v1\nkind: Service\nmetadata:\n  name: release-web\n");
    assertThat(out.toString()).contains("wrote " + dir.resolve("web/templates/deployment.yaml"));
  }

  @Test
  void aTemplateErrorIsOneLineWithFileAndLineAndExitCode1() {
    int code = run("render", chart.toString(), "--set", "image=null");
    assertThat(code).isEqualTo(1);
    assertThat(out.toString()).isEmpty();
    assertThat(err.toString()).isEqualTo("Error: web/templates/deployment.yaml:12: image is required\n");
  }

  @Test
  void aBadSetExpressionNamesTheFlag() {
    assertThat(run("render", chart.toString(), "--set", "a[x]=1")).isEqualTo(1);
    assertThat(err.toString()).startsWith("Error: --set ").contains("at character 4");
    assertThat(err.toString().lines()).hasSize(1);
  }

  @Test
  void aMissingChartIsOneLine() {
    assertThat(run("render", tmp.resolve("nope").toString())).isEqualTo(1);
    assertThat(err.toString()).isEqualTo("Error: " + tmp.resolve("nope") + ": chart directory not found\n");
  }

  /** An unmodified Helm chart renders as helm template does; its errors are Helm's, on one line. */
  @Test
  void rendersAGoTemplateChart() throws Exception {
    Path hc = Files.createDirectories(tmp.resolve("hc/templates")).getParent();
    Files.writeString(hc.resolve("Chart.yaml"), "apiVersion: v2\nname: hc\nversion: v0.1.0\n");
    Files.writeString(hc.resolve("values.yaml"), "replicaCount: 1\nimage: {repository: nginx}\n");
    Files.writeString(hc.resolve("templates/_helpers.tpl"), """
        {{- define "hc.fullname" -}}
        {{- $name := default .Chart.Name .Values.nameOverride }}
        {{- printf "%s-%s" .Release.Name $name | trunc 63 | trimSuffix "-" }}
        {{- end }}
        """);
    Files.writeString(hc.resolve("templates/deployment.yaml"), """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: {{ include "hc.fullname" . }}
        spec:
          replicas: {{ .Values.replicaCount }}
          template:
            spec:
              containers:
                - name: {{ .Chart.Name }}
                  image: "{{ .Values.image.repository }}:{{ .Values.image.tag | default "latest" }}"
        """);
    Files.writeString(Files.createDirectories(hc.resolve("templates/tests")).resolve("test.yaml"), """
        apiVersion: v1
        kind: Pod
        metadata:
          name: {{ include "hc.fullname" . }}-test
          annotations:
            helm.sh/hook: test
        """);
    assertThat(run("render", hc.toString(), "--release", "demo", "--skip-tests")).isZero();
    assertThat(out.toString()).contains("# Source: hc/templates/deployment.yaml\n", "  name: demo-hc\n",
        "  replicas: 1\n", "image: \"nginx:latest\"").doesNotContain("demo-hc-test");
    assertThat(err.toString()).isEmpty();

    assertThat(run("render", hc.toString(), "--release", "demo", "--set", "image=null")).isEqualTo(1);
    assertThat(err.toString()).isEqualTo("Error: template: hc/templates/deployment.yaml:11:28: executing"
        + " \"hc/templates/deployment.yaml\" at <.Values.image.repository>: nil pointer evaluating interface {}.repository\n");
  }
}
