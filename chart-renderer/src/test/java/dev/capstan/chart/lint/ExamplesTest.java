package dev.capstan.chart.lint;

import static org.assertj.core.api.Assertions.assertThat;

import dev.capstan.chart.ChartLoader;
import dev.capstan.chart.render.ManifestPrinter;
import dev.capstan.chart.render.RenderOptions;
import dev.capstan.chart.render.RenderResult;
import dev.capstan.chart.render.Renderer;
import dev.capstan.chart.values.ValuesOptions;
import dev.capstan.testsupport.Golden;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The charts under examples/ render as their golden files show and lint without complaint. */
class ExamplesTest {
  private static final Path DOCKERCOINS = Path.of("..", "examples", "dockercoins");

  private static RenderOptions environment(String env) {
    return RenderOptions.defaults().withReleaseName("coins").withNamespace("dockercoins")
        .withValues(ValuesOptions.none().withValueFiles(List.of(DOCKERCOINS.resolve("values-" + env + ".yaml"))));
  }

  @ParameterizedTest
  @ValueSource(strings = {"dev", "prod"})
  void dockercoinsRendersAsTheGoldenFileShows(String env) {
    RenderResult result = new Renderer().render(ChartLoader.load(DOCKERCOINS), environment(env));
    assertThat(result.manifests()).extracting(m -> m.kind() + "/" + m.name()).containsExactly(
        "ConfigMap/redis-config",
        "Service/hasher", "Service/redis", "Service/rng", "Service/webui",
        "DaemonSet/rng",
        "Deployment/hasher", "Deployment/redis", "Deployment/webui", "Deployment/worker");
    Golden.assertMatches("examples/dockercoins-" + env + ".yaml", ManifestPrinter.print(result));
  }

  @ParameterizedTest
  @ValueSource(strings = {"dev", "prod"})
  void dockercoinsLintsClean(String env) {
    LintReport report = new Linter().lint(DOCKERCOINS, environment(env));
    assertThat(report.atLeast(Severity.WARNING)).isEmpty();
    assertThat(report.findings()).extracting(LintFinding::toString)
        .containsExactly(DOCKERCOINS.resolve("Chart.yaml").normalize() + ": info: icon is recommended");
  }
}
