package dev.capstan.chart.gochart;

import dev.capstan.chart.Chart;
import dev.capstan.chart.gotemplate.GoTemplateSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * What a Go render can reuse from the previous render of the same loaded chart: the parsed
 * template namespace (keyed by the tree's top chart and the templates of its enabled Go charts,
 * which values can change through conditions), each chart's {@code .Files}, and the texts {@code tpl}
 * parsed (values rarely change between renders). All are read-only
 * once built, so renders on several threads share them. Bounded: least recently used entries go.
 */
public final class GoParseCache {
  private record Key(Chart top, List<String> templates) {}

  /** A tpl text parsed over a namespace (the chart's, or an enclosing tpl's). */
  private record TplKey(GoTemplateSet parent, String text) {}

  private final Map<Key, GoTemplateSet> sets;
  private final Map<Chart, HelmFiles> files;
  private final Map<TplKey, GoTemplateSet> tpls;

  public GoParseCache(int maxEntries) {
    this.sets = lru(maxEntries);
    this.files = lru(maxEntries * 4);
    this.tpls = lru(maxEntries * 16);
  }

  private static <K, V> Map<K, V> lru(int max) {
    return new LinkedHashMap<>(16, 0.75f, true) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
        return size() > max;
      }
    };
  }

  GoTemplateSet set(Chart top, List<String> templates, Supplier<GoTemplateSet> parse) {
    Key key = new Key(top, List.copyOf(templates));
    synchronized (sets) {
      GoTemplateSet cached = sets.get(key);
      if (cached != null) {
        return cached;
      }
    }
    GoTemplateSet parsed = parse.get(); // outside the lock: a parse error leaves nothing behind
    synchronized (sets) {
      sets.put(key, parsed);
    }
    return parsed;
  }

  /** The overlay {@code tpl} parsed {@code text} into over {@code parent}; parsed again when evicted. */
  GoTemplateSet tpl(GoTemplateSet parent, String text, Supplier<GoTemplateSet> parse) {
    TplKey key = new TplKey(parent, text);
    synchronized (tpls) {
      GoTemplateSet cached = tpls.get(key);
      if (cached != null) {
        return cached;
      }
    }
    GoTemplateSet parsed = parse.get();
    synchronized (tpls) {
      tpls.put(key, parsed);
    }
    return parsed;
  }

  HelmFiles files(Chart chart) {
    synchronized (files) {
      return files.computeIfAbsent(chart, c -> HelmFiles.of(c.files()));
    }
  }
}
