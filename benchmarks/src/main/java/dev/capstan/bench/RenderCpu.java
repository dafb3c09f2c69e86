package dev.capstan.bench;

import dev.capstan.chart.Chart;
import dev.capstan.chart.ChartLoader;
import dev.capstan.chart.create.ChartScaffold;
import dev.capstan.chart.render.RenderOptions;
import dev.capstan.chart.render.Renderer;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * CPU time per warm render: the figure that does not depend on what else a shared machine is
 * doing (JMH's renders/second does). Renders each chart in rounds until the JIT has settled, then
 * reports the median of the measured rounds as CPU per render (summed over the JVM's Java threads,
 * so the caller and the Renderer's worker count, the JIT compiler and GC threads do not) and as
 * renders/second per core. Run: {@code java -cp benchmarks/target/benchmarks.jar dev.capstan.bench.RenderCpu}.
 */
public final class RenderCpu {
  private static final int WARMUP_ROUNDS = 30;
  private static final int MEASURED_ROUNDS = 9;
  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

  private RenderCpu() {}

  public static void main(String[] args) throws IOException {
    Path dir = Files.createTempDirectory("capstan-bench");
    new ChartScaffold().create(dir, "demo");
    measure("scaffold (3 objects + NOTES)", ChartLoader.load(dir.resolve("demo")), 300);
    Path many = ManyObjectsChart.write(dir.resolve("many"), 50, ManyObjectsChart.Flavor.CAPSTAN);
    measure("generated chart (200 objects)", ChartLoader.load(many), 10);
    Path manyGo = ManyObjectsChart.write(dir.resolve("many-go"), 50, ManyObjectsChart.Flavor.HELM);
    measure("generated chart, Go templates (200 objects)", ChartLoader.load(manyGo), 10);
  }

  private static void measure(String label, Chart chart, int rendersPerRound) {
    Renderer renderer = new Renderer();
    RenderOptions options = RenderOptions.defaults().withReleaseName("bench");
    for (int i = 0; i < WARMUP_ROUNDS; i++) {
      round(renderer, chart, options, rendersPerRound);
    }
    double[] cpu = new double[MEASURED_ROUNDS];
    double[] wall = new double[MEASURED_ROUNDS];
    for (int i = 0; i < MEASURED_ROUNDS; i++) {
      double[] r = round(renderer, chart, options, rendersPerRound);
      cpu[i] = r[0];
      wall[i] = r[1];
    }
    Arrays.sort(cpu);
    Arrays.sort(wall);
    double medianCpu = cpu[MEASURED_ROUNDS / 2];
    System.out.printf("%s: CPU %.3f ms/render (%.0f renders/s per core; rounds %.3f-%.3f ms), wall %.3f ms/render%n",
        label, medianCpu, 1000 / medianCpu, cpu[0], cpu[MEASURED_ROUNDS - 1], wall[MEASURED_ROUNDS / 2]);
  }

  /** {CPU ms per render, wall ms per render} for one round. */
  private static double[] round(Renderer renderer, Chart chart, RenderOptions options, int renders) {
    long cpu0 = javaThreadsCpu();
    long wall0 = System.nanoTime();
    for (int i = 0; i < renders; i++) {
      renderer.render(chart, options);
    }
    return new double[] {(javaThreadsCpu() - cpu0) / 1e6 / renders, (System.nanoTime() - wall0) / 1e6 / renders};
  }

  private static long javaThreadsCpu() {
    long total = 0;
    for (long id : THREADS.getAllThreadIds()) {
      total += Math.max(0, THREADS.getThreadCpuTime(id));
    }
    return total;
  }
}
