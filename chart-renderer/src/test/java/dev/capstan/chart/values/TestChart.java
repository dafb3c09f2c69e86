package dev.capstan.chart.values;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A chart directory read only as far as values go (Chart.yaml dependencies with aliases,
 * values.yaml, values.schema.json, charts/), so these tests do not depend on the renderer's loader.
 */
record TestChart(
    String scopeName, Map<String, Object> defaults, List<TestChart> dependencies, String schema)
    implements ValuesNode {

  TestChart(String scopeName, Map<String, Object> defaults, List<TestChart> dependencies) {
    this(scopeName, defaults, dependencies, null);
  }

  static TestChart load(Path dir) {
    return load(dir, null);
  }

  private static TestChart load(Path dir, String alias) {
    Map<String, Object> meta = ValuesYaml.read("Chart.yaml", read(dir.resolve("Chart.yaml")));
    Path valuesFile = dir.resolve("values.yaml");
    Map<String, Object> defaults = Files.exists(valuesFile)
        ? ValuesYaml.read(valuesFile.toString(), read(valuesFile))
        : Map.of();
    List<TestChart> deps = new ArrayList<>();
    if (meta.get("dependencies") instanceof List<?> list) {
      for (Object d : list) {
        Map<?, ?> dep = (Map<?, ?>) d;
        String name = (String) dep.get("name");
        deps.add(load(dir.resolve("charts").resolve(name), (String) dep.get("alias")));
      }
    }
    String name = alias != null ? alias : (String) meta.get("name");
    Path schemaFile = dir.resolve("values.schema.json");
    return new TestChart(name, defaults, deps, Files.exists(schemaFile) ? read(schemaFile) : null);
  }

  /** Checks each chart's schema against its own scope, as Helm does after coalescing. */
  void validate(Map<String, Object> values) {
    if (schema != null) {
      ValuesSchema.validate(scopeName, schema, values);
    }
    for (TestChart dep : dependencies) {
      dep.validate(ValueMaps.cast((Map<?, ?>) values.get(dep.scopeName())));
    }
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
