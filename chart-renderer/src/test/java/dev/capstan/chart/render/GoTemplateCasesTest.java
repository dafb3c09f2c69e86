package dev.capstan.chart.render;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.capstan.chart.Chart;
import dev.capstan.chart.ChartLoader;
import dev.capstan.chart.TemplateLanguage;
import dev.capstan.chart.gochart.GoParseCache;
import dev.capstan.chart.source.ChartFiles;
import dev.capstan.chart.template.RenderBudget;
import dev.capstan.chart.values.UserValues;
import dev.capstan.chart.values.ValuesDocument;
import dev.capstan.chart.values.ValuesOptions;
import dev.capstan.core.CapstanException;
import dev.capstan.core.semver.SemVer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every case of {@code gotemplate/cases/*.yaml} (a template, values, options: see
 * tools/gotemplate-oracle/README.md) rendered as a one-chart tree through the Go chart renderer,
 * with the output or error Helm 3.17.2's engine gave ({@code gotemplate/golden/*.json}, written by
 * tools/gotemplate-oracle/regenerate.sh). A difference is a bug in Capstan, not a golden to edit.
 */
class GoTemplateCasesTest {
  private static final Path DIR = Path.of("src/test/resources/gotemplate");
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final YAMLMapper YAML = new YAMLMapper();

  /**
   * Where Capstan's limits deliberately stop earlier than Helm: include nesting is bounded by
   * RenderLimits.maxDepth (100), not by Helm's 1000 levels per name.
   */
  private static final Map<String, String> LIMITS = Map.of(
      "limits/include-recursion-limit", "nested deeper than 100 calls (RenderLimits.maxDepth)",
      "limits/template-recursion-go-limit", "nested deeper than 100 calls (RenderLimits.maxDepth)");

  /**
   * Cases where Capstan is known to differ from Helm, each with the reason: reported as skipped
   * (aborted) so they stay visible, and failing as soon as one starts to match, so the list only
   * shrinks. Each one is a bug to fix, not a behaviour to keep. Empty today.
   */
  private static final Map<String, String> KNOWN_DIFFERENCES = Map.of();

  @TestFactory
  Stream<DynamicTest> everyCaseRendersAsHelm() throws IOException {
    List<DynamicTest> tests = new ArrayList<>();
    try (Stream<Path> files = Files.list(DIR.resolve("cases"))) {
      for (Path file : files.sorted().toList()) {
        String group = file.getFileName().toString().replace(".yaml", "");
        JsonNode cases = YAML.readTree(file.toFile());
        JsonNode golden = JSON.readTree(DIR.resolve("golden/" + group + ".json").toFile());
        for (int i = 0; i < cases.size(); i++) {
          JsonNode c = cases.get(i);
          JsonNode expected = golden.get(i);
          String id = group + "/" + c.get("name").asText();
          tests.add(DynamicTest.dynamicTest(id, () -> check(id, c, expected)));
        }
      }
    }
    return tests.stream();
  }

  private static void check(String id, JsonNode c, JsonNode expected) throws IOException {
    assertThat(expected.get("name").asText()).isEqualTo(c.get("name").asText());
    String actual;
    try {
      actual = "output:" + render(c);
    } catch (CapstanException e) {
      actual = "error:" + e.getMessage();
    }
    if (LIMITS.containsKey(id)) {
      assertThat(actual).startsWith("error:").contains(LIMITS.get(id));
      return;
    }
    String want = expected.has("output") ? "output:" + expected.get("output").asText() : "error:" + expected.get("error").asText();
    if (KNOWN_DIFFERENCES.containsKey(id)) {
      assertThat(actual).as("%s now equals Helm: remove it from KNOWN_DIFFERENCES", id).isNotEqualTo(want);
      Assumptions.abort("known difference from Helm: " + KNOWN_DIFFERENCES.get(id));
    }
    assertThat(actual).isEqualTo(want);
  }

  static String render(JsonNode c) throws IOException {
    Map<String, Object> meta = new LinkedHashMap<>(Map.of("apiVersion", "v2", "name", "c", "version", "0.1.0"));
    if (c.has("chart")) {
      meta.putAll(JSON.convertValue(c.get("chart"), Map.class));
    }
    Map<String, byte[]> files = new LinkedHashMap<>();
    files.put("Chart.yaml", bytes(JSON.writeValueAsString(meta)));
    files.put("values.yaml", bytes(text(c, "chartValues")));
    files.put("templates/main.yaml", bytes(text(c, "template")));
    if (c.has("helpers")) {
      files.put("templates/_helpers.tpl", bytes(text(c, "helpers")));
    }
    for (String group : List.of("templates", "files")) {
      if (c.has(group)) {
        c.get(group).properties().forEach(e -> files.put(e.getKey(), bytes(e.getValue().asText())));
      }
    }
    Chart chart = ChartLoader.load(ChartFiles.of(files), meta.get("name").toString());
    if (TemplateLanguage.of(chart) != TemplateLanguage.GO) {
      // A case too small for detection ({{ "x" }}, plain text): declare it Go, as a chart author would.
      Map<String, Object> annotations = new LinkedHashMap<>(Map.of(TemplateLanguage.ANNOTATION, "go"));
      meta.put("annotations", annotations);
      files.put("Chart.yaml", bytes(JSON.writeValueAsString(meta)));
      chart = ChartLoader.load(ChartFiles.of(files), meta.get("name").toString());
    }
    ValuesOptions flags = ValuesOptions.none().withSet(strings(c, "set")).withSetString(strings(c, "setString"));
    Map<String, Object> userValues = UserValues.load(List.of(new ValuesDocument("values.yaml", text(c, "values"))), flags);
    RenderOptions options = RenderOptions.defaults().withReleaseName("release-name").withNamespace("default")
        .withValues(flags).withApiVersions(strings(c, "apiVersions"));
    JsonNode release = c.get("release");
    if (release != null) {
      options = options.withReleaseName(release.path("name").asText("release-name"))
          .withNamespace(release.path("namespace").asText("default"))
          .withRevision(release.path("revision").asInt(1)).withUpgrade(release.path("isUpgrade").asBoolean(false));
    }
    SemVer kube = SemVer.parseLoose(c.path("kubeVersion").asText("v1.32.0")).orElseThrow();
    ChartValues tree = ChartValues.resolve(chart, userValues);
    RenderBudget budget = new RenderBudget(16L << 20, 100, Duration.ofSeconds(10));
    GoTree go = GoTree.render(tree, options, kube, budget, new GoParseCache(1), c.path("strict").asBoolean(false));
    return go.output(chart.path() + "/templates/main.yaml");
  }

  private static String text(JsonNode c, String field) {
    return c.has(field) ? c.get(field).asText() : "";
  }

  private static List<String> strings(JsonNode c, String field) {
    List<String> out = new ArrayList<>();
    c.path(field).forEach(n -> out.add(n.asText()));
    return out;
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
