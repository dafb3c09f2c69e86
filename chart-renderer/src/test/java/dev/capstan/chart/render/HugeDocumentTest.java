package dev.capstan.chart.render;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.capstan.chart.source.ChartException;
import dev.capstan.chart.template.TemplateException;
import dev.capstan.chart.values.ValuesException;
import dev.capstan.chart.values.ValuesOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue #14: one YAML token of many megabytes kept the parser busy for minutes under a small heap
 * before it reached its own 3 MiB document limit. Values files and rendered documents past that
 * limit are now refused before parsing, with the file and the limit named.
 */
class HugeDocumentTest {
  private static final int HUGE = 12_000_000;

  @Test
  void aValuesFileLargerThanTheDocumentLimitIsRefusedUnparsed(@TempDir Path tmp) throws Exception {
    Path values = Files.writeString(tmp.resolve("big.yaml"), "a: \"" + "x".repeat(HUGE) + "\"\n");
    InlineChart chart = InlineChart.of("t").configMap("templates/cm.yaml", "ok");

    assertThatThrownBy(() -> chart.render(RenderOptions.defaults().withValues(ValuesOptions.none().withValueFiles(List.of(values)))))
        .isInstanceOf(ValuesException.class)
        .hasMessage(values + ": values file of 12000006 characters exceeds the limit of 3145728 (ValuesYaml.MAX_DOCUMENT_CHARS)");
  }

  @Test
  void aChartsOwnValuesYamlIsHeldToTheSameLimit() {
    InlineChart chart = InlineChart.of("t").file("values.yaml", "a: " + "x".repeat(HUGE) + "\n").configMap("templates/cm.yaml", "ok");

    assertThatThrownBy(chart::render).isInstanceOf(ValuesException.class)
        .hasMessage("t/values.yaml: values file of 12000004 characters exceeds the limit of 3145728 (ValuesYaml.MAX_DOCUMENT_CHARS)");
  }

  @Test
  void aRenderedDocumentLargerThanTheLimitIsRefusedUnparsed() {
    InlineChart chart = InlineChart.of("t").file("Chart.yaml", "apiVersion: v2\nname: t\nversion: 1.0.0\n"
        + "annotations: {capstan.dev/template-language: go}\n")
        .configMap("templates/cm.yaml", "{{ repeat 4000000 \"x\" }}{{ repeat 4000000 \"x\" }}");

    assertThatThrownBy(chart::render).isInstanceOf(ManifestException.class)
        .hasMessage("t/templates/cm.yaml:1: rendered document of 8000063 characters exceeds the limit of 3145728 "
            + "(ValuesYaml.MAX_DOCUMENT_CHARS)");
  }

  @Test
  void aChartYamlLargerThanTheLimitIsRefusedUnparsed() {
    InlineChart chart = InlineChart.of("t").file("Chart.yaml", "apiVersion: v2\nname: t\nversion: 1.0.0\ndescription: "
        + "x".repeat(HUGE) + "\n");

    assertThatThrownBy(chart::load).isInstanceOf(ChartException.class)
        .hasMessage("inline/Chart.yaml: invalid YAML: document of 12000052 characters exceeds the limit of 3145728 (ValuesYaml.MAX_DOCUMENT_CHARS)");
  }

  @Test
  void fromYamlOfATextLargerThanTheLimitIsRefusedUnparsed() {
    InlineChart chart = InlineChart.of("t").file("Chart.yaml", "apiVersion: v2\nname: t\nversion: 1.0.0\n"
        + "annotations: {capstan.dev/template-language: pebble}\n")
        .configMap("templates/cm.yaml", "{{ range(0, 700000) | join(\",\") | fromYaml }}");

    assertThatThrownBy(chart::render).isInstanceOf(TemplateException.class)
        .hasMessageStartingWith("t/templates/cm.yaml:6: fromYaml: document of ")
        .hasMessageEndingWith("characters exceeds the limit of 3145728 (ValuesYaml.MAX_DOCUMENT_CHARS)");
  }
}
