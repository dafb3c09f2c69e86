package dev.capstan.cli.chart;

import dev.capstan.chart.ChartPackager;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code capstan package CHART}: writes NAME-VERSION.tgz, an archive Helm reads, as {@code helm package} does. */
@Command(name = "package", mixinStandardHelpOptions = true,
    description = "Package a chart folder into NAME-VERSION.tgz, as `helm package` does (Pebble charts too).")
public final class PackageCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "CHART", description = "The chart folder.")
  Path chart;

  @Option(names = {"-d", "--destination"}, paramLabel = "DIR", description = "Where to write the archive (default: .).")
  Path destination = Path.of(".");

  @Override
  public Integer call() {
    Path written = ChartPackager.pack(chart, destination);
    PrintWriter out = spec.commandLine().getOut();
    out.println("Successfully packaged chart and saved it to: " + written);
    out.flush();
    return 0;
  }
}
