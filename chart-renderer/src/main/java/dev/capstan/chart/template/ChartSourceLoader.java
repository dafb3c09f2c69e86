package dev.capstan.chart.template;

import io.pebbletemplates.pebble.error.LoaderException;
import io.pebbletemplates.pebble.loader.Loader;
import java.io.Reader;
import java.io.StringReader;
import java.util.Map;

/**
 * Serves template sources from memory by their display path ({@code mychart/templates/web.yaml}).
 * It knows only the chart's own templates and its library charts' helpers: no file system, no
 * class path, no relative paths.
 */
final class ChartSourceLoader implements Loader<String> {
  private final Map<String, String> sources;

  ChartSourceLoader(Map<String, String> sources) {
    this.sources = Map.copyOf(sources);
  }

  @Override
  public Reader getReader(String name) {
    String source = sources.get(name);
    if (source == null) {
      throw new LoaderException(null, "no template " + name + " in this chart");
    }
    return new StringReader(source);
  }

  @Override
  public void setCharset(String charset) {}

  @Override
  public void setPrefix(String prefix) {}

  @Override
  public void setSuffix(String suffix) {}

  @Override
  public String resolveRelativePath(String relativePath, String anchorPath) {
    return relativePath;
  }

  @Override
  public String createCacheKey(String name) {
    return name;
  }

  @Override
  public boolean resourceExists(String name) {
    return sources.containsKey(name);
  }
}
