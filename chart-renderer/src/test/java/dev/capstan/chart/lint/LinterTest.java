package dev.capstan.chart.lint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.capstan.chart.Chart;
import dev.capstan.chart.ChartLoader;
import dev.capstan.chart.render.RenderOptions;
import dev.capstan.chart.render.Renderer;
import dev.capstan.chart.source.ChartFiles;
import dev.capstan.chart.template.TemplateException;
import dev.capstan.chart.values.ValuesOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LinterTest {
  private static final Path FIXTURES = Path.of("src", "test", "resources", "lint");
  private final Linter linter = new Linter();

  private List<String> lint(String fixture, RenderOptions options) {
    return linter.lint(FIXTURES.resolve(fixture), options).findings().stream().map(LintFinding::toString).toList();
  }

  private static String at(String fixture, String file) {
    return FIXTURES.resolve(fixture).resolve(file).toString();
  }

  @Test
  void reportsObjectsTheApiServerWouldRejectAtTheirTemplateLines() {
    String deployment = at("bad-objects", "templates/deployment.yaml");
    String service = at("bad-objects", "templates/service.yaml");
    String configmap = at("bad-objects", "templates/configmap.yaml");
    assertThat(lint("bad-objects", RenderOptions.defaults().withReleaseName("shop"))).containsExactly(
        configmap + ":5: error: ConfigMap/settings: metadata.labels.team: label value"
            + " \"platform-engineering-and-developer-experience-for-the-whole-company\" must be at most 63 letters,"
            + " digits, '-', '_' or '.', starting and ending with a letter or digit",
        deployment + ":6: error: Deployment/web: spec.replicas: string found, integer expected",
        deployment + ":9: error: Deployment/web: spec.selector.matchLabels.app: selector app=web does not match"
            + " the pod template's labels; the API server rejects this Deployment",
        deployment + ":18: error: Deployment/web: spec.template.spec.containers[0].imagePullPolicyy:"
            + " unknown field \"imagePullPolicyy\"",
        deployment + ":21: error: Deployment/web: spec.template.spec.containers[0].env[0].value:"
            + " integer found, string expected",
        service + ":4: error: Service/shop-bad-objects-with-a-name-that-is-much-too-long-for-a-service: metadata.name:"
            + " name \"shop-bad-objects-with-a-name-that-is-much-too-long-for-a-service\" must be a DNS-1035 label:"
            + " at most 63 lower-case letters, digits and '-', starting with a letter",
        service + ":8: warning: Service/shop-bad-objects-with-a-name-that-is-much-too-long-for-a-service:"
            + " spec.selector: selects none of the pods this chart renders");
  }

  @Test
  void valuesGivenOnTheCommandLineAreLinted() {
    RenderOptions fixed = RenderOptions.defaults().withValues(ValuesOptions.none().withSet(List.of("port=http")));
    assertThat(lint("bad-objects", RenderOptions.defaults())).anyMatch(f -> f.contains("env[0].value"));
    assertThat(lint("bad-objects", fixed)).noneMatch(f -> f.contains("env[0].value"));
  }

  @Test
  void aTemplateErrorBecomesAFindingAtItsFileAndLine() {
    String configmap = at("template-error", "templates/configmap.yaml");
    List<String> findings = lint("template-error", RenderOptions.defaults());
    assertThat(findings).hasSize(3);
    assertThat(findings.get(0)).isEqualTo(configmap + ":6: warning: Go template syntax \".Values\": Capstan templates"
        + " are Pebble and say values.x (see docs/chart-format.md)");
    assertThat(findings.get(1)).isEqualTo(at("template-error", "templates/helpers.tpl") + ": warning: neither"
        + " rendered (.yaml, .yml, .json) nor a macro file (name starting with _): it is ignored");
    assertThat(findings.get(2)).startsWith(configmap + ":6: error: ");
  }

  @Test
  void everyTemplateThatFailsIsReportedAndTheOthersAreStillChecked() {
    String templates = at("broken-templates", "templates");
    // job.yaml and cronjob.yaml both call the failing owner() macro: one finding, at the macro's line.
    // The Service's selector is not checked: the Deployment it selects did not render.
    assertThat(lint("broken-templates", RenderOptions.defaults())).containsExactly(
        templates + "/NOTES.txt:2: error: values.notes.url is required",
        templates + "/_helpers.tpl:2: error: values.owner is required",
        templates + "/configmap.yaml:8: error: Unexpected end of template. Pebble was looking for the \"endif\" tag",
        templates + "/deployment.yaml:4: error: Function or Macro [fulname] does not exist.",
        templates + "/secret.yaml:6: error: set db.password; it has no default",
        templates + "/service.yaml:10: error: Service/web: spec.ports[0].protocl: unknown field \"protocl\"");
  }

  @Test
  void renderStillStopsAtTheFirstTemplateThatFails() throws Exception {
    Chart chart = ChartLoader.load(FIXTURES.resolve("broken-templates"));
    assertThatThrownBy(() -> new Renderer().render(chart, RenderOptions.defaults()))
        .isInstanceOf(TemplateException.class)
        .hasMessage("broken-templates/templates/NOTES.txt:2: values.notes.url is required");
  }

  @Test
  void aHelperFileThatDoesNotCompileIsOneFindingAndSubchartsStillRender(@TempDir Path dir) throws Exception {
    Path sub = Files.createDirectories(dir.resolve("charts/db/templates")).getParent();
    Files.writeString(dir.resolve("Chart.yaml"), "apiVersion: v2\nname: app\nversion: 1.0.0\n"
        + "description: an app\nicon: https://example.com/i.png\n");
    Files.createDirectories(dir.resolve("templates"));
    Files.writeString(dir.resolve("templates/_helpers.tpl"), "{% macro name() %}app{% endmacr %}\n");
    Files.writeString(dir.resolve("templates/a.yaml"), "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: {{ name() }}\n");
    Files.writeString(dir.resolve("templates/b.yaml"), "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: {{ name() }}\n");
    Files.writeString(sub.resolve("Chart.yaml"), "apiVersion: v2\nname: db\nversion: 1.0.0\n");
    Files.writeString(sub.resolve("templates/cm.yaml"), "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: db\n"
        + "data:\n  size: {{ fail('db.size is not set') }}\n");
    Files.writeString(sub.resolve("templates/ok.yaml"), "apiVersion: v1\nkind: ConfigMapp\nmetadata:\n  name: db\n");
    assertThat(linter.lint(dir, RenderOptions.defaults()).findings()).extracting(LintFinding::toString).containsExactly(
        sub.resolve("templates/cm.yaml") + ":6: error: db.size is not set",
        sub.resolve("templates/ok.yaml") + ":1: error: ConfigMapp/db: v1 has no kind ConfigMapp in Kubernetes v1.34.4",
        dir.resolve("templates/_helpers.tpl") + ":1: error: Unexpected tag name \"endmacr\"");
  }

  @Test
  void valuesThatBreakTheSchemaAreAnError() {
    assertThat(lint("schema-violation", RenderOptions.defaults())).singleElement().asString()
        .startsWith(at("schema-violation", "values.schema.json"))
        .contains("replicaCount")
        .contains(": error: ");
  }

  @Test
  void customResourcesAreInfoButRetiredOrMisspeltBuiltInsAreErrors() {
    String objects = at("custom-and-retired", "templates/objects.yaml");
    assertThat(lint("custom-and-retired", RenderOptions.defaults())).containsExactlyInAnyOrder(
        objects + ":2: info: ServiceMonitor/web: monitoring.coreos.com/v1 ServiceMonitor is not a built-in kind"
            + " (a custom resource?): not checked against a schema",
        objects + ":15: error: Ingress/web: extensions/v1beta1 Ingress is not served by Kubernetes v1.34.4;"
            + " use networking.k8s.io/v1",
        objects + ":22: error: Deploymnet/web: apps/v1 has no kind Deploymnet in Kubernetes v1.34.4");
  }

  @Test
  void aFolderWithoutChartYamlIsNotAChart(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("values.yaml"), "a: 1\n");
    LintReport report = linter.lint(dir, RenderOptions.defaults());
    assertThat(report.hasErrors()).isTrue();
    assertThat(report.findings()).extracting(LintFinding::toString)
        .containsExactly(dir.resolve("Chart.yaml") + ": error: file not found: " + dir + " is not a chart");
  }

  @Test
  void filesBehindSymlinksThatLeaveTheChartAreNotRead(@TempDir Path dir) throws Exception {
    Path outside = Files.writeString(dir.resolve("secret.yaml"), "apiVersion: v2\nname: x\nversion: 1.0.0\n");
    Path chart = Files.createDirectories(dir.resolve("chart"));
    Files.createSymbolicLink(chart.resolve("Chart.yaml"), outside);
    assertThat(linter.lint(chart, RenderOptions.defaults()).findings()).extracting(LintFinding::toString)
        .containsExactly(chart.resolve("Chart.yaml") + ": error: is a symlink that leaves the chart");
  }

  @Test
  void aLibraryChartIsCheckedWithoutRendering(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("Chart.yaml"), "apiVersion: v2\nname: lib\nversion: 1.0.0\ntype: library\n"
        + "description: shared macros\nicon: https://example.com/i.png\n");
    Files.createDirectories(dir.resolve("templates"));
    Files.writeString(dir.resolve("templates/_lib.tpl"), "{% macro greet() %}hi{% endmacro %}\n");
    assertThat(linter.lint(dir, RenderOptions.defaults()).findings()).isEmpty();
    Files.writeString(dir.resolve("templates/_lib.tpl"), "{% macro greet() %}hi{% endmacr %}\n");
    assertThat(linter.lint(dir, RenderOptions.defaults()).findings()).singleElement().asString()
        .startsWith(dir.resolve("templates/_lib.tpl") + ":1: error: ");
  }

  @Test
  void aChartAlreadyLoadedIsLintedAsItsFolderIsUnderTheFolderItWasReadFrom() throws Exception {
    for (String fixture : List.of("bad-objects", "template-error", "broken-templates")) {
      Path dir = FIXTURES.resolve(fixture);
      Map<String, byte[]> files = new TreeMap<>();
      try (var walk = Files.walk(dir)) {
        for (Path file : walk.filter(Files::isRegularFile).toList()) {
          files.put(dir.relativize(file).toString().replace('\\', '/'), Files.readAllBytes(file));
        }
      }
      Chart chart = ChartLoader.load(ChartFiles.of(files), "apps/" + fixture);
      List<String> fromGit = linter.lint(chart, "apps/" + fixture, RenderOptions.defaults().withReleaseName("shop"), Map.of())
          .findings().stream().map(LintFinding::toString).toList();
      List<String> fromDisk = lint(fixture, RenderOptions.defaults().withReleaseName("shop")).stream()
          .map(f -> f.replace(dir.toString(), "apps/" + fixture)).toList();
      assertThat(fromGit).as(fixture).isNotEmpty().isEqualTo(fromDisk);
    }
  }

  @Test
  void aChartAlreadyLoadedIsRenderedWithTheValuesItIsGiven() throws Exception {
    Chart chart = ChartLoader.load(FIXTURES.resolve("bad-objects"));
    RenderOptions options = RenderOptions.defaults().withReleaseName("shop");
    assertThat(linter.lint(chart, "web", options, Map.of()).findings()).anyMatch(f -> f.message().contains("env[0].value"));
    assertThat(linter.lint(chart, "web", options, Map.of("port", "http")).findings())
        .noneMatch(f -> f.message().contains("env[0].value"));
  }
}
