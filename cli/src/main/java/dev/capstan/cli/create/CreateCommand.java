package dev.capstan.cli.create;

import dev.capstan.chart.create.ChartScaffold;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code capstan create NAME}: scaffolds a chart, like {@code helm create}. */
@Command(
    name = "create",
    mixinStandardHelpOptions = true,
    description = {
      "Create a new chart that renders and lints clean, as `helm create` does.",
      "A Deployment with probes and a rolling update, a Service, a ServiceAccount, an Ingress and a "
          + "HorizontalPodAutoscaler (both off by default), helper macros, values.yaml, values.schema.json "
          + "and NOTES.txt. NAME may be a path: charts/web creates web in charts/."
    })
public final class CreateCommand implements Callable<Integer> {
  @Parameters(index = "0", paramLabel = "NAME", description = "Name of the chart, optionally with the folder to create it in.")
  Path name;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    Path parent = name.toAbsolutePath().getParent();
    String chartName = name.getFileName().toString();
    new ChartScaffold().create(parent, chartName);
    PrintWriter out = spec.commandLine().getOut();
    out.println("Created chart " + name + ". Render it with: capstan render " + name);
    out.flush();
    return 0;
  }
}
