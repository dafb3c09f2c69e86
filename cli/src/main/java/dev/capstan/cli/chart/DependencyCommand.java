package dev.capstan.cli.chart;

import dev.capstan.chartrepo.ChartFetcher;
import dev.capstan.chartrepo.cache.ChartCache;
import dev.capstan.chartrepo.dependency.DependencyManager;
import dev.capstan.chartrepo.http.HttpTransport;
import dev.capstan.chartrepo.index.HelmRepositoryClient;
import dev.capstan.chartrepo.oci.OciRegistryClient;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code capstan dependency update|build CHART}: {@code charts/} and {@code Chart.lock}, as Helm's commands. */
@Command(name = "dependency", aliases = "dep", mixinStandardHelpOptions = true,
    description = "Manage a chart's dependencies: update (resolve and lock) or build (from Chart.lock).",
    subcommands = {DependencyCommand.Update.class, DependencyCommand.Build.class})
public final class DependencyCommand {
  /** Shared by both verbs: the chart folder and the registry flags (credentials for every repository). */
  abstract static class Verb implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Parameters(index = "0", paramLabel = "CHART", defaultValue = ".", description = "The chart folder (default: .).")
    Path chart;

    @Mixin RegistryFlags registry = new RegistryFlags();

    abstract DependencyManager.Result run(DependencyManager manager);

    @Override
    public Integer call() {
      HttpTransport transport = HttpTransport.create(registry.transportOptions());
      ChartFetcher fetcher = new ChartFetcher(
          HelmRepositoryClient.persistent(transport, ChartCache.userCacheDir().resolve("index")),
          new OciRegistryClient(transport), ChartCache.userDefault(), Duration.ZERO);
      DependencyManager.Result result = run(new DependencyManager(fetcher, registry::credentialsFor, Clock.systemUTC()));
      PrintWriter out = spec.commandLine().getOut();
      for (DependencyManager.Saved s : result.saved()) {
        out.println("Saved " + chart.relativize(s.archive()) + " (" + s.name() + " " + s.version() + " from " + s.repository() + ")");
      }
      for (Path removed : result.removed()) {
        out.println("Removed " + chart.relativize(removed));
      }
      out.println(result.lockWritten() ? "Wrote Chart.lock" : "Chart.lock unchanged");
      out.flush();
      return 0;
    }
  }

  @Command(name = "update", aliases = "up", mixinStandardHelpOptions = true,
      description = "Resolve Chart.yaml's dependencies, write charts/*.tgz and Chart.lock, as `helm dependency update`.")
  static final class Update extends Verb {
    @Override
    DependencyManager.Result run(DependencyManager manager) {
      return manager.update(chart);
    }
  }

  @Command(name = "build", mixinStandardHelpOptions = true,
      description = "Rebuild charts/ from Chart.lock (update when there is none), as `helm dependency build`.")
  static final class Build extends Verb {
    @Override
    DependencyManager.Result run(DependencyManager manager) {
      return manager.build(chart);
    }
  }
}
