package dev.capstan.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code capstan create} and {@code capstan lint} run in-process: output, errors and exit codes. */
class LintAndCreateCommandTest {
  @TempDir Path tmp;

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    CommandLine cli = Capstan.newCommandLine();
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    return cli.execute(args);
  }

  @Test
  void aCreatedChartLintsClean() {
    Path chart = tmp.resolve("charts/web");
    assertThat(run("create", chart.toString())).isZero();
    assertThat(out.toString()).isEqualTo("Created chart " + chart + ". Render it with: capstan render " + chart + "\n");

    out.getBuffer().setLength(0);
    assertThat(run("lint", chart.toString())).isZero();
    assertThat(out.toString()).isEqualTo(chart.resolve("Chart.yaml") + ": info: icon is recommended\n"
        + chart + ": 0 errors, 0 warnings\n");
    assertThat(err.toString()).isEmpty();
  }

  @Test
  void createRefusesAFolderThatExists() throws Exception {
    Files.createDirectories(tmp.resolve("web"));
    assertThat(run("create", tmp.resolve("web").toString())).isEqualTo(1);
    assertThat(err.toString()).isEqualTo("Error: " + tmp.resolve("web") + ": already exists; choose another name"
        + " or remove it first\n");
  }

  @Test
  void lintPrintsEachFindingAtItsLineAndFailsOnErrors() throws Exception {
    Path chart = Files.createDirectories(tmp.resolve("shop/templates")).getParent();
    Files.writeString(chart.resolve("Chart.yaml"), "apiVersion: v2\nname: shop\nversion: 1.0.0\n");
    Files.writeString(chart.resolve("values.yaml"), "port: 80\n");
    Files.writeString(chart.resolve("templates/service.yaml"), """
        apiVersion: v1
        kind: Service
        metadata:
          name: shop
        spec:
          ports:
            - port: {{ values.port }}
              protocl: TCP
        """);
    assertThat(run("lint", "--quiet", chart.toString())).isEqualTo(1);
    assertThat(out.toString()).isEqualTo(chart.resolve("templates/service.yaml") + ":8: error: Service/shop:"
        + " spec.ports[0].protocl: unknown field \"protocl\"\n"
        + chart + ": 1 error, 0 warnings (lint failed)\n");
  }

  @Test
  void lintReportsEveryBrokenTemplateWhereRenderStopsAtTheFirst() throws Exception {
    Path chart = Files.createDirectories(tmp.resolve("shop/templates")).getParent();
    Files.writeString(chart.resolve("Chart.yaml"), "apiVersion: v2\nname: shop\nversion: 1.0.0\n");
    Files.writeString(chart.resolve("templates/a.yaml"), "apiVersion: v1\nkind: ConfigMap\nmetadata:\n"
        + "  name: {{ fulname() }}\n");
    Files.writeString(chart.resolve("templates/b.yaml"), "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: b\n"
        + "data:\n  {% if values.debug %}\n");
    Files.writeString(chart.resolve("templates/c.yaml"), "apiVersion: v1\nkind: Secret\nmetadata:\n  name: c\n"
        + "stringData:\n  password: {{ values.password | required('password is required') }}\n");
    assertThat(run("lint", "-q", chart.toString())).isEqualTo(1);
    assertThat(out.toString()).isEqualTo(
        chart.resolve("templates/a.yaml") + ":4: error: Function or Macro [fulname] does not exist.\n"
        + chart.resolve("templates/b.yaml") + ":7: error: Unexpected end of template. Pebble was looking for the"
        + " \"endif\" tag\n"
        + chart.resolve("templates/c.yaml") + ":6: error: password is required\n"
        + chart + ": 3 errors, 0 warnings (lint failed)\n");

    out.getBuffer().setLength(0);
    assertThat(run("render", chart.toString())).isEqualTo(1);
    assertThat(out.toString()).isEmpty();
    assertThat(err.toString()).isEqualTo("Error: shop/templates/a.yaml:4: Function or Macro [fulname] does not exist.\n");
  }

  @Test
  void lintTakesHelmsValuesFlags() throws Exception {
    Path chart = tmp.resolve("demo");
    run("create", chart.toString());
    Path values = Files.writeString(tmp.resolve("broken.yaml"), "service:\n  port: http\n");
    out.getBuffer().setLength(0);
    assertThat(run("lint", chart.toString(), "-f", values.toString())).isEqualTo(1);
    assertThat(out.toString()).contains(": error: ").contains("service.port").contains("(lint failed)");

    out.getBuffer().setLength(0);
    assertThat(run("lint", "-q", chart.toString(), "--set", "ingress.enabled=true,autoscaling.enabled=true")).isZero();
    assertThat(out.toString()).isEqualTo(chart + ": 0 errors, 0 warnings\n");
  }

  @Test
  void strictFailsOnWarningsToo() throws Exception {
    Path chart = tmp.resolve("web");
    run("create", chart.toString());
    Files.writeString(chart.resolve("templates/notes.md"), "not rendered\n");
    out.getBuffer().setLength(0);
    assertThat(run("lint", "-q", chart.toString())).isZero();
    assertThat(out.toString()).endsWith(chart + ": 0 errors, 1 warning\n");
    out.getBuffer().setLength(0);
    assertThat(run("lint", "-q", "--strict", chart.toString())).isEqualTo(1);
    assertThat(out.toString()).isEqualTo(chart.resolve("templates/notes.md") + ": warning: neither rendered"
        + " (.yaml, .yml, .json) nor a macro file (name starting with _): it is ignored\n"
        + chart + ": 0 errors, 1 warning (lint failed)\n");
  }

  @Test
  void theDockercoinsExampleLintsCleanForProduction() {
    Path example = Path.of("..", "examples", "dockercoins");
    assertThat(run("lint", "-q", example.toString(), "-f", example.resolve("values-prod.yaml").toString())).isZero();
    assertThat(out.toString()).isEqualTo(example + ": 0 errors, 0 warnings\n");
  }
}
