package dev.capstan.cli.lint;

import dev.capstan.chart.lint.LintFinding;
import dev.capstan.chart.lint.LintReport;
import dev.capstan.chart.lint.Linter;
import dev.capstan.chart.lint.Severity;
import dev.capstan.chart.render.RenderOptions;
import dev.capstan.cli.chart.ChartArgument;
import dev.capstan.cli.render.LocalManifests;
import dev.capstan.cli.render.ManifestsFlags;
import dev.capstan.cli.render.RenderTargetFlags;
import dev.capstan.cli.render.ValuesFlags;
import dev.capstan.core.CapstanException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code capstan lint CHART}: prints one {@code path:line: severity: message} line per finding and
 * a summary, and exits 1 when any finding is an error, like {@code helm lint}.
 */
@Command(name = "lint",

    description = {
      "Check a chart as `helm lint` does, and its objects against the Kubernetes schema.",
      "Renders with the chart's defaults and any values given, then prints one line per finding, "
          + "path:line: error|warning|info: message, and a summary. Exits 1 on any error (on warnings too "
          + "with --strict)."
    })
public final class LintCommand implements Callable<Integer> {
  @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help message and exit.")
  boolean help;

  @Mixin
  ChartArgument chart = new ChartArgument();

  @Mixin
  ManifestsFlags manifests = new ManifestsFlags();

  @Mixin
  ValuesFlags values = new ValuesFlags();

  @Mixin
  RenderTargetFlags target = new RenderTargetFlags();

  @Option(names = {"-q", "--quiet"}, description = "Print only warnings and errors.")
  boolean quiet;

  @Option(names = "--strict", description = "Fail (exit 1) on warnings too, as `helm lint --strict` does.")
  boolean strict;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    LintReport report;
    Path local = chart.localize();
    if (LocalManifests.isFolder(local)) {
      values.firstGiven().ifPresent(flag -> {
        throw new CapstanException(flag, chart.chart() + " holds plain manifests (no Chart.yaml), which take no values");
      });
      report = new Linter().lintManifests(local, manifests.selection(), target.namespace());
    } else {
      manifests.refuseFor(chart.chart());
      RenderOptions options = target.toOptions(values);
      report = new Linter().lint(local, options);
    }
    PrintWriter out = spec.commandLine().getOut();
    for (LintFinding finding : report.atLeast(quiet ? Severity.WARNING : Severity.INFO)) {
      out.println(finding);
    }
    boolean failed = report.hasErrors() || (strict && !report.atLeast(Severity.WARNING).isEmpty());
    out.println(summary(report, failed));
    out.flush();
    return failed ? 1 : 0;
  }

  private String summary(LintReport report, boolean failed) {
    long errors = report.findings().stream().filter(f -> f.severity() == Severity.ERROR).count();
    long warnings = report.findings().stream().filter(f -> f.severity() == Severity.WARNING).count();
    return chart.chart() + ": " + plural(errors, "error") + ", " + plural(warnings, "warning")
        + (failed ? " (lint failed)" : "");
  }

  private static String plural(long n, String word) {
    return n + " " + word + (n == 1 ? "" : "s");
  }
}
