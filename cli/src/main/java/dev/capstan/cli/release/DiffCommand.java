package dev.capstan.cli.release;

import dev.capstan.cli.chart.ChartSourceFlags;
import dev.capstan.cli.render.ValuesFlags;
import dev.capstan.engine.diff.DiffOptions;
import dev.capstan.engine.diff.DiffPrinter;
import dev.capstan.engine.diff.DiffReport;
import dev.capstan.engine.diff.IgnoreRule;
import dev.capstan.release.Diff;
import dev.capstan.release.ReleaseRenderer;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code capstan diff CHART --release NAME}: what {@code apply} would change, as {@code kubectl diff}
 * shows it, with the same exit codes: 0 in sync, 1 differences, 2 error.
 */
@Command(name = "diff",
    description = "Show what applying a chart would change in the cluster (exit 0: in sync, 1: differences, 2: error).")
public final class DiffCommand implements Callable<Integer> {
  enum Format { text, json }

  @Spec
  CommandSpec spec;

  @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help message and exit.")
  boolean help;

  @Parameters(index = "0", paramLabel = "CHART",
      description = "A chart folder or .tgz, oci://host/path/chart, or a chart name with --repo.")
  String chart;

  @Mixin
  ChartSourceFlags source = new ChartSourceFlags();

  @Option(names = "--release", required = true, paramLabel = "NAME", description = "Release name.")
  String release;

  @Mixin
  ClusterFlags cluster = new ClusterFlags();

  @Mixin
  ValuesFlags values = new ValuesFlags();

  @Option(names = {"-o", "--output"}, paramLabel = "FORMAT", description = "text (unified YAML diff) or json (summary).")
  Format format = Format.text;

  @Option(names = "--ignore", paramLabel = "[GROUP/]KIND:/POINTER",
      description = "Leave a field out of the comparison, e.g. apps/Deployment:/spec/replicas; repeatable.")
  List<String> ignore = new ArrayList<>();

  @Option(names = "--force-conflicts", description = "Compare as if apply took fields other managers own.")
  boolean forceConflicts;

  @Override
  public Integer call() {
    spec.commandLine().setExitCodeExceptionMapper(e -> 2); // kubectl diff: errors are 2, differences 1
    try {
      List<IgnoreRule> rules = ignore.stream().map(IgnoreRule::parse).toList();
      DiffOptions options = DiffOptions.defaults().withIgnoreRules(rules).withForceConflicts(forceConflicts);
      Diff diff = new Diff(cluster.cluster(), cluster.store(), new ReleaseRenderer(), options);
      DiffReport report = diff.run(LocalChart.input(source.localize(chart), cluster.namespace(), release, values.toOptions()));
      PrintWriter out = spec.commandLine().getOut();
      out.print(format == Format.json ? DiffPrinter.json(report) : DiffPrinter.unified(report, Terminal.interactive()));
      out.flush();
      return report.inSync() ? 0 : 1;
    } finally {
      cluster.close();
    }
  }
}
