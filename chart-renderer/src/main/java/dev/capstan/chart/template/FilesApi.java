package dev.capstan.chart.template;

import dev.capstan.chart.source.ChartException;
import dev.capstan.chart.source.ChartFiles;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code files}: read access to the chart's own non-template files ({@code files.get("conf/app.ini")},
 * {@code files.glob("conf/*.ini")}, {@code files.lines("hosts.txt")}). Everything goes through
 * {@link ChartFiles}, which refuses {@code ..}, absolute paths and symlinks leaving the chart;
 * {@code templates/}, {@code charts/} and Chart.yaml stay out of reach as in Helm. A missing file
 * reads as the empty string, as Helm's {@code .Files.Get} does.
 */
public final class FilesApi {
  private final ChartFiles files;

  public FilesApi(ChartFiles files) {
    this.files = files;
  }

  public String get(String path) {
    String p = readable(path);
    return p == null ? "" : new String(files.read(p), StandardCharsets.UTF_8);
  }

  public List<String> lines(String path) {
    return get(path).lines().toList();
  }

  /** Path → content of every readable file matching a glob ({@code *} within a folder, {@code **} across). */
  public Map<String, String> glob(String pattern) {
    PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + pattern);
    Map<String, String> out = new TreeMap<>();
    for (String path : files.list()) {
      if (allowed(path) && matcher.matches(Path.of(path))) {
        out.put(path, get(path));
      }
    }
    return out;
  }

  private String readable(String path) {
    if (path == null) {
      return null;
    }
    String p = path.startsWith("./") ? path.substring(2) : path;
    if (p.startsWith("/") || List.of(p.split("/")).contains("..")) {
      throw new ChartException(path, "files: only paths inside the chart are readable");
    }
    return allowed(p) && files.exists(p) ? p : null;
  }

  private static boolean allowed(String path) {
    return !path.startsWith("templates/") && !path.startsWith("charts/") && !path.equals("Chart.yaml")
        && !path.equals("values.schema.json");
  }

  @Override
  public String toString() {
    return "files";
  }
}
