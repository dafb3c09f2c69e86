package dev.capstan.cli.render;

import dev.capstan.chart.Chart;
import dev.capstan.chart.ChartLoader;
import dev.capstan.chart.render.ManifestPrinter;
import dev.capstan.chart.render.RenderOptions;
import dev.capstan.chart.render.RenderResult;
import dev.capstan.chart.render.RenderedManifest;
import dev.capstan.chart.render.Renderer;
import dev.capstan.cli.chart.ChartArgument;
import dev.capstan.core.CapstanException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code capstan render CHART}: prints the chart's manifests as a multi-document YAML stream, like
 * {@code helm template}. Renders everything first, so an error prints nothing but the error.
 */
@Command(name = "render",
    description = "Render a chart to Kubernetes manifests, as `helm template` does.")
public final class RenderCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

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

  @Option(names = {"-s", "--show-only"}, paramLabel = "PATH",
      description = "Only print the documents of this template, e.g. templates/deployment.yaml.")
  List<String> showOnly = new ArrayList<>();

  @Option(names = "--include-crds", description = "Print the files under crds/ of the chart and its subcharts first, as Helm does.")
  boolean includeCrds;

  @Option(names = "--skip-tests", description = "Leave out test hooks (helm.sh/hook: test).")
  boolean skipTests;

  @Option(names = "--output-dir", paramLabel = "DIR", description = "Write each template's documents to DIR/<chart>/templates/<file>.")
  Path outputDir;

  @Override
  public Integer call() {
    RenderResult result;
    Path local = chart.localize();
    if (LocalManifests.isFolder(local)) {
      result = manifests(local);
    } else {
      manifests.refuseFor(chart.chart());
      Chart loaded = ChartLoader.load(local);
      RenderOptions options = target.toOptions(values).withShowOnly(showOnly).withIncludeCrds(includeCrds)
          .withSkipTests(skipTests);
      result = new Renderer().render(loaded, options);
    }
    PrintWriter out = spec.commandLine().getOut();
    if (outputDir == null) {
      out.print(ManifestPrinter.print(result));
    } else {
      List<Path> written;
      try {
        written = ManifestPrinter.writeTo(outputDir, result);
      } catch (UncheckedIOException e) {
        throw new CapstanException("--output-dir " + outputDir, e.getCause().getMessage(), e);
      }
      written.forEach(file -> out.println("wrote " + file));
    }
    out.flush();
    return 0;
  }

  /** The folder's objects as read; {@code --show-only} names files relative to the folder. */
  private RenderResult manifests(Path dir) {
    List<RenderedManifest> read = LocalManifests.read(dir, manifests, values, target.namespace);
    String prefix = LocalManifests.name(dir) + "/";
    for (String only : showOnly) {
      if (read.stream().noneMatch(m -> m.source().equals(prefix + only))) {
        throw new CapstanException("--show-only " + only, "no object comes from that file of " + dir);
      }
    }
    List<RenderedManifest> shown = showOnly.isEmpty() ? read
        : read.stream().filter(m -> showOnly.contains(m.source().substring(prefix.length()))).toList();
    return new RenderResult(null, java.util.Map.of(), shown, "");
  }
}
