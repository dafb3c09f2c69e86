package dev.capstan.chart.render;

import static org.assertj.core.api.Assertions.assertThat;

import dev.capstan.chart.Chart;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Order, determinism, reuse across threads, and caller-supplied values. */
class RendererTest {
  private static InlineChart kinds() {
    return InlineChart.of("k")
        .file("templates/a-deploy.yaml", "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\n")
        .file("templates/b-widget.yaml", "apiVersion: example.com/v1\nkind: Widget\nmetadata:\n  name: w\n")
        .file("templates/c-cm.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: b\n---\n"
            + "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n")
        .file("templates/d-ns.yaml", "apiVersion: v1\nkind: Namespace\nmetadata:\n  name: shop\n")
        .file("templates/e-gadget.yaml", "apiVersion: example.com/v1\nkind: Gadget\nmetadata:\n  name: g\n");
  }

  @Test
  void objectsComeInHelmInstallOrderThenUnknownKindsAlphabetically() {
    List<String> order = kinds().render().manifests().stream().map(m -> m.kind() + "/" + m.name()).toList();
    assertThat(order).containsExactly("Namespace/shop", "ConfigMap/b", "ConfigMap/a", "Deployment/web", "Gadget/g", "Widget/w");
  }

  @Test
  void theSameChartRendersTheSameStreamEveryTimeAndFromManyThreads() throws Exception {
    Chart chart = kinds().load();
    Renderer renderer = new Renderer();
    String first = ManifestPrinter.print(renderer.render(chart, RenderOptions.defaults()));
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<String>> runs = IntStream.range(0, 16)
          .mapToObj(i -> pool.submit(() -> ManifestPrinter.print(renderer.render(chart, RenderOptions.defaults()))))
          .toList();
      for (Future<String> run : runs) {
        assertThat(run.get()).isEqualTo(first);
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void callerSuppliedValuesReplaceTheValuesFlags() {
    Chart chart = InlineChart.of("v").file("values.yaml", "size: 1\nname: base\n")
        .file("templates/NOTES.txt", "{{ values.size }} {{ values.name }}").load();
    RenderResult result = new Renderer().render(chart, RenderOptions.defaults(), Map.of("size", 5));
    assertThat(result.notes()).isEqualTo("5 base");
    assertThat(result.values()).containsEntry("size", 5).containsEntry("name", "base");
  }

  @Test
  void manifestHelpersExposeTheObjectId() {
    RenderedManifest m = InlineChart.of("m").file("templates/a.yaml",
        "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\n  namespace: shop\n").render().manifests().get(0);
    assertThat(List.of(m.apiVersion(), m.kind(), m.namespace(), m.name(), m.source()))
        .containsExactly("apps/v1", "Deployment", "shop", "web", "m/templates/a.yaml");
  }
}
