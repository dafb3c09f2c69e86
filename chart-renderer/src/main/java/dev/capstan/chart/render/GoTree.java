package dev.capstan.chart.render;

import dev.capstan.chart.Chart;
import dev.capstan.chart.TemplateLanguage;
import dev.capstan.chart.gochart.GoChartRenderer;
import dev.capstan.chart.gochart.GoParseCache;
import dev.capstan.chart.template.RenderBudget;
import dev.capstan.chart.values.UserValues;
import dev.capstan.chart.values.ValuesOptions;
import dev.capstan.core.semver.SemVer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The Go side of a render: hands the values tree to {@link GoChartRenderer}, which renders every
 * Go chart of the tree in one pass as Helm does, and keeps its outputs by template path until the
 * renderer walks the tree.
 */
final class GoTree {
  private final Map<String, String> outputs;

  private GoTree(Map<String, String> outputs) {
    this.outputs = outputs;
  }

  static GoTree none() {
    return new GoTree(Map.of());
  }

  static boolean applies(Chart top) {
    return GoChartRenderer.hasGoChart(top);
  }

  static GoTree render(ChartValues tree, RenderOptions options, SemVer kube, RenderBudget budget, GoParseCache cache) {
    return render(tree, options, kube, budget, cache, false);
  }

  /** {@code strict}: missing map keys are errors, as under {@code helm lint --strict}. */
  static GoTree render(ChartValues tree, RenderOptions options, SemVer kube, RenderBudget budget, GoParseCache cache,
      boolean strict) {
    String version = "v" + kube.major() + "." + kube.minor() + "." + kube.patch()
        + (kube.preRelease().isEmpty() ? "" : "-" + kube.preRelease());
    // Only --set gives int64 numbers in Helm; everything else is float64 (see GoNumbers).
    Map<String, Object> setValues = options.values().set().isEmpty() ? Map.of()
        : UserValues.load(ValuesOptions.none().withSet(options.values().set()));
    GoChartRenderer.Context context = new GoChartRenderer.Context(options.releaseName(), options.namespace(),
        options.revision(), options.isUpgrade(), version, kube.major(), kube.minor(), options.apiVersions(), setValues,
        strict);
    Map<String, String> outputs = new LinkedHashMap<>();
    for (GoChartRenderer.Rendered r : GoChartRenderer.render(node(tree), context, budget, cache)) {
      outputs.put(r.path(), r.text());
    }
    return new GoTree(outputs);
  }

  private static GoChartRenderer.Node node(ChartValues v) {
    List<GoChartRenderer.Node> deps = new ArrayList<>();
    v.dependencies().forEach(d -> deps.add(node(d)));
    return new GoChartRenderer.Node(v.chart(), v.values(), deps);
  }

  /** Whether {@code chart}'s templates were rendered here rather than by Pebble. */
  static boolean isGo(Chart chart) {
    return chart.language() == TemplateLanguage.GO;
  }

  /** The output of one template ({@code hc/templates/web.yaml}), or null when it was not rendered. */
  String output(String path) {
    return outputs.get(path);
  }
}
