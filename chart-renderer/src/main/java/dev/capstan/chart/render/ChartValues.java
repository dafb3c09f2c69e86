package dev.capstan.chart.render;

import dev.capstan.chart.Chart;
import dev.capstan.chart.Dependency;
import dev.capstan.chart.values.Coalesce;
import dev.capstan.chart.values.ValuesNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The values of every enabled chart of a tree, the way Helm gets them: coalesce the user's values
 * over the whole tree, decide which dependencies are enabled ({@code tags} first, then
 * {@code condition}, which wins; a disabled chart disables its own dependencies), and coalesce again
 * over the enabled charts only so a disabled chart's defaults do not linger in its parent's values.
 */
record ChartValues(Chart chart, Map<String, Object> values, List<ChartValues> dependencies) {

  /** An enabled chart and its enabled dependencies, as {@link Coalesce} sees it. */
  private record Enabled(Chart chart, List<Enabled> dependencies) implements ValuesNode {
    @Override
    public String scopeName() {
      return chart.scopeName();
    }

    @Override
    public Map<String, Object> defaults() {
      return chart.defaults();
    }
  }

  static ChartValues resolve(Chart top, Map<String, Object> userValues) {
    Map<String, Object> all = Coalesce.coalesce(top, userValues);
    Enabled tree = enabled(top, all, "");
    Map<String, Object> values = Coalesce.coalesce(tree, userValues);
    return scoped(tree, values);
  }

  private static Enabled enabled(Chart chart, Map<String, Object> all, String prefix) {
    List<Enabled> deps = new ArrayList<>();
    for (Chart dep : chart.dependencies()) {
      Dependency entry = dep.entry().orElseThrow();
      if (isEnabled(entry, all, prefix)) {
        deps.add(enabled(dep, all, prefix + dep.scopeName() + "."));
      }
    }
    return new Enabled(chart, deps);
  }

  private static boolean isEnabled(Dependency entry, Map<String, Object> top, String prefix) {
    boolean enabled = true;
    if (!entry.tags().isEmpty() && top.get("tags") instanceof Map<?, ?> tags) {
      boolean anyTrue = entry.tags().stream().anyMatch(t -> Boolean.TRUE.equals(tags.get(t)));
      boolean anyFalse = entry.tags().stream().anyMatch(t -> Boolean.FALSE.equals(tags.get(t)));
      if (anyTrue) {
        enabled = true;
      } else if (anyFalse) {
        enabled = false;
      }
    }
    if (entry.condition() != null) {
      for (String path : entry.condition().split(",")) {
        Object v = lookup(top, prefix + path.strip());
        if (v instanceof Boolean b) {
          return b;
        }
      }
    }
    return enabled;
  }

  private static Object lookup(Map<String, Object> values, String dottedPath) {
    Object current = values;
    for (String key : dottedPath.split("\\.")) {
      if (!(current instanceof Map<?, ?> map)) {
        return null;
      }
      current = map.get(key);
    }
    return current;
  }

  @SuppressWarnings("unchecked")
  private static ChartValues scoped(Enabled node, Map<String, Object> values) {
    List<ChartValues> deps = new ArrayList<>();
    for (Enabled dep : node.dependencies()) {
      Object scope = values.get(dep.scopeName());
      deps.add(scoped(dep, scope instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of()));
    }
    return new ChartValues(node.chart(), values, deps);
  }
}
