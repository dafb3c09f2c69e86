package dev.capstan.chart.render;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Two documents for one object (same apiVersion, kind, namespace and name) is an error, as in Helm. */
final class Duplicates {
  private Duplicates() {}

  static void check(List<ManifestParser.Located> manifests, String releaseNamespace) {
    Map<String, ManifestParser.Located> seen = new HashMap<>();
    for (ManifestParser.Located located : manifests) {
      RenderedManifest m = located.manifest();
      String namespace = m.namespace() == null ? releaseNamespace : m.namespace();
      String key = m.apiVersion() + "/" + m.kind() + "/" + namespace + "/" + m.name();
      ManifestParser.Located first = seen.putIfAbsent(key, located);
      if (first != null) {
        throw new ManifestException(m.source(), located.line(), "duplicate object " + m.kind() + " " + namespace + "/"
            + m.name() + " (" + m.apiVersion() + "), also rendered by " + first.manifest().source() + ":" + first.line());
      }
    }
  }
}
