package dev.capstan.bench;

import dev.capstan.chart.create.ChartScaffold;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Writes the charts the whole-process comparison (benchmarks/compare-helm.sh) renders:
 * {@code capstan-scaffold}, {@code capstan-200} and {@code helm-200} under the given folder
 * ({@code helm create} makes the Helm scaffold).
 */
public final class GenerateCharts {
  private GenerateCharts() {}

  public static void main(String[] args) throws IOException {
    if (args.length != 1) {
      System.err.println("usage: GenerateCharts OUTPUT_DIR");
      System.exit(2);
    }
    Path out = Path.of(args[0]);
    new ChartScaffold().create(out, "capstan-scaffold");
    ManyObjectsChart.write(out.resolve("capstan-200"), 50, ManyObjectsChart.Flavor.CAPSTAN);
    ManyObjectsChart.write(out.resolve("helm-200"), 50, ManyObjectsChart.Flavor.HELM);
  }
}
