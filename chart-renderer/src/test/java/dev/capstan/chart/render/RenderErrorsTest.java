package dev.capstan.chart.render;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.capstan.chart.ChartLoader;
import dev.capstan.chart.source.ChartException;
import dev.capstan.chart.template.TemplateException;
import dev.capstan.chart.values.ValuesException;
import dev.capstan.chart.values.ValuesOptions;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** One test per error kind: each message starts with the file and line a person would open. */
class RenderErrorsTest {

  @Test
  void templateSyntaxError() {
    InlineChart chart = InlineChart.of("t").file("templates/a.yaml", "apiVersion: v1\nkind: ConfigMap\n{% if values.x %}\n");
    assertThatThrownBy(chart::render).isInstanceOf(TemplateException.class)
        .hasMessage("t/templates/a.yaml:4: Unexpected end of template. Pebble was looking for the \"endif\" tag");
  }

  @Test
  void unclosedExpression() {
    InlineChart chart = InlineChart.of("t").file("templates/a.yaml", "a: 1\nb: {{ values.x \n");
    assertThatThrownBy(chart::render).isInstanceOf(TemplateException.class)
        .hasMessageStartingWith("t/templates/a.yaml:3: "); // Pebble reports the line where it noticed
  }

  @Test
  void undefinedMacro() {
    InlineChart chart = InlineChart.of("t")
        .file("templates/_helpers.tpl", "{% macro fullname() %}x{% endmacro %}")
        .configMap("templates/cm.yaml", "{{ fulname() }}");
    assertThatThrownBy(chart::render).isInstanceOf(TemplateException.class)
        .hasMessageStartingWith("t/templates/cm.yaml:6: ")
        .hasMessageContaining("fulname");
  }

  @Test
  void syntaxErrorInAHelperNamesTheHelper() {
    InlineChart chart = InlineChart.of("t")
        .file("templates/_helpers.tpl", "{% macro a() %}\n{{ }\n{% endmacro %}")
        .configMap("templates/cm.yaml", "{{ a() }}");
    assertThatThrownBy(chart::render).isInstanceOf(TemplateException.class)
        .hasMessageStartingWith("t/templates/_helpers.tpl:2");
  }

  @Test
  void requiredValue() {
    InlineChart chart = InlineChart.of("t").configMap("templates/cm.yaml",
        "{{ values.image.tag | required('image.tag is required') }}");
    assertThatThrownBy(chart::render).isInstanceOf(TemplateException.class)
        .hasMessage("t/templates/cm.yaml:6: image.tag is required");
  }

  @Test
  void failInsideAHelperNamesTheHelperLine() {
    InlineChart chart = InlineChart.of("t")
        .file("templates/_helpers.tpl", "{% macro check() %}\n{% if not values.ok %}{{ fail('set ok: true') }}{% endif %}\n{% endmacro %}")
        .configMap("templates/cm.yaml", "{{ check() }}");
    assertThatThrownBy(chart::render).isInstanceOf(TemplateException.class)
        .hasMessage("t/templates/_helpers.tpl:2: set ok: true");
  }

  @Test
  void renderedDocumentIsNotYaml() {
    InlineChart chart = InlineChart.of("t").file("templates/a.yaml",
        "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\ndata:\n  x: [unclosed\n  y: 1\n");
    assertThatThrownBy(chart::render).isInstanceOf(ManifestException.class)
        .hasMessageStartingWith("t/templates/a.yaml:7")
        .hasMessageContaining("not valid YAML");
  }

  @Test
  void invalidYamlInTheSecondDocumentCountsLinesFromTheFileStart() {
    InlineChart chart = InlineChart.of("t").file("templates/a.yaml",
        "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: b\n x: y\n");
    assertThatThrownBy(chart::render).isInstanceOf(ManifestException.class)
        .hasMessageStartingWith("t/templates/a.yaml:10");
  }

  @Test
  void missingApiVersion() {
    InlineChart chart = InlineChart.of("t").file("templates/a.yaml", "# leading comment\nkind: ConfigMap\nmetadata:\n  name: a\n");
    assertThatThrownBy(chart::render).isInstanceOf(ManifestException.class)
        .hasMessage("t/templates/a.yaml:1: rendered object has no apiVersion");
  }

  @Test
  void missingKind() {
    InlineChart chart = InlineChart.of("t").file("templates/a.yaml", "a: 1\n---\napiVersion: v1\nmetadata:\n  name: a\n");
    assertThatThrownBy(chart::render).isInstanceOf(ManifestException.class)
        .hasMessageStartingWith("t/templates/a.yaml:1: rendered object has no apiVersion");
    InlineChart second = InlineChart.of("t").file("templates/a.yaml", "\n\n---\napiVersion: v1\nmetadata:\n  name: a\n");
    assertThatThrownBy(second::render).isInstanceOf(ManifestException.class)
        .hasMessage("t/templates/a.yaml:4: rendered object has no kind");
  }

  @Test
  void missingMetadataName() {
    InlineChart chart = InlineChart.of("t").file("templates/a.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  labels: {}\n");
    assertThatThrownBy(chart::render).isInstanceOf(ManifestException.class)
        .hasMessage("t/templates/a.yaml:1: rendered object has no metadata.name");
  }

  @Test
  void duplicateObjects() {
    InlineChart chart = InlineChart.of("t")
        .configMap("templates/a.yaml", "1")
        .configMap("templates/b.yaml", "2");
    assertThatThrownBy(chart::render).isInstanceOf(ManifestException.class)
        .hasMessage("t/templates/b.yaml:1: duplicate object ConfigMap default/cm (v1), also rendered by t/templates/a.yaml:1");
  }

  @Test
  void schemaViolationNamesTheSchemaAndJsonPath() {
    InlineChart chart = InlineChart.of("t")
        .file("values.yaml", "replicaCount: 1\n")
        .file("values.schema.json", "{\"type\":\"object\",\"properties\":{\"replicaCount\":{\"type\":\"integer\"}}}")
        .configMap("templates/cm.yaml", "\"{{ values.replicaCount }}\"");
    RenderOptions options = RenderOptions.defaults().withValues(ValuesOptions.none().withSet(List.of("replicaCount=many")));
    assertThatThrownBy(() -> chart.render(options)).isInstanceOf(ValuesException.class)
        .hasMessageStartingWith("t/values.schema.json")
        .hasMessageContaining("$.replicaCount");
  }

  @Test
  void badSetExpressionNamesTheFlagAndPosition() {
    InlineChart chart = InlineChart.of("t").configMap("templates/cm.yaml", "1");
    RenderOptions options = RenderOptions.defaults().withValues(ValuesOptions.none().withSet(List.of("a[x]=1")));
    assertThatThrownBy(() -> chart.render(options)).isInstanceOf(ValuesException.class)
        .hasMessageStartingWith("--set ")
        .hasMessageContaining("at character 4");
  }

  @Test
  void missingValuesFile() {
    InlineChart chart = InlineChart.of("t").configMap("templates/cm.yaml", "1");
    RenderOptions options = RenderOptions.defaults()
        .withValues(ValuesOptions.none().withValueFiles(List.of(Path.of("no/such/values.yaml"))));
    assertThatThrownBy(() -> chart.render(options)).isInstanceOf(ValuesException.class)
        .hasMessageContaining("no/such/values.yaml");
  }

  @Test
  void missingChart() {
    assertThatThrownBy(() -> ChartLoader.load(Path.of("src/test/resources/charts/no-such-chart")))
        .isInstanceOf(ChartException.class)
        .hasMessage("src/test/resources/charts/no-such-chart: chart directory not found");
  }

  @Test
  void chartYamlWithoutVersion() {
    InlineChart chart = InlineChart.of("t").file("Chart.yaml", "apiVersion: v2\nname: t\nversion: one\n");
    assertThatThrownBy(chart::load).isInstanceOf(ChartException.class)
        .hasMessage("inline/Chart.yaml: version \"one\" is not a SemVer version such as 1.2.3");
  }

  @Test
  void chartYamlThatIsNotYaml() {
    InlineChart chart = InlineChart.of("t").file("Chart.yaml", "apiVersion: v2\nname: [t\n");
    assertThatThrownBy(chart::load).isInstanceOf(ChartException.class)
        .hasMessageStartingWith("inline/Chart.yaml:2:9: invalid YAML");
  }

  @Test
  void valuesYamlThatIsNotYaml() {
    InlineChart chart = InlineChart.of("t").file("values.yaml", "a: 1\nb: [2\n");
    assertThatThrownBy(chart::load).isInstanceOf(ValuesException.class)
        .hasMessageStartingWith("t/values.yaml:2: invalid YAML");
  }

  @Test
  void missingDependency() {
    InlineChart chart = InlineChart.of("t").file("Chart.yaml",
        "apiVersion: v2\nname: t\nversion: 1.0.0\ndependencies:\n  - name: redis\n    repository: https://charts.example.com\n");
    assertThatThrownBy(chart::load).isInstanceOf(ChartException.class)
        .hasMessageStartingWith("t/Chart.yaml: dependency \"redis\" not found in charts/redis");
  }

  @Test
  void kubeVersionConstraintNotMet() {
    InlineChart chart = InlineChart.of("t").file("Chart.yaml", "apiVersion: v2\nname: t\nversion: 1.0.0\nkubeVersion: \">=1.32.0\"\n")
        .configMap("templates/cm.yaml", "1");
    assertThatThrownBy(chart::render).isInstanceOf(ChartException.class)
        .hasMessage("t/Chart.yaml: chart requires kubeVersion >=1.32.0, which Kubernetes v1.31.0 does not satisfy (set --kube-version)");
  }

  @Test
  void showOnlyOfAnUnknownTemplate() {
    InlineChart chart = InlineChart.of("t").configMap("templates/cm.yaml", "1");
    assertThatThrownBy(() -> chart.render(RenderOptions.defaults().withShowOnly(List.of("templates/nope.yaml"))))
        .isInstanceOf(ChartException.class)
        .hasMessageStartingWith("templates/nope.yaml: --show-only");
  }

  @Test
  void errorsInsideTplNameTheCallingTemplate() {
    InlineChart chart = InlineChart.of("t").file("values.yaml", "bad: '{% if %}'\n")
        .configMap("templates/cm.yaml", "\"{{ tpl(values.bad) }}\"");
    assertThatThrownBy(chart::render).isInstanceOf(TemplateException.class)
        .hasMessageStartingWith("t/templates/cm.yaml:6: tpl: ");
  }

  @Test
  void aBrokenDependencyArchiveIsNamed() {
    InlineChart chart = InlineChart.of("t").file("Chart.yaml",
        "apiVersion: v2\nname: t\nversion: 1.0.0\ndependencies:\n  - name: redis\n")
        .file("charts/redis-1.2.3.tgz", "binary");
    assertThatThrownBy(chart::load).isInstanceOf(ChartException.class)
        .hasMessageStartingWith("t/charts/redis-1.2.3.tgz: not a readable chart archive (gzip-compressed tar): ");
  }

  @Test
  void macrosOutsideHelperFilesAreRefused() {
    InlineChart chart = InlineChart.of("t").file("templates/NOTES.txt", "{% macro r() %}{{ r() }}{% endmacro %}{{ r() }}");
    assertThatThrownBy(chart::render).isInstanceOf(TemplateException.class)
        .hasMessageStartingWith("t/templates/NOTES.txt")
        .hasMessageContaining("macro r must be defined in a templates/_*.tpl file");
  }
}
