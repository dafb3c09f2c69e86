package dev.capstan.chart.render;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Two documents for one object (same apiVersion, kind, namespace and name) is an error, as in Helm. */
final class Duplicates {
  private Duplicates() {}

  static void check(List<RenderedManifest> manifests, String releaseNamespace) {
    Map<String, RenderedManifest> seen = new HashMap<>();
    for (RenderedManifest m : manifests) {
      String namespace = m.namespace() == null ? releaseNamespace : m.namespace();
      String key = m.apiVersion() + "/" + m.kind() + "/" + namespace + "/" + m.name();
      RenderedManifest first = seen.putIfAbsent(key, m);
      if (first != null) {
        throw new ManifestException(m.source(), 0, "duplicate object " + m.kind() + " " + namespace + "/" + m.name()
            + " (" + m.apiVersion() + "), also rendered by " + first.source());
      }
    }
  }
}
