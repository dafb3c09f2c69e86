package dev.capstan.chart.render;

import dev.capstan.chart.values.ValuesOptions;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Whole-chart renders compared with reviewed golden output. */
class GoldenRenderTest {
  private final Renderer renderer = new Renderer();

  private String render(String chart, RenderOptions options) {
    return ManifestPrinter.print(renderer.render(Charts.load(chart), options));
  }

  @Test
  void simpleChartWithHelpersSortedMapsAndNotes() throws Exception {
    Golden.assertMatches("simple.yaml", render("simple", RenderOptions.defaults().withReleaseName("demo")));
  }

  @Test
  void simpleChartWithUserValues() throws Exception {
    RenderOptions options = RenderOptions.defaults().withReleaseName("prod").withNamespace("shop")
        .withValues(ValuesOptions.none()
            .withValueFiles(List.of(Path.of("src/test/resources/charts/simple-values/prod.yaml")))
            .withSet(List.of("replicaCount=5,image.tag=1.27.0")));
    Golden.assertMatches("simple-prod.yaml", render("simple", options));
  }
}
