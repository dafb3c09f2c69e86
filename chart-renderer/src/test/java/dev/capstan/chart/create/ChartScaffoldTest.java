package dev.capstan.chart.create;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.capstan.chart.ChartLoader;
import dev.capstan.chart.lint.LintFinding;
import dev.capstan.chart.lint.Linter;
import dev.capstan.chart.render.ManifestPrinter;
import dev.capstan.chart.render.RenderOptions;
import dev.capstan.chart.render.RenderResult;
import dev.capstan.chart.render.Renderer;
import dev.capstan.chart.source.ChartException;
import dev.capstan.chart.values.ValuesOptions;
import dev.capstan.testsupport.Golden;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChartScaffoldTest {
  private static final RenderOptions OPTIONS = RenderOptions.defaults().withReleaseName("shop").withNamespace("web");
  private static final RenderOptions EVERYTHING_ON = OPTIONS.withValues(ValuesOptions.none().withSet(List.of(
      "ingress.enabled=true,ingress.className=nginx,autoscaling.enabled=true,autoscaling.targetMemoryUtilizationPercentage=75",
      "ingress.tls[0].secretName=demo-tls,ingress.tls[0].hosts[0]=chart-example.local,podAnnotations.team=web")));

  @TempDir Path parent;

  @Test
  void writesEveryFileWithTheChartName() throws Exception {
    new ChartScaffold().create(parent, "demo");
    for (String file : ChartScaffold.FILES) {
      assertThat(parent.resolve("demo").resolve(file)).isRegularFile();
    }
    assertThat(Files.readString(parent.resolve("demo/Chart.yaml"))).contains("name: demo\n").doesNotContain("<CHARTNAME>");
    assertThat(ChartLoader.load(parent.resolve("demo")).metadata().name()).isEqualTo("demo");
  }

  @Test
  void rendersTheDefaultsAsTheGoldenFileShows() {
    new ChartScaffold().create(parent, "demo");
    RenderResult result = new Renderer().render(ChartLoader.load(parent.resolve("demo")), OPTIONS);
    assertThat(result.manifests()).extracting(m -> m.kind() + "/" + m.name())
        .containsExactly("ServiceAccount/shop-demo", "Service/shop-demo", "Deployment/shop-demo");
    Golden.assertMatches("create/scaffold-defaults.yaml", ManifestPrinter.print(result));
  }

  @Test
  void rendersIngressAndAutoscalerWhenValuesTurnThemOn() {
    new ChartScaffold().create(parent, "demo");
    RenderResult result = new Renderer().render(ChartLoader.load(parent.resolve("demo")), EVERYTHING_ON);
    assertThat(result.manifests()).extracting(m -> m.kind() + "/" + m.name()).containsExactly(
        "ServiceAccount/shop-demo", "Service/shop-demo", "Deployment/shop-demo",
        "HorizontalPodAutoscaler/shop-demo", "Ingress/shop-demo");
    Golden.assertMatches("create/scaffold-everything-on.yaml", ManifestPrinter.print(result));
  }

  @Test
  void lintsWithoutAnErrorOrWarningEitherWay() {
    new ChartScaffold().create(parent, "demo");
    for (RenderOptions options : List.of(OPTIONS, EVERYTHING_ON)) {
      List<LintFinding> findings = new Linter().lint(parent.resolve("demo"), options).findings();
      assertThat(findings).extracting(LintFinding::toString)
          .containsExactly(parent.resolve("demo/Chart.yaml") + ": info: icon is recommended");
    }
  }

  @Test
  void refusesBadNamesAndExistingFolders() throws Exception {
    assertThatThrownBy(() -> new ChartScaffold().create(parent, "My_Chart"))
        .isInstanceOf(ChartException.class)
        .hasMessageStartingWith("My_Chart: chart name must be lowercase letters, digits and '-'");
    Files.createDirectory(parent.resolve("taken"));
    assertThatThrownBy(() -> new ChartScaffold().create(parent, "taken"))
        .isInstanceOf(ChartException.class)
        .hasMessage(parent.resolve("taken") + ": already exists; choose another name or remove it first");
  }
}
