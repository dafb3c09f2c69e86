package dev.capstan.chart.render;

import dev.capstan.chart.Chart;
import dev.capstan.chart.ChartLoader;
import java.nio.file.Path;

/** The test charts under {@code src/test/resources/charts/}. */
final class Charts {
  static final Path DIR = Path.of("src/test/resources/charts");

  private Charts() {}

  static Chart load(String name) {
    return ChartLoader.load(DIR.resolve(name));
  }
}
