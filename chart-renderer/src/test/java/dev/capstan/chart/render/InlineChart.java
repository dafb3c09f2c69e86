package dev.capstan.chart.render;

import dev.capstan.chart.Chart;
import dev.capstan.chart.ChartLoader;
import dev.capstan.chart.source.ChartFiles;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** A chart written inline in a test: {@code InlineChart.of("t").file("templates/a.yaml", "...")}. */
final class InlineChart {
  private final Map<String, byte[]> files = new LinkedHashMap<>();

  private InlineChart(String name) {
    file("Chart.yaml", "apiVersion: v2\nname: " + name + "\nversion: 1.0.0\n");
  }

  static InlineChart of(String name) {
    return new InlineChart(name);
  }

  InlineChart file(String path, String content) {
    files.put(path, content.getBytes(StandardCharsets.UTF_8));
    return this;
  }

  /** A template producing one ConfigMap whose {@code data.x} line is {@code xLine}. */
  InlineChart configMap(String path, String xLine) {
    return file(path, "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cm\ndata:\n  x: " + xLine + "\n");
  }

  Chart load() {
    return ChartLoader.load(ChartFiles.of(files), "inline");
  }

  RenderResult render(RenderOptions options) {
    return new Renderer().render(load(), options);
  }

  RenderResult render() {
    return render(RenderOptions.defaults());
  }

  /** The rendered {@code data.x} of the only ConfigMap. */
  String x() {
    Map<?, ?> data = (Map<?, ?>) render().manifests().get(0).object().get("data");
    return String.valueOf(data.get("x"));
  }
}
