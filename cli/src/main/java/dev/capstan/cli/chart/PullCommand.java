package dev.capstan.cli.chart;

import dev.capstan.chartrepo.FetchedChart;
import dev.capstan.core.CapstanException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code capstan pull CHART}: downloads a chart from a registry or repository, as {@code helm pull}. */
@Command(name = "pull", description = "Download a chart from an OCI registry or a Helm repository, as `helm pull` does.")
public final class PullCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help message and exit.")
  boolean help;

  @Parameters(index = "0", paramLabel = "CHART", description = "oci://host/path/chart[:tag|@digest], or a chart name with --repo.")
  String chart;

  @Mixin ChartSourceFlags source = new ChartSourceFlags();

  @Option(names = {"-d", "--destination"}, paramLabel = "DIR", description = "Where to write NAME-VERSION.tgz (default: .).")
  Path destination = Path.of(".");

  @Override
  public Integer call() {
    if (!source.isRemote(chart)) {
      throw new CapstanException(chart, "pull needs oci://host/path/chart or a chart name with --repo URL");
    }
    FetchedChart fetched = source.fetch(chart);
    Path target = destination.resolve(fetched.fileName());
    try {
      Files.createDirectories(destination);
      Files.write(target, fetched.archive());
    } catch (IOException e) {
      throw new CapstanException(target.toString(), "cannot write: " + e.getMessage(), e);
    }
    PrintWriter out = spec.commandLine().getOut();
    out.println("Pulled: " + fetched.resolved().name() + " " + fetched.resolved().version() + " to " + target);
    fetched.resolved().digest().ifPresent(d -> out.println("Digest: " + d));
    out.flush();
    return 0;
  }
}
