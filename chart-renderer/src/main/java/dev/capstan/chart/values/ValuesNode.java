package dev.capstan.chart.values;

import java.util.List;
import java.util.Map;

/**
 * A chart as far as values are concerned: its defaults and its (enabled) dependencies. The
 * renderer's chart type implements this, so coalescing never needs to know how charts are loaded.
 */
public interface ValuesNode {
  /** The key this chart's values live under in its parent: the dependency's alias, else its name. */
  String scopeName();

  /** The chart's {@code values.yaml}, as read by {@link ValuesYaml}. */
  Map<String, Object> defaults();

  List<? extends ValuesNode> dependencies();
}
