package dev.capstan.chart.render;

import dev.capstan.chart.template.ApiVersions;
import dev.capstan.core.CapstanException;
import dev.capstan.core.semver.SemVer;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code capabilities}: the Kubernetes version the render targets and the API versions it serves
 * (the built-in set of a 1.31 API server plus {@code --api-versions}). Nothing here talks to a
 * cluster; the engine passes a live cluster's versions through {@link RenderOptions}.
 */
final class Capabilities {
  private static final List<String> DEFAULT_API_VERSIONS = load();

  private Capabilities() {}

  static SemVer kubeVersion(String text) {
    return SemVer.parseLoose(text).orElseThrow(() -> new CapstanException("--kube-version",
        "\"" + text + "\" is not a Kubernetes version such as v1.31.0"));
  }

  static Map<String, Object> asTemplateMap(SemVer kube, List<String> extraApiVersions) {
    Map<String, Object> version = new LinkedHashMap<>();
    String v = "v" + kube.major() + "." + kube.minor() + "." + kube.patch()
        + (kube.preRelease().isEmpty() ? "" : "-" + kube.preRelease());
    version.put("version", v);
    version.put("gitVersion", v);
    version.put("major", Long.toString(kube.major()));
    version.put("minor", Long.toString(kube.minor()));
    List<String> all = new ArrayList<>(DEFAULT_API_VERSIONS);
    all.addAll(extraApiVersions);
    Map<String, Object> caps = new LinkedHashMap<>();
    caps.put("kubeVersion", version);
    caps.put("apiVersions", new ApiVersions(all));
    return caps;
  }

  private static List<String> load() {
    List<String> out = new ArrayList<>();
    try (InputStream in = Capabilities.class.getResourceAsStream("api-versions.txt")) {
      if (in == null) {
        throw new IllegalStateException("api-versions.txt missing from the class path");
      }
      BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        String[] parts = line.strip().split("\\s+");
        out.add(parts[0]);
        for (int i = 1; i < parts.length; i++) {
          out.add(parts[0] + "/" + parts[i]);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return List.copyOf(out);
  }
}
