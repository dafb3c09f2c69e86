package dev.capstan.chart.render;

import dev.capstan.chart.Chart;
import dev.capstan.chart.ChartLoader;
import dev.capstan.chart.source.ChartFiles;
import dev.capstan.chart.values.ValuesOptions;
import dev.capstan.testsupport.Golden;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Whole-chart renders compared with reviewed golden output. */
class GoldenRenderTest {
  private final Renderer renderer = new Renderer();

  private String render(String chart, RenderOptions options) {
    return ManifestPrinter.print(renderer.render(Charts.load(chart), options));
  }

  @Test
  void simpleChartWithHelpersSortedMapsAndNotes() throws Exception {
    Golden.assertMatches("render/simple.yaml", render("simple", RenderOptions.defaults().withReleaseName("demo")));
  }

  @Test
  void simpleChartWithUserValues() throws Exception {
    RenderOptions options = RenderOptions.defaults().withReleaseName("prod").withNamespace("shop")
        .withValues(ValuesOptions.none()
            .withValueFiles(List.of(Path.of("src/test/resources/charts/simple-values/prod.yaml")))
            .withSet(List.of("replicaCount=5,image.tag=1.27.0")));
    Golden.assertMatches("render/simple-prod.yaml", render("simple", options));
  }

  @Test
  void umbrellaWithAliasConditionTagsGlobalsLibraryAndFiles() throws Exception {
    Golden.assertMatches("render/umbrella.yaml", render("umbrella", RenderOptions.defaults().withReleaseName("demo")));
  }

  @Test
  void umbrellaWithEveryDependencyOnAndExtraApiVersion() throws Exception {
    RenderOptions options = RenderOptions.defaults().withReleaseName("all").withKubeVersion("v1.29.4")
        .withApiVersions(List.of("example.com/v1"))
        .withValues(ValuesOptions.none().withSet(List.of("worker.enabled=true,tags.monitoring=true,cache.enabled=false")));
    Golden.assertMatches("render/umbrella-all.yaml", render("umbrella", options));
  }

  @Test
  void showOnlyKeepsTheNamedTemplates() throws Exception {
    RenderOptions options = RenderOptions.defaults().withReleaseName("demo")
        .withShowOnly(List.of("templates/secret.yaml", "umbrella/charts/cache/templates/statefulset.yaml"));
    Golden.assertMatches("render/umbrella-show-only.yaml", render("umbrella", options));
  }

  @Test
  void aChartGivenAsInMemoryFilesRendersLikeTheDirectory() throws Exception {
    Path dir = Charts.DIR.resolve("simple");
    Map<String, byte[]> files = new HashMap<>();
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path p : walk.filter(Files::isRegularFile).toList()) {
        files.put(dir.relativize(p).toString().replace('\\', '/'), Files.readAllBytes(p));
      }
    }
    Chart chart = ChartLoader.load(ChartFiles.of(files), "from-git");
    Golden.assertMatches("render/simple.yaml",
        ManifestPrinter.print(renderer.render(chart, RenderOptions.defaults().withReleaseName("demo"))));
  }
}
