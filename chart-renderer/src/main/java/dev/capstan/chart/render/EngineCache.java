package dev.capstan.chart.render;

import dev.capstan.chart.Chart;
import dev.capstan.chart.template.ChartEngine;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Compiled chart engines, least recently used out first. Keyed by chart instance (a reloaded chart
 * is a new instance, so edits are never served stale) and output limit (part of the engine).
 */
final class EngineCache {
  private record Key(Chart chart, long maxOutput) {}

  private final Map<Key, ChartEngine> engines;

  EngineCache(int capacity) {
    this.engines = new LinkedHashMap<>(16, 0.75f, true) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<Key, ChartEngine> eldest) {
        return size() > capacity;
      }
    };
  }

  ChartEngine get(Chart chart, long maxOutput) {
    Key key = new Key(chart, maxOutput);
    synchronized (engines) {
      ChartEngine engine = engines.get(key);
      if (engine != null) {
        return engine;
      }
    }
    ChartEngine compiled = ChartEngine.compile(chart, maxOutput);
    synchronized (engines) {
      return engines.computeIfAbsent(key, k -> compiled);
    }
  }
}
