package dev.capstan.chart.render;

import dev.capstan.chart.Chart;
import dev.capstan.chart.gochart.GoParseCache;
import dev.capstan.chart.source.ChartException;
import dev.capstan.chart.template.ChartEngine;
import dev.capstan.chart.template.FilesApi;
import dev.capstan.chart.template.LimitExceededException;
import dev.capstan.chart.template.RenderBudget;
import dev.capstan.chart.template.SortedValues;
import dev.capstan.chart.template.TemplateGlobals;
import dev.capstan.chart.values.UserValues;
import dev.capstan.chart.values.ValuesException;
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
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Renders a chart: values (Helm's layering), enabled dependencies, schema checks, every template
 * of every enabled application chart in the sandbox, then the documents parsed, checked and put in
 * {@link dev.capstan.core.kinds.KindOrder}. All or nothing: any error stops the render and nothing is returned (lint's
 * {@link #renderEach} is the one exception: it carries on past a failing template).
 *
 * <p>Reusable and thread-safe. Compiled templates are cached per chart instance. Each render runs
 * on a worker thread with a large stack and is abandoned (and told to stop at its next check) when
 * {@link RenderLimits#timeout()} passes.
 */
public final class Renderer {
  private static final long WORKER_STACK_BYTES = 64L << 20;
  /**
   * Renders run on at most this many threads; more wait their turn. A render past its time is told
   * to stop at its next budget check, so a hostile chart costs at most these threads for a moment,
   * never an ever-growing pool of abandoned ones.
   */
  static final int MAX_WORKERS = Math.max(4, 2 * Runtime.getRuntime().availableProcessors());
  private static final ExecutorService WORKERS = workers();

  private static ExecutorService workers() {
    ThreadPoolExecutor pool = new ThreadPoolExecutor(MAX_WORKERS, MAX_WORKERS, 30, TimeUnit.SECONDS,
        new LinkedBlockingQueue<>(), task -> {
          Thread t = new Thread(null, task, "capstan-render", WORKER_STACK_BYTES);
          t.setDaemon(true);
          return t;
        });
    pool.allowCoreThreadTimeOut(true);
    return pool;
  }

  private final EngineCache engines = new EngineCache(256);
  private final GoParseCache goTemplates = new GoParseCache(64);

  public RenderResult render(Chart chart, RenderOptions options) {
    return render(chart, options, UserValues.load(options.values()));
  }

  /**
   * Renders with user values already loaded (for values that come from Git rather than from flags:
   * see {@link UserValues#load(List, ValuesOptions)}); {@code options.values()} is not read.
   */
  public RenderResult render(Chart chart, RenderOptions options, Map<String, Object> userValues) {
    return onWorker(chart, options.limits(), budget -> {
      Pass pass = renderAll(chart, options, userValues, budget, Renderer::rethrow);
      Duplicates.check(pass.rendered(), options.namespace());
      // Like Helm, --show-only shows the named templates and nothing else, NOTES included.
      List<RenderedManifest> stream = HelmStream.arrange(pass.tree(), ordered(pass.rendered()), options, GoTree.applies(chart));
      return new RenderResult(chart.metadata(), pass.tree().values(),
          ShowOnly.filter(chart, stream, options.showOnly()),
          options.showOnly().isEmpty() ? pass.notes() : "");
    });
  }

  /**
   * For lint: renders as {@link #render} does, but a template that fails (and a chart whose helper
   * files do not compile) becomes one error in the result while the other templates go on.
   * Values, schema and {@code kubeVersion} errors, and a {@link RenderLimits} limit (they are the
   * whole render's), still throw. {@code --show-only} is not applied.
   */
  public PartialRender renderEach(Chart chart, RenderOptions options) {
    return renderEach(chart, options, UserValues.load(options.values()));
  }

  /** As {@link #renderEach(Chart, RenderOptions)}, with user values already loaded (from Git); {@code options.values()} is not read. */
  public PartialRender renderEach(Chart chart, RenderOptions options, Map<String, Object> userValues) {
    return onWorker(chart, options.limits(), budget -> {
      List<CapstanException> errors = new ArrayList<>();
      Pass pass = renderAll(chart, options, userValues, budget, errors::add);
      try {
        Duplicates.check(pass.rendered(), options.namespace());
      } catch (ManifestException e) {
        errors.add(e);
      }
      return new PartialRender(ordered(pass.rendered()), errors);
    });
  }

  private static void rethrow(CapstanException e) {
    throw e;
  }

  private static List<RenderedManifest> ordered(List<ManifestParser.Located> rendered) {
    List<RenderedManifest> ordered = new ArrayList<>(rendered.stream().map(ManifestParser.Located::manifest).toList());
    ordered.sort(RenderedManifest.ORDER);
    return ordered;
  }

  /** Runs {@code work} on a worker thread, abandoning it when the render's time is up. */
  private <T> T onWorker(Chart chart, RenderLimits limits, Function<RenderBudget, T> work) {
    RenderBudget budget = new RenderBudget(limits.maxOutputChars(), limits.maxDepth(), limits.timeout());
    Future<T> job = WORKERS.submit(() -> work.apply(budget));
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

  /** One render's settings, shared by every chart of the tree. */
  private record Walk(RenderOptions options, SemVer kube, Map<String, Object> capabilities, RenderBudget budget,
      Consumer<CapstanException> onTemplateError) {}

  /** The values tree, every rendered document (in template order) and the top chart's NOTES. */
  private record Pass(ChartValues tree, List<ManifestParser.Located> rendered, String notes) {}

  private Pass renderAll(Chart chart, RenderOptions options, Map<String, Object> userValues, RenderBudget budget,
      Consumer<CapstanException> onTemplateError) {
    if (chart.metadata().isLibrary()) {
      throw new ChartException(chart.path() + "/Chart.yaml", "a library chart renders nothing on its own; use it as a dependency");
    }
    SemVer kube = Capabilities.kubeVersion(options.kubeVersion());
    Walk walk = new Walk(options, kube, Capabilities.asTemplateMap(kube, options.apiVersions()), budget, onTemplateError);
    ChartValues tree = ChartValues.resolve(chart, userValues);
    List<ManifestParser.Located> rendered = new ArrayList<>();
    GoTree go = GoTree.none();
    if (GoTree.applies(chart)) {
      // Helm checks every chart's kubeVersion and values first, then renders all Go templates in one pass.
      checkTree(tree, kube);
      try {
        go = GoTree.render(tree, options, kube, budget, goTemplates);
      } catch (LimitExceededException e) {
        throw e;
      } catch (CapstanException e) {
        onTemplateError.accept(e);
      }
    }
    String notes = renderTree(walk, tree, rendered, true, go);
    return new Pass(tree, rendered, notes);
  }

  /**
   * Helm's checks of a tree before it renders: every chart's kubeVersion, then every schema, all
   * violations in one error worded as Helm's (a Pebble chart of the tree keeps Capstan's wording).
   */
  private static void checkTree(ChartValues top, SemVer kube) {
    checkKubeVersions(top, kube);
    StringBuilder violations = new StringBuilder();
    checkSchemas(top, violations);
    if (!violations.isEmpty()) {
      throw new ValuesException("", "values don't meet the specifications of the schema(s) in the following chart(s):\n"
          + violations.toString().stripTrailing());
    }
  }

  private static void checkKubeVersions(ChartValues node, SemVer kube) {
    if (GoTree.isGo(node.chart())) {
      checkKubeVersionAsHelm(node.chart(), kube);
    } else {
      checkKubeVersion(node.chart(), kube);
    }
    node.dependencies().forEach(dep -> checkKubeVersions(dep, kube));
  }

  private static void checkSchemas(ChartValues node, StringBuilder violations) {
    Chart chart = node.chart();
    chart.schema().ifPresent(schema -> {
      if (!GoTree.isGo(chart)) {
        ValuesSchema.validate(chart.path(), schema, node.values());
        return;
      }
      List<String> lines = ValuesSchema.helmViolations(chart.path(), schema, node.values());
      if (!lines.isEmpty()) {
        violations.append(chart.name()).append(":\n");
        lines.forEach(line -> violations.append(line).append('\n'));
      }
    });
    node.dependencies().forEach(dep -> checkSchemas(dep, violations));
  }

  /** Renders one chart and its enabled dependencies; returns the top chart's NOTES. */
  private String renderTree(Walk walk, ChartValues node, List<ManifestParser.Located> out, boolean top, GoTree go) {
    Chart chart = node.chart();
    String notes;
    if (GoTree.isGo(chart)) {
      notes = goTemplates(chart, go, out, top);
    } else {
      checkKubeVersion(chart, walk.kube());
      chart.schema().ifPresent(schema -> ValuesSchema.validate(chart.path(), schema, node.values()));
      notes = chart.metadata().isLibrary() ? "" : renderTemplates(walk, node, out, top);
    }
    for (ChartValues dep : node.dependencies()) {
      renderTree(walk, dep, out, false, go);
    }
    return notes;
  }

  /**
   * A Go chart's outputs, rendered beforehand for the whole tree: Helm takes every executed
   * template but NOTES.txt as manifests, whatever its extension.
   */
  private static String goTemplates(Chart chart, GoTree go, List<ManifestParser.Located> out, boolean top) {
    String notes = "";
    for (String path : chart.templates().keySet()) {
      String source = chart.path() + "/" + path;
      String text = go.output(source);
      if (text == null) {
        continue;
      }
      if (path.equals("templates/NOTES.txt")) {
        notes = top ? text.strip() : notes;
      } else {
        out.addAll(ManifestParser.parse(source, text));
      }
    }
    return notes;
  }

  /**
   * Renders one chart's templates in path order. A failure goes to {@link Walk#onTemplateError()},
   * which either rethrows (render) or keeps it and moves on to the next template (lint); a limit
   * always stops the render, since every later template would hit it too.
   */
  private String renderTemplates(Walk walk, ChartValues node, List<ManifestParser.Located> out, boolean top) {
    Chart chart = node.chart();
    ChartEngine engine;
    try {
      engine = engines.get(chart, walk.options().limits().maxOutputChars());
    } catch (LimitExceededException e) {
      throw e;
    } catch (CapstanException e) {
      walk.onTemplateError().accept(e); // a broken helper file: once for the chart, not once per template
      return "";
    }
    TemplateGlobals globals = new TemplateGlobals(SortedValues.sortMap(node.values()), release(walk.options()),
        chart.metadata().asTemplateMap(), walk.capabilities(), new FilesApi(chart.files()));
    String notes = "";
    for (String path : chart.templates().keySet()) {
      try {
        if (top && path.equals("templates/NOTES.txt")) {
          notes = engine.render(path, globals, walk.budget()).strip();
        } else if (isManifest(path)) {
          out.addAll(ManifestParser.parse(chart.path() + "/" + path, engine.render(path, globals, walk.budget())));
        }
      } catch (LimitExceededException e) {
        throw e;
      } catch (CapstanException e) {
        walk.onTemplateError().accept(e);
      }
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

  /** A Go chart's kubeVersion error, worded as Helm's (what users of Helm charts search for). */
  private static void checkKubeVersionAsHelm(Chart chart, SemVer kube) {
    String constraint = chart.metadata().kubeVersion();
    if (constraint != null && !SemVerRange.parse(constraint, RangeDialect.HELM).matches(kube)) {
      throw new ChartException(chart.path() + "/Chart.yaml", "chart requires kubeVersion: " + constraint
          + " which is incompatible with Kubernetes v" + kube);
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
