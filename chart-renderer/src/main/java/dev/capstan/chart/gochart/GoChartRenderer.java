package dev.capstan.chart.gochart;

import static dev.capstan.chart.gotemplate.GoType.ANY;
import static dev.capstan.chart.gotemplate.GoType.STRING;

import dev.capstan.chart.Chart;
import dev.capstan.chart.TemplateLanguage;
import dev.capstan.chart.gotemplate.ExecOptions;
import dev.capstan.chart.gotemplate.GoFunc;
import dev.capstan.chart.gotemplate.GoFuncException;
import dev.capstan.chart.gotemplate.GoLimitException;
import dev.capstan.chart.gotemplate.GoQuote;
import dev.capstan.chart.gotemplate.GoTemplateAbort;
import dev.capstan.chart.gotemplate.GoTemplateException;
import dev.capstan.chart.gotemplate.GoTemplateParseException;
import dev.capstan.chart.gotemplate.GoTemplateSet;
import dev.capstan.chart.gotemplate.MissingKey;
import dev.capstan.chart.gotemplate.helmfuncs.HelmFunctions;
import dev.capstan.chart.template.LimitExceededException;
import dev.capstan.chart.template.RenderBudget;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Renders the Go charts of a chart tree as Helm's engine does ({@code engine.Render}): every
 * template of every Go chart (only the {@code _} partials of a library chart) is parsed into one
 * namespace named {@code gotpl}, in Helm's order (deepest paths first, then reverse alphabetical,
 * so a later {@code define} of a name wins as in Helm); then each template whose file name does not
 * start with {@code _} is executed with its chart's objects and {@code .Template}, in the same order,
 * and the first error stops the render. {@code <no value>} is deleted from every output.
 * Pebble charts of the tree are left to the Pebble engine; they only appear in {@code .Subcharts}.
 */
public final class GoChartRenderer {
  /** Helm's include nesting limit per template name (engine.recursionMaxNums). */
  private static final int INCLUDE_MAX = 1000;

  private static final String NAMESPACE = "gotpl";

  /** A chart of the tree with the values Helm gives it (its scope of the coalesced values). */
  public record Node(Chart chart, Map<String, Object> values, List<Node> dependencies) {}

  /**
   * The release and cluster of one render. {@code setValues} is what the {@code --set} flags alone
   * give (see {@link GoNumbers}); {@code kubeVersion} is v-prefixed.
   */
  public record Context(String releaseName, String namespace, int revision, boolean isUpgrade, String kubeVersion,
      long kubeMajor, long kubeMinor, List<String> apiVersions, Map<String, Object> setValues, boolean strict) {
    public Context {
      apiVersions = List.copyOf(apiVersions);
    }
  }

  /** One executed template: its path ({@code hc/templates/web.yaml}) and Helm's output. */
  public record Rendered(String path, String text) {}

  private record Renderable(String text, Map<String, Object> top, String basePath) {}

  /**
   * The functions templates may name, as the parser resolves them: Sprig and Helm's, lookup
   * (offline: an empty map), and include and tpl, whose real bodies are bound to each execution.
   */
  private static final Map<String, GoFunc> DECLARED = declaredFunctions();

  private final Context context;
  private final GoParseCache cache;
  private final RenderBudgetAdapter budget;
  private final Map<String, Integer> includes = new HashMap<>();
  private final Map<String, Renderable> templates = new HashMap<>();

  private GoChartRenderer(Context context, RenderBudget budget, GoParseCache cache) {
    this.context = context;
    this.cache = cache;
    this.budget = new RenderBudgetAdapter(budget);
  }

  /** Whether a tree holds any Go chart, so the renderer knows to call {@link #render}. */
  public static boolean hasGoChart(Chart chart) {
    if (chart.language() == TemplateLanguage.GO) {
      return true;
    }
    return chart.dependencies().stream().anyMatch(GoChartRenderer::hasGoChart);
  }

  /**
   * Renders every non-partial template of the Go charts under {@code top}, in Helm's order.
   *
   * @throws GoChartException worded as Helm, the first template error
   * @throws LimitExceededException when a RenderLimits limit stops the render
   */
  public static List<Rendered> render(Node top, Context context, RenderBudget budget, GoParseCache cache) {
    return new GoChartRenderer(context, budget, cache).run(top);
  }

  private List<Rendered> run(Node top) {
    Object capabilities = HelmObjects.capabilities(context.kubeVersion(), context.kubeMajor(), context.kubeMinor(),
        HelmApiVersions.with(context.apiVersions()));
    Map<String, Object> release = HelmObjects.release(context.releaseName(), context.namespace(), context.revision(),
        context.isUpgrade());
    collect(top, true, context.setValues(), release, capabilities);
    List<String> order = HelmOrder.sort(templates.keySet());
    GoTemplateSet set = cache.set(top.chart(), order, () -> parse(order));
    ExecOptions options = options(set);
    List<Rendered> out = new ArrayList<>();
    for (String name : order) {
      if (name.substring(name.lastIndexOf('/') + 1).startsWith("_")) {
        continue;
      }
      Renderable r = templates.get(name);
      Map<String, Object> data = new LinkedHashMap<>(r.top());
      Map<String, Object> template = new LinkedHashMap<>();
      template.put("Name", name);
      template.put("BasePath", r.basePath());
      data.put("Template", new HelmValues(template));
      budget.startTemplate(name);
      String text;
      try {
        text = set.executeToString(name, data, options);
      } catch (GoTemplateException e) {
        if (budget.refusal() != null) {
          throw new LimitExceededException(name, 0, e.getMessage());
        }
        throw HelmErrors.exec(name, e.getMessage());
      }
      out.add(new Rendered(name, text.replace("<no value>", "")));
    }
    return out;
  }

  private GoTemplateSet parse(List<String> order) {
    GoTemplateSet set = GoTemplateSet.create(NAMESPACE, DECLARED);
    for (String name : order) {
      try {
        set.parse(name, templates.get(name).text());
      } catch (GoTemplateParseException e) {
        throw HelmErrors.parse(name, e.getMessage());
      }
    }
    return set;
  }

  /**
   * Builds a chart's top-level objects (Helm's recAllTpls): its Values scope, its Chart and Files,
   * the shared Release and Capabilities, and Subcharts, each dependency's own objects.
   */
  private Map<String, Object> collect(Node node, boolean root, Object setShadow, Map<String, Object> release,
      Object capabilities) {
    Chart chart = node.chart();
    Map<String, Object> subcharts = new LinkedHashMap<>();
    Map<String, Object> top = new LinkedHashMap<>();
    top.put("Chart", HelmObjects.chart(chart.metadata(), root));
    top.put("Files", cache.files(chart));
    top.put("Release", release);
    top.put("Capabilities", capabilities);
    top.put("Values", new HelmValues(GoNumbers.convertMap(node.values(), setShadow)));
    top.put("Subcharts", subcharts);
    for (Node dep : node.dependencies()) {
      String scope = dep.chart().scopeName();
      subcharts.put(scope, collect(dep, false, GoNumbers.scoped(setShadow, scope), release, capabilities));
    }
    if (chart.language() == TemplateLanguage.GO) {
      boolean library = chart.metadata().isLibrary();
      chart.templates().forEach((path, text) -> {
        if (!library || path.substring(path.lastIndexOf('/') + 1).startsWith("_")) {
          templates.put(chart.path() + "/" + path, new Renderable(text, top, chart.path() + "/templates"));
        }
      });
    }
    return top;
  }

  private static Map<String, GoFunc> declaredFunctions() {
    Map<String, GoFunc> funcs = new HashMap<>(HelmFunctions.all());
    funcs.put("lookup", GoFunc.of("lookup", List.of(STRING, STRING, STRING, STRING), a -> new LinkedHashMap<>()));
    for (String name : List.of("include", "tpl")) {
      funcs.put(name, GoFunc.of(name, List.of(STRING, ANY), a -> {
        throw new IllegalStateException(name + " is bound to each execution");
      }));
    }
    return Map.copyOf(funcs);
  }

  private ExecOptions options(GoTemplateSet set) {
    return ExecOptions.defaults()
        .withMissingKey(context.strict() ? MissingKey.ERROR : MissingKey.ZERO)
        .withFuncs(bound(set))
        .withBudget(budget);
  }

  /** include and tpl closing over {@code set}: the chart's namespace, or the overlay a tpl parsed into. */
  private Map<String, GoFunc> bound(GoTemplateSet set) {
    Map<String, GoFunc> funcs = new HashMap<>();
    funcs.put("include", GoFunc.of("include", List.of(STRING, ANY), a -> include(set, (String) a.get(0), a.get(1))));
    funcs.put("tpl", GoFunc.of("tpl", List.of(STRING, ANY), a -> tpl(set, (String) a.get(0), a.get(1))));
    return funcs;
  }

  private String include(GoTemplateSet set, String name, Object data) {
    int depth = includes.merge(name, 1, Integer::sum);
    try {
      if (depth > INCLUDE_MAX + 1) {
        // Helm's per-name limit, reached only when RenderLimits.maxDepth is raised past it.
        throw GoTemplateAbort.of("include " + GoQuote.quote(name) + " recursed past " + INCLUDE_MAX
            + " levels (Helm's limit per template name)");
      }
      try {
        budget.enter();
      } catch (GoLimitException e) {
        throw GoTemplateAbort.of("include " + GoQuote.quote(name) + " stopped: " + e.getMessage());
      }
      try {
        return set.executeToString(name, data, options(set));
      } catch (GoTemplateException e) {
        // A limit stops the whole render: one short line, not "error calling include" per level.
        throw budget.refusal() != null ? GoTemplateAbort.of(e) : e;
      } finally {
        budget.exit();
      }
    } finally {
      includes.merge(name, -1, Integer::sum);
    }
  }

  private String tpl(GoTemplateSet parent, String text, Object data) {
    GoTemplateSet overlay = cache.tpl(parent, text, () -> {
      try {
        return parent.overlay().parse(NAMESPACE, text);
      } catch (GoTemplateParseException e) {
        throw new GoFuncException("cannot parse template " + GoQuote.quote(text) + ": " + e.getMessage());
      }
    });
    budget.enter();
    try {
      return overlay.executeToString(NAMESPACE, data, options(overlay)).replace("<no value>", "");
    } catch (GoTemplateException e) {
      if (budget.refusal() != null) {
        throw GoTemplateAbort.of(e);
      }
      throw new GoFuncException("error during tpl function execution for " + GoQuote.quote(text) + ": " + e.getMessage());
    } finally {
      budget.exit();
    }
  }
}
