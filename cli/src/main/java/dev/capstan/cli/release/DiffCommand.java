package dev.capstan.cli.release;

import dev.capstan.cli.chart.ChartArgument;
import dev.capstan.cli.render.LocalManifests;
import dev.capstan.cli.render.ManifestsFlags;
import dev.capstan.cli.render.ValuesFlags;
import dev.capstan.engine.diff.DiffOptions;
import dev.capstan.engine.diff.DiffPrinter;
import dev.capstan.engine.diff.DiffReport;
import dev.capstan.engine.diff.IgnoreRule;
import dev.capstan.release.Diff;
import dev.capstan.release.ReleaseRenderer;
import dev.capstan.release.RevisionDiff;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code capstan diff CHART --release NAME}: what {@code apply} would change, as {@code kubectl diff}
 * shows it, with the same exit codes: 0 in sync, 1 differences, 2 error. With {@code --revision REF}
 * the chart is taken as committed at REF in the Git work tree around CHART; with
 * {@code --from A --to B} two revisions' renders are compared and no cluster is contacted (a CI job's
 * preview of a pull request), with the same exit codes.
 */
@Command(name = "diff",
    description = "Show what applying a chart would change in the cluster (exit 0: in sync, 1: differences, 2: error).")
public final class DiffCommand implements Callable<Integer> {
  enum Format { text, json }

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

  @Option(names = {"-o", "--output"}, paramLabel = "FORMAT", description = "text (unified YAML diff) or json (summary).")
  Format format = Format.text;

  @Option(names = "--ignore", paramLabel = "[GROUP/]KIND:/POINTER",
      description = "Leave a field out of the comparison, e.g. apps/Deployment:/spec/replicas; repeatable.")
  List<String> ignore = new ArrayList<>();

  @Option(names = "--force-conflicts", description = "Compare as if apply took fields other managers own.")
  boolean forceConflicts;

  @Option(names = "--revision", paramLabel = "REF",
      description = "Diff the chart as committed at REF (branch, tag, SHA, HEAD~1) in the Git work tree around CHART.")
  String revision;

  @Option(names = "--from", paramLabel = "REF", description = "With --to: compare the renders of two revisions; no cluster.")
  String from;

  @Option(names = "--to", paramLabel = "REF", description = "With --from: the revision whose render is compared with --from's.")
  String to;

  @Override
  public Integer call() {
    spec.commandLine().setExitCodeExceptionMapper(e -> 2); // kubectl diff: errors are 2, differences 1
    checkRevisionFlags();
    List<IgnoreRule> rules = ignore.stream().map(IgnoreRule::parse).toList();
    if (from != null) {
      return betweenRevisions(rules);
    }
    try {
      DiffOptions options = DiffOptions.defaults().withIgnoreRules(rules).withForceConflicts(forceConflicts);
      Diff diff = new Diff(cluster.cluster(), cluster.store(), new ReleaseRenderer(), options);
      DiffReport report;
      if (revision == null) {
        Path local = chart.localize();
        if (LocalManifests.isFolder(local)) {
          report = diff.run(LocalChart.manifests(local, cluster.namespace(), release, manifests, values));
        } else {
          manifests.refuseFor(chart.chart());
          report = diff.run(LocalChart.input(local, cluster.namespace(), release, values.toOptions()));
        }
      } else {
        try (GitWorkTree tree = GitWorkTree.around(Path.of(chart.chart()), "--revision")) {
          refuseManifests("--revision");
          report = diff.run(tree.input(tree.commit(revision, "--revision"), cluster.namespace(), release, values.toOptions()));
        }
      }
      return print(report, "live", "desired");
    } finally {
      cluster.close();
    }
  }

  /** Both revisions rendered as a first install (revision 1), compared with the same rule as a cluster diff. */
  private int betweenRevisions(List<IgnoreRule> rules) {
    String namespace = cluster.namespaceFlag().orElse("default");
    ReleaseRenderer renderer = new ReleaseRenderer();
    try (GitWorkTree tree = GitWorkTree.around(Path.of(chart.chart()), "--from")) {
      refuseManifests("--from");
      var before = renderer.render(tree.input(tree.commit(from, "--from"), namespace, release, values.toOptions()), 1, false);
      var after = renderer.render(tree.input(tree.commit(to, "--to"), namespace, release, values.toOptions()), 1, false);
      return print(new RevisionDiff(rules).run(before, after), from, to);
    }
  }

  /** Revisions are read as charts from Git; a folder of plain manifests is diffed as it is on disk. */
  private void refuseManifests(String flag) {
    if (LocalManifests.isFolder(chart.chart())) {
      throw new ParameterException(spec.commandLine(), flag + " reads a chart from Git; " + chart.chart()
          + " holds plain manifests (no Chart.yaml): diff the folder as it is");
    }
  }

  private void checkRevisionFlags() {
    if ((from == null) != (to == null)) {
      throw new ParameterException(spec.commandLine(), from == null ? "--to needs --from" : "--from needs --to");
    }
    if (from != null && revision != null) {
      throw new ParameterException(spec.commandLine(), "--revision cannot be combined with --from/--to");
    }
    if (from != null && forceConflicts) {
      throw new ParameterException(spec.commandLine(), "--force-conflicts needs a cluster; --from/--to compare without one");
    }
    if ((from != null || revision != null) && chart.verify()) {
      throw new ParameterException(spec.commandLine(), "--verify applies to a chart archive or a --repo/oci:// chart, not to Git revisions");
    }
  }

  private int print(DiffReport report, String before, String after) {
    PrintWriter out = spec.commandLine().getOut();
    out.print(format == Format.json ? DiffPrinter.json(report) : DiffPrinter.unified(report, Terminal.interactive(), before, after));
    out.flush();
    return report.inSync() ? 0 : 1;
  }
}
