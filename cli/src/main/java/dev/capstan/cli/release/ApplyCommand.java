package dev.capstan.cli.release;

import dev.capstan.cli.chart.ChartArgument;
import dev.capstan.cli.render.LocalManifests;
import dev.capstan.cli.render.ManifestsFlags;
import dev.capstan.cli.render.ValuesFlags;
import dev.capstan.engine.diff.IgnoreRule;
import dev.capstan.engine.history.HistoryLimit;
import dev.capstan.engine.release.SyncOptions;
import dev.capstan.engine.release.SyncResult;
import dev.capstan.engine.resource.Change;
import dev.capstan.release.ReleaseRenderer;
import dev.capstan.release.Upgrade;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code capstan apply CHART --release NAME}: install or upgrade a release, recording a revision. */
@Command(name = "apply",
    description = "Install or upgrade a release with server-side apply, recording a revision in the release history.")
public final class ApplyCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help message and exit.")
  boolean help;

  @Mixin
  ChartArgument chart = new ChartArgument();

  @Mixin
  ManifestsFlags manifests = new ManifestsFlags();

  @Option(names = "--release", required = true, paramLabel = "NAME", description = "Release name.")
  String release;

  @Mixin
  ClusterFlags cluster = new ClusterFlags();

  @Mixin
  ValuesFlags values = new ValuesFlags();

  @Option(names = "--wait", description = "Wait until every object is healthy.")
  boolean waitHealthy;

  @Option(names = "--atomic", description = "On any failure put the previous revision back (implies --wait).")
  boolean atomic;

  @Option(names = "--timeout", paramLabel = "DURATION", converter = DurationConverter.class,
      description = "How long hooks and waits may take (default: 5m).")
  Duration timeout = Duration.ofMinutes(5);

  @Option(names = "--dry-run", description = "Send everything as a server-side dry run; change and record nothing.")
  boolean dryRun;

  @Option(names = "--force-conflicts", description = "Take fields other field managers own.")
  boolean forceConflicts;

  @Option(names = "--history-max", paramLabel = "N", description = "Revisions to keep, 0 for all (default: 10).")
  int historyMax = HistoryLimit.DEFAULT;

  @Option(names = "--ignore", paramLabel = "[GROUP/]KIND:/POINTER",
      description = "Leave a field out of the no-change check, e.g. apps/Deployment:/spec/replicas; repeatable.")
  List<String> ignore = new ArrayList<>();

  @Override
  public Integer call() {
    try {
      String namespace = cluster.namespace();
      SyncOptions options = SyncOptions.defaults().withAtomic(atomic).withWait(waitHealthy).withTimeout(timeout)
          .withDryRun(dryRun).withForceConflicts(forceConflicts).withHistoryLimit(historyMax)
          .withIgnoreRules(ignore.stream().map(IgnoreRule::parse).toList());
      PrintWriter out = spec.commandLine().getOut();
      Upgrade upgrade = new Upgrade(cluster.cluster(), cluster.store(), new ReleaseRenderer(), options,
          Terminal.progress(spec.commandLine().getErr()));
      Path local = chart.localize();
      SyncResult result = LocalManifests.isFolder(local)
          ? upgrade.run(LocalChart.manifests(local, namespace, release, manifests, values))
          : upgrade.run(chartInput(local, namespace));
      for (Change change : result.changes().changes()) {
        out.println(change.ref() + " " + change.action().name().toLowerCase(Locale.ROOT) + (dryRun ? " (dry run)" : ""));
      }
      out.println(dryRun
          ? "Release " + namespace + "/" + release + ": dry run, nothing changed or recorded"
          : "Release " + namespace + "/" + release + ": revision " + result.revision().number() + " "
              + result.revision().status().label());
      String notes = result.revision().notes();
      if (!dryRun && notes != null && !notes.isBlank()) {
        out.println();
        out.println("NOTES:");
        out.print(notes.endsWith("\n") ? notes : notes + "\n");
      }
      out.flush();
      return 0;
    } finally {
      cluster.close();
    }
  }

  private dev.capstan.release.ReleaseInput chartInput(Path local, String namespace) {
    manifests.refuseFor(chart.chart());
    return LocalChart.input(local, namespace, release, values.toOptions());
  }
}
