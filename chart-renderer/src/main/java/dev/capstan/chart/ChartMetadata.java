package dev.capstan.chart;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The fields of Chart.yaml. {@code type} is {@code application} or {@code library}; the fields only
 * Helm's templates read are in {@link #more()}.
 */
public record ChartMetadata(String apiVersion, String name, String version, String appVersion,
    String description, String type, String kubeVersion, List<Dependency> dependencies, ChartDescription more) {
  public static final String APPLICATION = "application";
  public static final String LIBRARY = "library";

  public ChartMetadata {
    dependencies = dependencies == null ? List.of() : List.copyOf(dependencies);
    more = more == null ? ChartDescription.NONE : more;
  }

  public ChartMetadata(String apiVersion, String name, String version, String appVersion, String description, String type,
      String kubeVersion, List<Dependency> dependencies) {
    this(apiVersion, name, version, appVersion, description, type, kubeVersion, dependencies, ChartDescription.NONE);
  }

  /** {@code annotations} of Chart.yaml. */
  public Map<String, String> annotations() {
    return more.annotations();
  }

  public boolean isLibrary() {
    return LIBRARY.equals(type);
  }

  /** The same chart under another name: how Helm presents an aliased dependency. */
  public ChartMetadata withName(String newName) {
    return new ChartMetadata(apiVersion, newName, version, appVersion, description, type, kubeVersion, dependencies, more);
  }

  /** What templates see as {@code chart}: the scalar fields, absent ones as empty strings. */
  public Map<String, Object> asTemplateMap() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("apiVersion", apiVersion);
    m.put("name", name);
    m.put("version", version);
    m.put("appVersion", appVersion == null ? "" : appVersion);
    m.put("description", description == null ? "" : description);
    m.put("type", type);
    m.put("kubeVersion", kubeVersion == null ? "" : kubeVersion);
    return m;
  }
}
