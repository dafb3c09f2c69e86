package dev.capstan.chart.source;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** A chart held in memory, e.g. a snapshot of a Git tree. */
final class MemoryChartFiles implements ChartFiles {
  private final TreeMap<String, byte[]> files = new TreeMap<>();

  MemoryChartFiles(Map<String, byte[]> files) {
    files.forEach((path, bytes) -> this.files.put(ChartPaths.check(path), bytes.clone()));
  }

  @Override
  public List<String> list() {
    return List.copyOf(files.keySet());
  }

  @Override
  public byte[] read(String path) {
    byte[] bytes = files.get(ChartPaths.check(path));
    if (bytes == null) {
      throw new ChartException(path, "no such file in the chart");
    }
    return bytes.clone();
  }

  @Override
  public boolean exists(String path) {
    return files.containsKey(ChartPaths.check(path));
  }
}
