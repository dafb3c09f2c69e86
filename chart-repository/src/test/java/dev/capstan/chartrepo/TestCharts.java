package dev.capstan.chartrepo;

import dev.capstan.chart.Chart;
import dev.capstan.chart.ChartPackager;
import dev.capstan.chart.render.RenderOptions;
import dev.capstan.chart.render.Renderer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Small Go-template charts written by the tests themselves, and how they render. */
final class TestCharts {
  private TestCharts() {}

  /** Writes chart {@code name} at {@code version} into {@code parent/name-version/} and returns the folder. */
  static Path write(Path parent, String name, String version) throws IOException {
    Path dir = parent.resolve(name + "-" + version);
    Files.createDirectories(dir.resolve("templates"));
    Files.writeString(dir.resolve("Chart.yaml"), """
        apiVersion: v2
        name: %s
        description: A test chart
        version: %s
        appVersion: "1.0"
        """.formatted(name, version));
    Files.writeString(dir.resolve("values.yaml"), "greeting: hello\nreplicas: 2\n");
    Files.writeString(dir.resolve("templates/configmap.yaml"), """
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: {{ .Release.Name }}-{{ .Chart.Name }}
          labels:
            chart: {{ .Chart.Name }}-{{ .Chart.Version | replace "+" "_" }}
        data:
          greeting: {{ .Values.greeting | quote }}
          replicas: {{ .Values.replicas | quote }}
        """);
    return dir;
  }

  /** Writes and packages chart {@code name} at {@code version} into {@code out/}; returns the archive. */
  static Path pack(Path work, String name, String version, Path out) throws IOException {
    return ChartPackager.pack(write(work, name, version), out);
  }

  /** What Capstan renders for {@code chart} as release "rel" in namespace "ns". */
  static String render(Chart chart) {
    StringBuilder out = new StringBuilder();
    new Renderer().render(chart, RenderOptions.defaults().withReleaseName("rel").withNamespace("ns")).manifests()
        .forEach(m -> out.append(m.object()).append('\n'));
    return out.toString();
  }
}
