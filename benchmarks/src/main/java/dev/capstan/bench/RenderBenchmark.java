package dev.capstan.bench;

import dev.capstan.chart.Chart;
import dev.capstan.chart.ChartLoader;
import dev.capstan.chart.create.ChartScaffold;
import dev.capstan.chart.render.RenderOptions;
import dev.capstan.chart.render.RenderResult;
import dev.capstan.chart.render.Renderer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Warm in-process renders per second: the {@code capstan create} scaffold (3 objects + NOTES) and
 * a generated 200-object chart, each loaded once and rendered again and again by one Renderer, as
 * the agent does on every sync.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 8, time = 5)
@Measurement(iterations = 5, time = 5)
@Fork(1)
public class RenderBenchmark {
  @Param({"scaffold", "objects200"})
  public String chart;

  private Chart loaded;
  private Renderer renderer;
  private RenderOptions options;

  @Setup
  public void setUp() throws IOException {
    Path dir = Files.createTempDirectory("capstan-bench");
    Path chartDir = switch (chart) {
      case "scaffold" -> {
        new ChartScaffold().create(dir, "demo");
        yield dir.resolve("demo");
      }
      case "objects200" -> ManyObjectsChart.write(dir.resolve("many"), 50, ManyObjectsChart.Flavor.CAPSTAN);
      default -> throw new IllegalArgumentException(chart);
    };
    loaded = ChartLoader.load(chartDir);
    renderer = new Renderer();
    options = RenderOptions.defaults().withReleaseName("bench");
    RenderResult first = renderer.render(loaded, options);
    int expected = chart.equals("scaffold") ? 3 : 200;
    if (first.manifests().size() != expected) {
      throw new IllegalStateException(chart + " rendered " + first.manifests().size() + " objects, not " + expected);
    }
  }

  @Benchmark
  public RenderResult render() {
    return renderer.render(loaded, options);
  }
}
