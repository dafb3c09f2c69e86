package dev.capstan.chart;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.capstan.chart.source.ChartException;
import dev.capstan.core.semver.RangeDialect;
import dev.capstan.core.semver.SemVer;
import dev.capstan.core.semver.SemVerRange;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** Reads and checks Chart.yaml; every complaint names the file and the field. */
final class MetadataReader {
  private static final Pattern NAME = Pattern.compile("[a-z0-9]([-a-z0-9_.]*[a-z0-9])?");

  private MetadataReader() {}

  /** Chart.yaml's fields, plus each dependency's {@code version} range (null when absent). */
  record Read(ChartMetadata metadata, List<String> dependencyVersions) {}

  static Read read(String text, String where) {
    Map<String, Object> map;
    try {
      map = Mappers.readYamlMap(text);
    } catch (JsonProcessingException e) {
      throw new ChartException(where + ChartLoader.location(e), "invalid YAML: " + e.getOriginalMessage(), e);
    } catch (IllegalArgumentException e) {
      throw new ChartException(where, e.getMessage(), e);
    }
    String apiVersion = string(map, "apiVersion", where);
    if (!"v2".equals(apiVersion)) {
      throw new ChartException(where, "apiVersion must be v2, found " + (apiVersion == null ? "nothing" : "\"" + apiVersion + "\""));
    }
    String name = required(map, "name", where);
    if (!NAME.matcher(name).matches()) {
      throw new ChartException(where, "name \"" + name + "\" must be lower-case letters, digits, '-', '_' or '.'");
    }
    String version = required(map, "version", where);
    if (!isChartVersion(version)) {
      throw new ChartException(where, "version \"" + version + "\" is not a SemVer version such as 1.2.3");
    }
    String type = string(map, "type", where);
    if (type == null || type.isEmpty()) {
      type = ChartMetadata.APPLICATION;
    } else if (!type.equals(ChartMetadata.APPLICATION) && !type.equals(ChartMetadata.LIBRARY)) {
      throw new ChartException(where, "type must be application or library, found \"" + type + "\"");
    }
    String kubeVersion = string(map, "kubeVersion", where);
    if (kubeVersion != null && SemVerRange.tryParse(kubeVersion, RangeDialect.HELM).isEmpty()) {
      throw new ChartException(where, "kubeVersion \"" + kubeVersion + "\" is not a version constraint such as \">=1.25.0-0\"");
    }
    List<String> versions = new ArrayList<>();
    ChartMetadata metadata = new ChartMetadata(apiVersion, name, version, string(map, "appVersion", where),
        string(map, "description", where), type, kubeVersion, dependencies(map.get("dependencies"), where, versions),
        description(map, where));
    return new Read(metadata, versions);
  }

  /** SemVer 2, with the leading {@code v} Helm also accepts ({@code v1.2.3}, common in public charts). */
  static boolean isChartVersion(String version) {
    return SemVer.parse(version.startsWith("v") ? version.substring(1) : version).isPresent();
  }

  private static ChartDescription description(Map<String, Object> map, String where) {
    List<ChartDescription.Maintainer> maintainers = new ArrayList<>();
    for (Map<String, Object> m : mappings(map.get("maintainers"), where, "maintainers")) {
      maintainers.add(new ChartDescription.Maintainer(string(m, "name", where), string(m, "email", where), string(m, "url", where)));
    }
    Map<String, String> annotations = new LinkedHashMap<>();
    Object rawAnnotations = map.get("annotations");
    if (rawAnnotations instanceof Map<?, ?> a) {
      a.forEach((k, v) -> {
        if (v instanceof Map || v instanceof List) {
          throw new ChartException(where, "annotations." + k + " must be a string, found " + Mappers.describe(v));
        }
        annotations.put(String.valueOf(k), v == null ? "" : String.valueOf(v));
      });
    } else if (rawAnnotations != null) {
      throw new ChartException(where, "annotations must be a mapping of strings, found " + Mappers.describe(rawAnnotations));
    }
    return new ChartDescription(string(map, "home", where), string(map, "icon", where), strings(map, "sources", where),
        strings(map, "keywords", where), maintainers, Boolean.parseBoolean(string(map, "deprecated", where)), annotations,
        string(map, "type", where));
  }

  private static List<String> strings(Map<String, Object> map, String key, String where) {
    Object raw = map.get(key);
    if (raw == null) {
      return List.of();
    }
    if (!(raw instanceof List<?> list)) {
      throw new ChartException(where, key + " must be a list of strings, found " + Mappers.describe(raw));
    }
    return list.stream().map(String::valueOf).toList();
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> mappings(Object raw, String where, String key) {
    if (raw == null) {
      return List.of();
    }
    if (!(raw instanceof List<?> list) || list.stream().anyMatch(e -> !(e instanceof Map))) {
      throw new ChartException(where, key + " must be a list of mappings");
    }
    return (List<Map<String, Object>>) list;
  }

  private static List<Dependency> dependencies(Object raw, String where, List<String> versions) {
    if (raw == null) {
      return List.of();
    }
    if (!(raw instanceof List<?> list)) {
      throw new ChartException(where, "dependencies must be a list, found " + Mappers.describe(raw));
    }
    List<Dependency> out = new ArrayList<>();
    for (int i = 0; i < list.size(); i++) {
      String at = "dependencies[" + i + "]";
      if (!(list.get(i) instanceof Map<?, ?> m)) {
        throw new ChartException(where, at + " must be a mapping");
      }
      @SuppressWarnings("unchecked")
      Map<String, Object> dep = (Map<String, Object>) m;
      String name = required(dep, "name", where, at + ".name");
      String alias = string(dep, "alias", where);
      if (alias != null && !NAME.matcher(alias).matches()) {
        throw new ChartException(where, at + ".alias \"" + alias + "\" must be lower-case letters, digits, '-', '_' or '.'");
      }
      String range = string(dep, "version", where);
      if (range != null && SemVerRange.tryParse(range, RangeDialect.HELM).isEmpty()) {
        throw new ChartException(where, at + ".version \"" + range + "\" is not a version range such as ~1.2.0");
      }
      versions.add(range);
      out.add(new Dependency(name, alias, string(dep, "condition", where), tags(dep.get("tags"), where, at),
          string(dep, "repository", where)));
    }
    return out;
  }

  private static List<String> tags(Object raw, String where, String at) {
    if (raw == null) {
      return List.of();
    }
    if (!(raw instanceof List<?> list)) {
      throw new ChartException(where, at + ".tags must be a list of strings");
    }
    return list.stream().map(String::valueOf).toList();
  }

  private static String required(Map<String, Object> map, String key, String where) {
    return required(map, key, where, key);
  }

  private static String required(Map<String, Object> map, String key, String where, String field) {
    String value = string(map, key, where);
    if (value == null || value.isBlank()) {
      throw new ChartException(where, field + " is required");
    }
    return value;
  }

  private static String string(Map<String, Object> map, String key, String where) {
    Object v = map.get(key);
    if (v == null) {
      return null;
    }
    if (v instanceof Map || v instanceof List) {
      throw new ChartException(where, key + " must be a string, found " + Mappers.describe(v));
    }
    return String.valueOf(v);
  }
}
