package dev.capstan.chart.render;

import dev.capstan.chart.Chart;
import dev.capstan.chart.source.ChartException;
import java.util.List;

/**
 * {@code --show-only}: keep the documents of the named templates. A path may be given relative to
 * the chart ({@code templates/web.yaml}) or with the chart name ({@code mychart/templates/web.yaml}),
 * as Helm accepts; a path that matches nothing is an error rather than an empty stream.
 */
final class ShowOnly {
  private ShowOnly() {}

  static List<RenderedManifest> filter(Chart chart, List<RenderedManifest> manifests, List<String> paths) {
    if (paths.isEmpty()) {
      return manifests;
    }
    for (String path : paths) {
      if (manifests.stream().noneMatch(m -> matches(chart, m, path))) {
        throw new ChartException(path, "--show-only: no rendered template " + path + " in chart " + chart.name());
      }
    }
    return manifests.stream().filter(m -> paths.stream().anyMatch(p -> matches(chart, m, p))).toList();
  }

  private static boolean matches(Chart chart, RenderedManifest m, String path) {
    String p = path.startsWith("./") ? path.substring(2) : path;
    return m.source().equals(p) || m.source().equals(chart.path() + "/" + p);
  }
}
