package dev.capstan.chart.render;

import dev.capstan.chart.Chart;
import dev.capstan.chart.ChartException;
import dev.capstan.chart.template.ChartEngine;
import dev.capstan.chart.template.FilesApi;
import dev.capstan.chart.template.LimitExceededException;
import dev.capstan.chart.template.RenderBudget;
import dev.capstan.chart.template.SortedValues;
import dev.capstan.chart.template.TemplateGlobals;
import dev.capstan.chart.values.UserValues;
import dev.capstan.chart.values.ValuesOptions;
import dev.capstan.chart.values.ValuesSchema;
import dev.capstan.core.CapstanException;
import dev.capstan.core.semver.RangeDialect;
import dev.capstan.core.semver.SemVer;
import dev.capstan.core.semver.SemVerRange;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Renders a chart: values (Helm's layering), enabled dependencies, schema checks, every template
 * of every enabled application chart in the sandbox, then the documents parsed, checked and put in
 * {@link KindOrder}. All or nothing: any error stops the render and nothing is returned.
 *
 * <p>Reusable and thread-safe. Compiled templates are cached per chart instance. Each render runs
 * on a worker thread with a large stack and is abandoned (and told to stop at its next check) when
 * {@link RenderLimits#timeout()} passes.
 */
public final class Renderer {
  private static final long WORKER_STACK_BYTES = 64L << 20;
  private static final ExecutorService WORKERS = Executors.newCachedThreadPool(task -> {
    Thread t = new Thread(null, task, "capstan-render", WORKER_STACK_BYTES);
    t.setDaemon(true);
    return t;
  });

  private final EngineCache engines = new EngineCache(256);

  public RenderResult render(Chart chart, RenderOptions options) {
    return render(chart, options, UserValues.load(options.values()));
  }

  /**
   * Renders with user values already loaded (for values that come from Git rather than from flags:
   * see {@link UserValues#load(List, ValuesOptions)}); {@code options.values()} is not read.
   */
  public RenderResult render(Chart chart, RenderOptions options, Map<String, Object> userValues) {
    RenderLimits limits = options.limits();
    RenderBudget budget = new RenderBudget(limits.maxOutputBytes(), limits.maxDepth(), limits.timeout());
    Future<RenderResult> job = WORKERS.submit(() -> renderNow(chart, options, userValues, budget));
    try {
      return job.get(limits.timeout().toMillis() + 250, TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      budget.cancel();
      job.cancel(true);
      throw new LimitExceededException(budget.currentTemplate().isEmpty() ? chart.path() : budget.currentTemplate(), 0,
          "rendering took longer than " + limits.timeout().toMillis() + "ms (RenderLimits.timeout)");
    } catch (InterruptedException e) {
      budget.cancel();
      job.cancel(true);
      Thread.currentThread().interrupt();
      throw new CapstanException(chart.path(), "render interrupted", e);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof RuntimeException re) {
        throw re;
      }
      if (cause instanceof StackOverflowError) {
        throw new LimitExceededException(budget.currentTemplate(), 0, "template nesting overflowed the stack");
      }
      throw new CapstanException(chart.path(), "render failed: " + cause, cause);
    }
  }

  private RenderResult renderNow(Chart chart, RenderOptions options, Map<String, Object> userValues, RenderBudget budget) {
    if (chart.metadata().isLibrary()) {
      throw new ChartException(chart.path() + "/Chart.yaml", "a library chart renders nothing on its own; use it as a dependency");
    }
    SemVer kube = Capabilities.kubeVersion(options.kubeVersion());
    Map<String, Object> capabilities = Capabilities.asTemplateMap(kube, options.apiVersions());
    ChartValues tree = ChartValues.resolve(chart, userValues);
    List<ManifestParser.Located> rendered = new ArrayList<>();
    String notes = renderTree(tree, options, kube, capabilities, budget, rendered, true);
    Duplicates.check(rendered, options.namespace());
    List<RenderedManifest> ordered = new ArrayList<>(rendered.stream().map(ManifestParser.Located::manifest).toList());
    ordered.sort(KindOrder.COMPARATOR);
    // Like Helm, --show-only shows the named templates and nothing else, NOTES included.
    return new RenderResult(chart.metadata(), tree.values(), ShowOnly.filter(chart, ordered, options.showOnly()),
        options.showOnly().isEmpty() ? notes : "");
  }

  /** Renders one chart and its enabled dependencies; returns the top chart's NOTES. */
  private String renderTree(ChartValues node, RenderOptions options, SemVer kube, Map<String, Object> capabilities,
      RenderBudget budget, List<ManifestParser.Located> out, boolean top) {
    Chart chart = node.chart();
    checkKubeVersion(chart, kube);
    chart.schema().ifPresent(schema -> ValuesSchema.validate(chart.path(), schema, node.values()));
    String notes = "";
    if (!chart.metadata().isLibrary()) {
      ChartEngine engine = engines.get(chart, options.limits().maxOutputBytes());
      TemplateGlobals globals = new TemplateGlobals(SortedValues.sortMap(node.values()), release(options),
          chart.metadata().asTemplateMap(), capabilities, new FilesApi(chart.files()));
      for (String path : chart.templates().keySet()) {
        if (top && path.equals("templates/NOTES.txt")) {
          notes = engine.render(path, globals, budget).strip();
        } else if (isManifest(path)) {
          out.addAll(ManifestParser.parse(chart.path() + "/" + path, engine.render(path, globals, budget)));
        }
      }
    }
    for (ChartValues dep : node.dependencies()) {
      renderTree(dep, options, kube, capabilities, budget, out, false);
    }
    return notes;
  }

  private static boolean isManifest(String path) {
    return !ChartEngine.isHelper(path) && (path.endsWith(".yaml") || path.endsWith(".yml") || path.endsWith(".json"));
  }

  private static void checkKubeVersion(Chart chart, SemVer kube) {
    String constraint = chart.metadata().kubeVersion();
    if (constraint != null && !SemVerRange.parse(constraint, RangeDialect.HELM).matches(kube)) {
      throw new ChartException(chart.path() + "/Chart.yaml", "chart requires kubeVersion " + constraint
          + ", which Kubernetes v" + kube + " does not satisfy (set --kube-version)");
    }
  }

  private static Map<String, Object> release(RenderOptions options) {
    Map<String, Object> release = new LinkedHashMap<>();
    release.put("name", options.releaseName());
    release.put("namespace", options.namespace());
    release.put("revision", options.revision());
    release.put("isInstall", !options.isUpgrade());
    release.put("isUpgrade", options.isUpgrade());
    release.put("service", "Capstan");
    return release;
  }
}
