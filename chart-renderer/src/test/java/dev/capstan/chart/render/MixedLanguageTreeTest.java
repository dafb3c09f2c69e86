package dev.capstan.chart.render;

import static org.assertj.core.api.Assertions.assertThat;

import dev.capstan.chart.ChartLoader;
import dev.capstan.chart.values.ValuesOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A Pebble parent with a Go subchart and the reverse: each chart renders in its own language. */
class MixedLanguageTreeTest {
  @TempDir
  Path tmp;

  private static void write(Path file, String text) throws Exception {
    Files.createDirectories(file.getParent());
    Files.writeString(file, text);
  }

  @Test
  void aPebbleParentCarriesAGoSubchart() throws Exception {
    Path shop = tmp.resolve("shop");
    write(shop.resolve("Chart.yaml"), "apiVersion: v2\nname: shop\nversion: 1.0.0\n");
    write(shop.resolve("values.yaml"), "global: {env: prod}\nsize: 2\ngosub: {port: 8080, big: 1000000}\n");
    write(shop.resolve("templates/cm.yaml"), """
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: {{ release.name }}-{{ chart.name }}
        data:
          size: "{{ values.size }}"
          service: {{ release.service }}
        """);
    write(shop.resolve("charts/gosub/Chart.yaml"), "apiVersion: v2\nname: gosub\nversion: v0.2.0\n");
    write(shop.resolve("charts/gosub/values.yaml"), "port: 80\n");
    write(shop.resolve("charts/gosub/templates/_helpers.tpl"),
        "{{- define \"gosub.name\" -}}{{ .Release.Name }}-{{ .Chart.Name }}{{- end -}}\n");
    write(shop.resolve("charts/gosub/templates/cm.yaml"), """
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: {{ include "gosub.name" . }}
        data:
          port: {{ .Values.port | quote }}
          big: {{ .Values.big | quote }}
          set: {{ .Values.fromSet | quote }}
          env: {{ .Values.global.env }}
          service: {{ .Release.Service }}
          parent: {{ .Chart.IsRoot | quote }}
        """);
    RenderResult result = new Renderer().render(ChartLoader.load(shop), RenderOptions.defaults().withReleaseName("r")
        .withValues(ValuesOptions.none().withSet(List.of("gosub.fromSet=1000000"))));
    assertThat(result.manifests()).extracting(RenderedManifest::source)
        .containsExactly("shop/charts/gosub/templates/cm.yaml", "shop/templates/cm.yaml");
    assertThat(result.manifests().get(0).object().get("data")).isEqualTo(Map.of("port", "8080", "big", "1e+06",
        "set", "1000000", "env", "prod", "service", "Helm", "parent", "false"));
    assertThat(result.manifests().get(1).object().get("data")).isEqualTo(Map.of("size", "2", "service", "Capstan"));
    assertThat(((Map<?, ?>) result.manifests().get(0).object().get("metadata")).get("name")).isEqualTo("r-gosub");
  }

  @Test
  void aGoParentCarriesAPebbleSubchart() throws Exception {
    Path app = tmp.resolve("app");
    write(app.resolve("Chart.yaml"), "apiVersion: v2\nname: app\nversion: 1.0.0\n");
    write(app.resolve("values.yaml"), "pebsub: {size: 3}\n");
    write(app.resolve("templates/cm.yaml"), """
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: {{ .Release.Name }}-{{ .Chart.Name }}
        data:
          sub: {{ .Subcharts.pebsub.Values.size | quote }}
        """);
    write(app.resolve("charts/pebsub/Chart.yaml"), "apiVersion: v2\nname: pebsub\nversion: 0.1.0\n");
    write(app.resolve("charts/pebsub/templates/_helpers.tpl"), "{% macro name() %}{{ release.name }}-{{ chart.name }}{% endmacro %}\n");
    write(app.resolve("charts/pebsub/templates/cm.yaml"), """
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: {{ name() }}
        data:
          size: "{{ values.size }}"
        """);
    RenderResult result = new Renderer().render(ChartLoader.load(app), RenderOptions.defaults().withReleaseName("r"));
    assertThat(result.manifests()).extracting(m -> m.source() + " " + m.name() + " " + m.object().get("data"))
        .containsExactly("app/charts/pebsub/templates/cm.yaml r-pebsub {size=3}", "app/templates/cm.yaml r-app {sub=3}");
  }
}
