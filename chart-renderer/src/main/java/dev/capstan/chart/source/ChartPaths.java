package dev.capstan.chart.source;


/** The one rule for what a chart-relative path may look like, shared by every {@link ChartFiles}. */
final class ChartPaths {
  private ChartPaths() {}

  /** Returns the path normalised ('/' separators, no leading "./"), or throws if it could escape. */
  static String check(String path) {
    if (path == null || path.isEmpty()) {
      throw new ChartException("(empty path)", "a chart file path must not be empty");
    }
    String p = path.replace('\\', '/');
    while (p.startsWith("./")) {
      p = p.substring(2);
    }
    if (p.startsWith("/") || p.contains("\0")) {
      throw new ChartException(path, "only paths relative to the chart are allowed");
    }
    for (String part : p.split("/")) {
      if (part.equals("..")) {
        throw new ChartException(path, "paths may not contain '..'");
      }
    }
    return p;
  }
}
