package dev.capstan.chart.lint;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TemplateFileChecksTest {
  @TempDir Path chart;

  private List<String> check(boolean library) {
    return check(library, true);
  }

  private List<String> check(boolean library, boolean pebble) {
    return TemplateFileChecks.check(chart, library, pebble, p -> p).stream().map(LintFinding::toString).toList();
  }

  @Test
  void aGoChartGetsNoPebbleHints() throws Exception {
    Files.createDirectories(chart.resolve("templates"));
    Files.writeString(chart.resolve("templates/helm.yaml"), "c: {{ .Release.Name }}\n");
    Files.writeString(chart.resolve("templates/helpers.tpl"), "{{ define \"x\" }}{{ end }}\n");
    assertThat(check(false, false)).isEmpty();
    assertThat(check(false, true)).hasSize(2);
  }

  @Test
  void helmSyntaxIsPointedOutButPebbleFieldsOfTheSameNameAreNot() throws Exception {
    Files.createDirectories(chart.resolve("templates"));
    Files.writeString(chart.resolve("templates/ok.yaml"), "a: {{ values.Release }}\nb: {{ chart.Chart | quote }}\n");
    Files.writeString(chart.resolve("templates/helm.yaml"), "a: 1\nb: {{- include \"x\" . }}\nc: {{ .Release.Name }}\n");
    assertThat(check(false)).containsExactly("templates/helm.yaml:3: warning: Go template syntax \".Release\":"
        + " Capstan templates are Pebble and say release.x (see docs/chart-format.md)");
  }

  @Test
  void anApplicationChartWithoutTemplatesRendersNothing() {
    assertThat(check(false)).containsExactly("templates: warning: directory not found: the chart renders nothing");
    assertThat(check(true)).isEmpty();
  }

  @Test
  void filesThatAreNeitherRenderedNorMacrosAreIgnoredWithAWarning() throws Exception {
    Files.createDirectories(chart.resolve("templates/sub"));
    for (String name : List.of("a.yaml", "b.yml", "c.json", "_d.tpl", "NOTES.txt", "sub/e.yaml", "helpers.tpl", "f.txt")) {
      Files.writeString(chart.resolve("templates/" + name), "");
    }
    assertThat(check(false)).containsExactly(
        "templates/f.txt: warning: neither rendered (.yaml, .yml, .json) nor a macro file (name starting with _): it is ignored",
        "templates/helpers.tpl: warning: neither rendered (.yaml, .yml, .json) nor a macro file (name starting with _):"
            + " it is ignored");
  }

  @Test
  void filesTheHelmignoreExcludesAreNotChecked() throws Exception {
    Files.createDirectories(chart.resolve("templates/legacy"));
    Files.writeString(chart.resolve(".helmignore"), "templates/legacy/\n");
    Files.writeString(chart.resolve("templates/legacy/helm.yaml"), "c: {{ .Release.Name }}\n");
    Files.writeString(chart.resolve("templates/.web.yaml.swp"), "");
    Files.writeString(chart.resolve("templates/notes.md"), "");
    assertThat(check(false)).containsExactly(
        "templates/notes.md: warning: neither rendered (.yaml, .yml, .json) nor a macro file (name starting with _):"
            + " it is ignored");
  }
}
