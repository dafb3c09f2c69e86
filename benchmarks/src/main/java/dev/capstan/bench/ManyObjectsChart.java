package dev.capstan.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes a chart of {@code components} × 4 objects (Deployment, Service, ConfigMap,
 * ServiceAccount per component, one template file per component, shared label macros), in
 * Capstan's Pebble and, for the comparison with {@code helm template}, the same chart in Helm's Go
 * templates. 50 components make the 200-object chart of docs/performance.md.
 */
public final class ManyObjectsChart {
  public enum Flavor { CAPSTAN, HELM }

  private ManyObjectsChart() {}

  public static Path write(Path chartDir, int components, Flavor flavor) throws IOException {
    Files.createDirectories(chartDir.resolve("templates"));
    write(chartDir.resolve("Chart.yaml"), """
        apiVersion: v2
        name: many
        description: %d objects for the render benchmarks
        version: 1.0.0
        appVersion: "1.0"
        """.formatted(components * 4));
    StringBuilder values = new StringBuilder("image: nginx\ntag: \"1.27\"\ncomponents:\n");
    for (int i = 0; i < components; i++) {
      values.append("  c").append(i).append(":\n    replicas: ").append(1 + i % 3)
          .append("\n    port: ").append(8000 + i).append("\n    settings:\n      mode: fast\n      level: \"")
          .append(i).append("\"\n");
    }
    write(chartDir.resolve("values.yaml"), values.toString());
    boolean helm = flavor == Flavor.HELM;
    write(chartDir.resolve("templates/_helpers.tpl"), helm ? HELM_HELPERS : CAPSTAN_HELPERS);
    for (int i = 0; i < components; i++) {
      String body = (helm ? HELM_COMPONENT : CAPSTAN_COMPONENT).replace("@C@", "c" + i);
      write(chartDir.resolve("templates/component-" + i + ".yaml"), body);
    }
    return chartDir;
  }

  private static void write(Path file, String text) throws IOException {
    Files.writeString(file, text, StandardCharsets.UTF_8);
  }

  private static final String CAPSTAN_HELPERS = """
      {% macro labels(component) -%}
      app.kubernetes.io/name: {{ component }}
      app.kubernetes.io/instance: {{ release.name }}
      app.kubernetes.io/version: {{ chart.appVersion | quote }}
      app.kubernetes.io/managed-by: {{ release.service }}
      {%- endmacro %}
      """;

  private static final String HELM_HELPERS = """
      {{- define "labels" -}}
      app.kubernetes.io/name: {{ .component }}
      app.kubernetes.io/instance: {{ .root.Release.Name }}
      app.kubernetes.io/version: {{ .root.Chart.AppVersion | quote }}
      app.kubernetes.io/managed-by: {{ .root.Release.Service }}
      {{- end }}
      """;

  private static final String CAPSTAN_COMPONENT = """
      {%- set c = values.components["@C@"] %}
      apiVersion: v1
      kind: ServiceAccount
      metadata:
        name: {{ release.name }}-@C@
        labels:
          {{- labels("@C@") | nindent(4) }}
      ---
      apiVersion: v1
      kind: ConfigMap
      metadata:
        name: {{ release.name }}-@C@
        labels:
          {{- labels("@C@") | nindent(4) }}
      data:
        {{- c.settings | toYaml | nindent(2) }}
      ---
      apiVersion: v1
      kind: Service
      metadata:
        name: {{ release.name }}-@C@
        labels:
          {{- labels("@C@") | nindent(4) }}
      spec:
        ports:
          - port: {{ c.port }}
            targetPort: http
        selector:
          app.kubernetes.io/name: @C@
      ---
      apiVersion: apps/v1
      kind: Deployment
      metadata:
        name: {{ release.name }}-@C@
        labels:
          {{- labels("@C@") | nindent(4) }}
      spec:
        replicas: {{ c.replicas }}
        selector:
          matchLabels:
            app.kubernetes.io/name: @C@
        template:
          metadata:
            labels:
              {{- labels("@C@") | nindent(8) }}
          spec:
            serviceAccountName: {{ release.name }}-@C@
            containers:
              - name: app
                image: "{{ values.image }}:{{ values.tag }}"
                ports:
                  - name: http
                    containerPort: {{ c.port }}
                envFrom:
                  - configMapRef:
                      name: {{ release.name }}-@C@
      """;

  private static final String HELM_COMPONENT = """
      {{- $c := index .Values.components "@C@" }}
      {{- $ctx := dict "component" "@C@" "root" $ }}
      apiVersion: v1
      kind: ServiceAccount
      metadata:
        name: {{ .Release.Name }}-@C@
        labels:
          {{- include "labels" $ctx | nindent 4 }}
      ---
      apiVersion: v1
      kind: ConfigMap
      metadata:
        name: {{ .Release.Name }}-@C@
        labels:
          {{- include "labels" $ctx | nindent 4 }}
      data:
        {{- toYaml $c.settings | nindent 2 }}
      ---
      apiVersion: v1
      kind: Service
      metadata:
        name: {{ .Release.Name }}-@C@
        labels:
          {{- include "labels" $ctx | nindent 4 }}
      spec:
        ports:
          - port: {{ $c.port }}
            targetPort: http
        selector:
          app.kubernetes.io/name: @C@
      ---
      apiVersion: apps/v1
      kind: Deployment
      metadata:
        name: {{ .Release.Name }}-@C@
        labels:
          {{- include "labels" $ctx | nindent 4 }}
      spec:
        replicas: {{ $c.replicas }}
        selector:
          matchLabels:
            app.kubernetes.io/name: @C@
        template:
          metadata:
            labels:
              {{- include "labels" $ctx | nindent 8 }}
          spec:
            serviceAccountName: {{ .Release.Name }}-@C@
            containers:
              - name: app
                image: "{{ .Values.image }}:{{ .Values.tag }}"
                ports:
                  - name: http
                    containerPort: {{ $c.port }}
                envFrom:
                  - configMapRef:
                      name: {{ .Release.Name }}-@C@
      """;
}
