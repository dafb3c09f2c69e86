package dev.capstan.chart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.capstan.chart.source.ChartFiles;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The detection rule of docs/chart-format.md on our Pebble charts, our Go charts and small cases. */
class TemplateLanguageTest {
  private static final Path RESOURCES = Path.of("src/test/resources");

  @ParameterizedTest
  @CsvSource({
      "charts/simple, PEBBLE",
      "charts/umbrella, PEBBLE",
      "charts/common-lib, PEBBLE",
      "charts/parity/capstan/shop, PEBBLE",
      "lint/broken-templates, PEBBLE",
      "lint/template-error, PEBBLE",
      "../../../../examples/dockercoins, PEBBLE",
      "../../../../charts/capstan, PEBBLE",
      "charts/parity/helm/shop, GO",
      "charts/go/starter, GO",
      "charts/go/webapp, GO",
      "charts/go/platform, GO",
      "charts/go/operator, GO",
      "values/charts/parent, GO"})
  void detectsTheLanguageOfEveryChartWeHave(String dir, TemplateLanguage expected) {
    Chart chart = ChartLoader.load(RESOURCES.resolve(dir));
    assertThat(TemplateLanguage.of(chart)).isEqualTo(expected);
  }

  @Test
  void eachSubchartIsDecidedOnItsOwn() {
    Chart platform = ChartLoader.load(RESOURCES.resolve("charts/go/platform"));
    assertThat(platform.dependencies()).hasSize(4).extracting(TemplateLanguage::of).containsOnly(TemplateLanguage.GO);
    Chart umbrella = ChartLoader.load(RESOURCES.resolve("charts/umbrella"));
    assertThat(umbrella.dependencies()).extracting(TemplateLanguage::of).containsOnly(TemplateLanguage.PEBBLE);
  }

  @ParameterizedTest
  @CsvSource(delimiterString = "=>", value = {
      "name: {{ .Values.name }} => GO",
      "{{- include \"x.labels\" . | nindent 4 }} => GO",
      "{{ define \"x\" }}{{ end }} => GO",
      "{{ $name := \"a\" }} => GO",
      "{{/* a comment */}} => GO",
      "{{ toYaml .Values.resources | indent 2 }} => GO",
      "{{ printf \"%s-%s\" $a $b }} => GO",
      "{{ if eq 1 1 }}x{{ end }} => GO",
      "name: {{ values.name }} => PEBBLE",
      "{{- labels() | nindent(4) }} => PEBBLE",
      "{% if values.on %}x{% endif %} => PEBBLE",
      "{{ values.image.tag | default(chart.appVersion) }} => PEBBLE",
      "plain: yaml => PEBBLE",
      "{{ .Values.a }} {% if x %}{% endif %} => PEBBLE",
      "{{ .Values.a }} {{ .Values.b }} {# note #} => GO"})
  void countsGoActionsAgainstPebbleTags(String template, TemplateLanguage expected) {
    assertThat(TemplateLanguage.of(chart(Map.of(), template))).isEqualTo(expected);
  }

  @Test
  void theAnnotationOverridesDetection() {
    assertThat(TemplateLanguage.of(chart(Map.of(TemplateLanguage.ANNOTATION, "go"), "{{ \"plain\" }}")))
        .isEqualTo(TemplateLanguage.GO);
    assertThat(TemplateLanguage.of(chart(Map.of(TemplateLanguage.ANNOTATION, "Pebble"), "{{ .Values.x }}")))
        .isEqualTo(TemplateLanguage.PEBBLE);
    assertThatThrownBy(() -> TemplateLanguage.of(chart(Map.of(TemplateLanguage.ANNOTATION, "jinja"), "x")))
        .hasMessage("t/Chart.yaml: annotations.capstan.dev/template-language must be go or pebble, found \"jinja\"");
  }

  private static Chart chart(Map<String, String> annotations, String template) {
    StringBuilder chartYaml = new StringBuilder("apiVersion: v2\nname: t\nversion: 0.1.0\n");
    if (!annotations.isEmpty()) {
      chartYaml.append("annotations:\n");
      annotations.forEach((k, v) -> chartYaml.append("  ").append(k).append(": ").append(v).append('\n'));
    }
    Map<String, byte[]> files = new LinkedHashMap<>();
    files.put("Chart.yaml", chartYaml.toString().getBytes(StandardCharsets.UTF_8));
    files.put("templates/t.yaml", template.getBytes(StandardCharsets.UTF_8));
    return ChartLoader.load(ChartFiles.of(files), "t");
  }
}
