package dev.capstan.chart.render;

import dev.capstan.chart.Chart;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The parts of {@code helm template}'s output that are not templates: with {@code --include-crds}
 * the {@code crds/} files of every enabled chart come first (the chart's own, then its
 * dependencies'); Helm hooks ({@code helm.sh/hook}) come after every other object, as Helm prints
 * them; {@code --skip-tests} leaves out test hooks.
 */
final class HelmStream {
  private static final String HOOK = "helm.sh/hook";

  private HelmStream() {}

  /**
   * {@code ordered} (in {@link KindOrder}) arranged as Helm prints it. Hooks move to the end only for
   * a tree with Go charts: Pebble charts keep the order Capstan has always printed.
   */
  static List<RenderedManifest> arrange(ChartValues tree, List<RenderedManifest> ordered, RenderOptions options, boolean helmOrder) {
    List<RenderedManifest> out = new ArrayList<>();
    if (options.includeCrds()) {
      crds(tree, out);
    }
    List<RenderedManifest> hooks = new ArrayList<>();
    for (RenderedManifest m : ordered) {
      if (options.skipTests() && isTestHook(m)) {
        continue;
      }
      (helmOrder && hook(m) != null ? hooks : out).add(m);
    }
    out.addAll(hooks);
    return out;
  }

  private static void crds(ChartValues node, List<RenderedManifest> out) {
    Chart chart = node.chart();
    for (String path : chart.files().list()) {
      if (path.startsWith("crds/") && (path.endsWith(".yaml") || path.endsWith(".yml") || path.endsWith(".json"))) {
        String text = new String(chart.files().read(path), StandardCharsets.UTF_8);
        ManifestParser.parse(chart.path() + "/" + path, text).forEach(l -> out.add(l.manifest()));
      }
    }
    node.dependencies().forEach(dep -> crds(dep, out));
  }

  private static String hook(RenderedManifest m) {
    if (m.object().get("metadata") instanceof Map<?, ?> meta && meta.get("annotations") instanceof Map<?, ?> a
        && a.get(HOOK) != null) {
      return a.get(HOOK).toString();
    }
    return null;
  }

  /** Helm's isTestHook: an event of the hook annotation is {@code test} (or the old {@code test-success}). */
  private static boolean isTestHook(RenderedManifest m) {
    String events = hook(m);
    return events != null && Arrays.stream(events.split(",")).map(String::strip)
        .anyMatch(e -> e.equals("test") || e.equals("test-success"));
  }
}
