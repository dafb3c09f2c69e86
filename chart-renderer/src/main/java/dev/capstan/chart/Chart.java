package dev.capstan.chart;

import dev.capstan.chart.source.ChartFiles;
import dev.capstan.chart.values.ValuesNode;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;

/**
 * A loaded chart: its metadata, default values, optional schema, template sources and loaded
 * dependencies (each with the Chart.yaml entry that brought it in). Immutable once loaded, so one
 * instance can be rendered by many threads.
 *
 * <p>{@link #path()} is how the chart's files are named in output and errors: {@code mychart},
 * or {@code mychart/charts/redis} for a dependency (its alias when it has one, as Helm does).
 */
public final class Chart implements ValuesNode {
  private final ChartMetadata metadata;
  private final String path;
  private final Dependency entry;
  private final Map<String, Object> defaults;
  private final String schema;
  private final SortedMap<String, String> templates;
  private final ChartFiles files;
  private final List<Chart> dependencies;
  /** Decided on first use; a chart never changes once loaded. */
  private volatile TemplateLanguage language;

  Chart(ChartMetadata metadata, String path, Dependency entry, Map<String, Object> defaults, String schema,
      SortedMap<String, String> templates, ChartFiles files, List<Chart> dependencies) {
    this.metadata = metadata;
    this.path = path;
    this.entry = entry;
    this.defaults = defaults;
    this.schema = schema;
    this.templates = templates;
    this.files = files;
    this.dependencies = List.copyOf(dependencies);
  }

  public ChartMetadata metadata() {
    return metadata;
  }

  public String name() {
    return metadata.name();
  }

  public String path() {
    return path;
  }

  /** The Chart.yaml entry this chart was loaded through; empty for the top chart. */
  public Optional<Dependency> entry() {
    return Optional.ofNullable(entry);
  }

  @Override
  public String scopeName() {
    return entry == null ? metadata.name() : entry.scopeName();
  }

  @Override
  public Map<String, Object> defaults() {
    return defaults;
  }

  /** The language of this chart's own templates ({@link TemplateLanguage#of}), decided once. */
  public TemplateLanguage language() {
    TemplateLanguage l = language;
    if (l == null) {
      l = TemplateLanguage.of(this);
      language = l;
    }
    return l;
  }

  /** The text of values.schema.json, if the chart has one. */
  public Optional<String> schema() {
    return Optional.ofNullable(schema);
  }

  /** Every file under templates/, by path relative to the chart ({@code templates/web.yaml}). */
  public SortedMap<String, String> templates() {
    return templates;
  }

  public ChartFiles files() {
    return files;
  }

  @Override
  public List<Chart> dependencies() {
    return dependencies;
  }

  @Override
  public String toString() {
    return path + " (" + metadata.name() + " " + metadata.version() + ")";
  }
}
