package dev.capstan.chart.source;

import java.util.ArrayList;
import java.util.List;

/** A folder of another {@link ChartFiles}, used for subcharts under {@code charts/}. */
final class SubtreeChartFiles implements ChartFiles {
  private final ChartFiles parent;
  private final String prefix;

  SubtreeChartFiles(ChartFiles parent, String prefix) {
    this.parent = parent;
    String p = ChartPaths.check(prefix);
    this.prefix = p.endsWith("/") ? p : p + "/";
  }

  @Override
  public List<String> list() {
    List<String> out = new ArrayList<>();
    for (String path : parent.list()) {
      if (path.startsWith(prefix)) {
        out.add(path.substring(prefix.length()));
      }
    }
    return out;
  }

  @Override
  public byte[] read(String path) {
    return parent.read(prefix + ChartPaths.check(path));
  }

  @Override
  public boolean exists(String path) {
    return parent.exists(prefix + ChartPaths.check(path));
  }
}
