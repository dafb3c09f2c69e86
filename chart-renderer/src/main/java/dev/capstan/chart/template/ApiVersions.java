package dev.capstan.chart.template;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * {@code capabilities.apiVersions}: the group/versions (and group/version/kinds) the target cluster
 * serves. {@code has("apps/v1")} and {@code has("apps/v1/Deployment")} are the only methods a
 * template can call.
 */
public final class ApiVersions {
  private final Set<String> versions;

  public ApiVersions(List<String> versions) {
    this.versions = new TreeSet<>(versions);
  }

  public boolean has(String apiVersion) {
    return apiVersion != null && versions.contains(apiVersion);
  }

  public Set<String> all() {
    return versions;
  }

  @Override
  public String toString() {
    return String.join(",", versions);
  }
}
