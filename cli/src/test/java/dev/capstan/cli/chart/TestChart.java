package dev.capstan.cli.chart;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** A small Go-template chart the CLI tests write for themselves. */
final class TestChart {
  private TestChart() {}

  static Path write(Path parent, String name, String version) throws IOException {
    Path dir = parent.resolve(name);
    Files.createDirectories(dir.resolve("templates"));
    Files.writeString(dir.resolve("Chart.yaml"), "apiVersion: v2\nname: " + name + "\nversion: " + version + "\n");
    Files.writeString(dir.resolve("values.yaml"), "greeting: hello\n");
    Files.writeString(dir.resolve("templates/configmap.yaml"), """
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: {{ .Release.Name }}-{{ .Chart.Name }}
        data:
          greeting: {{ .Values.greeting | quote }}
          version: {{ .Chart.Version | quote }}
        """);
    return dir;
  }
}
