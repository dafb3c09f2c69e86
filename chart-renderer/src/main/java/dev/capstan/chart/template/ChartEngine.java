package dev.capstan.chart.template;

import dev.capstan.chart.Chart;
import dev.capstan.core.CapstanException;
import io.pebbletemplates.pebble.PebbleEngine;
import io.pebbletemplates.pebble.node.MacroNode;
import io.pebbletemplates.pebble.node.RenderableNode;
import io.pebbletemplates.pebble.node.RootNode;
import io.pebbletemplates.pebble.template.EvaluationContext;
import io.pebbletemplates.pebble.template.PebbleTemplate;
import io.pebbletemplates.pebble.template.PebbleTemplateImpl;
import java.io.IOException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The sandboxed Pebble set-up for one chart: its templates, the helper macros of its own
 * {@code templates/_*} files and of its library-chart dependencies, and a compiled-template cache.
 * Thread-safe; build once per chart and render many times.
 *
 * <p>Helpers are compiled first (to learn the macro names), then the chart's engine is built with
 * one function per macro, so {@code {{ fullname() }}} works in every template without an import.
 */
public final class ChartEngine {
  private final Chart chart;
  private final PebbleEngine engine;
  private final Map<String, PebbleTemplate> compiled = new ConcurrentHashMap<>();

  private ChartEngine(Chart chart, PebbleEngine engine) {
    this.chart = chart;
    this.engine = engine;
  }

  /** Compiles the chart's helpers; other templates compile on first render. */
  public static ChartEngine compile(Chart chart, long maxOutputChars) {
    Map<String, String> sources = new LinkedHashMap<>();
    Map<String, String> ownHelpers = new LinkedHashMap<>();
    chart.templates().forEach((path, source) -> {
      sources.put(chart.path() + "/" + path, source);
      if (isHelper(path)) {
        ownHelpers.put(chart.path() + "/" + path, source);
      }
    });
    Map<String, String> libraryHelpers = new LinkedHashMap<>();
    collectLibraryHelpers(chart, libraryHelpers);
    sources.putAll(libraryHelpers);
    ChartSourceLoader loader = new ChartSourceLoader(sources);
    PebbleEngine definitions = builder(loader, Map.of(), maxOutputChars).build();
    Map<String, HelperMacro> helpers = new HashMap<>(macros(definitions, libraryHelpers));
    helpers.putAll(macros(definitions, ownHelpers));
    return new ChartEngine(chart, builder(loader, helpers, maxOutputChars).build());
  }

  /** Whether a file under templates/ only defines macros ({@code templates/_helpers.tpl}). */
  public static boolean isHelper(String templatePath) {
    return templatePath.substring(templatePath.lastIndexOf('/') + 1).startsWith("_");
  }

  private static void collectLibraryHelpers(Chart chart, Map<String, String> out) {
    for (Chart dep : chart.dependencies()) {
      if (dep.metadata().isLibrary()) {
        dep.templates().forEach((path, source) -> {
          if (isHelper(path)) {
            out.put(dep.path() + "/" + path, source);
          }
        });
        collectLibraryHelpers(dep, out);
      }
    }
  }

  private static PebbleEngine.Builder builder(ChartSourceLoader loader, Map<String, HelperMacro> helpers, long maxOutputChars) {
    return new PebbleEngine.Builder()
        .loader(loader)
        .extension(new CapstanExtension(helpers))
        .registerExtensionCustomizer(SandboxCustomizer::new)
        .methodAccessValidator(new SandboxMethodAccess())
        .allowOverrideCoreOperators(true)
        .autoEscaping(false)
        .newLineTrimming(false)
        .strictVariables(false)
        .cacheActive(false)
        .defaultLocale(Locale.ROOT)
        .maxRenderedSize((int) Math.min(Integer.MAX_VALUE, Math.max(1, maxOutputChars) * 4));
  }

  /** The macros defined at the top level of each file; a name defined twice is an error. */
  private static Map<String, HelperMacro> macros(PebbleEngine definitions, Map<String, String> files) {
    Map<String, HelperMacro> out = new HashMap<>();
    for (String file : files.keySet()) {
      PebbleTemplateImpl template = (PebbleTemplateImpl) compile(definitions, file);
      for (RenderableNode node : ((RootNode) template.getRootNode()).getBody().getChildren()) {
        if (node instanceof MacroNode macro) {
          String name = macro.getName();
          if (CapstanExtension.isBuiltIn(name)) {
            throw new TemplateException(file, 0, 0, "macro " + name + " has the name of a built-in function; rename it");
          }
          HelperMacro previous = out.put(name, new HelperMacro(name, macro.getMacro(), template));
          if (previous != null && !previous.file().equals(file)) {
            throw new TemplateException(file, 0, 0, "macro " + name + " is also defined in " + previous.file());
          }
        }
      }
    }
    return out;
  }

  /**
   * Macros belong in {@code templates/_*} files, where every template can call them with the
   * globals in scope; one defined elsewhere would see neither, nor count against the depth limit.
   */
  private static PebbleTemplate withoutMacros(PebbleTemplate template) {
    for (RenderableNode node : ((RootNode) ((PebbleTemplateImpl) template).getRootNode()).getBody().getChildren()) {
      if (node instanceof MacroNode macro) {
        throw new TemplateException(template.getName(), macro.getLineNumber(), 0, "macro " + macro.getName()
            + " must be defined in a templates/_*.tpl file, where every template can call it");
      }
    }
    return template;
  }

  private static PebbleTemplate compile(PebbleEngine engine, String name) {
    try {
      return engine.getTemplate(name);
    } catch (RuntimeException e) {
      throw PebbleErrors.convert(e, name);
    }
  }

  public Chart chart() {
    return chart;
  }

  /** Renders {@code templatePath} (relative to the chart, e.g. {@code templates/web.yaml}). */
  public String render(String templatePath, TemplateGlobals globals, RenderBudget budget) {
    String name = chart.path() + "/" + templatePath;
    budget.startTemplate(name);
    PebbleTemplate template = compiled.computeIfAbsent(name, n -> withoutMacros(compile(engine, n)));
    Map<String, Object> variables = new HashMap<>();
    variables.put("values", globals.values());
    variables.put("release", globals.release());
    variables.put("chart", globals.chart());
    variables.put("capabilities", globals.capabilities());
    variables.put("files", globals.files());
    variables.put("template", Map.of("name", name, "basePath", chart.path() + "/templates"));
    variables.put(RenderScope.KEY, new RenderScope(budget, this));
    CountingWriter out = new CountingWriter(budget, name);
    try {
      template.evaluate(out, variables);
    } catch (IOException | RuntimeException e) {
      if (PebbleErrors.isPebbleSizeLimit(e)) {
        throw new LimitExceededException(name, 0, "rendered output exceeds " + budget.maxOutputChars()
            + " characters (RenderLimits.maxOutputChars)");
      }
      throw PebbleErrors.convert(e, name);
    } catch (StackOverflowError e) {
      throw new LimitExceededException(name, 0, "template nesting overflowed the stack (RenderLimits.maxDepth)");
    }
    return out.toString();
  }

  /** {@code tpl(text)}: renders {@code text} with the caller's globals; errors name the caller. */
  String renderText(String text, EvaluationContext context, String callerPath, int callerLine) {
    Map<String, Object> variables = new HashMap<>();
    for (String global : RenderScope.GLOBALS) {
      variables.put(global, context.getVariable(global));
    }
    RenderBudget budget = RenderScope.of(context).budget();
    CountingWriter out = new CountingWriter(budget, callerPath);
    try {
      engine.getLiteralTemplate(text).evaluate(out, variables);
    } catch (LimitExceededException e) {
      // A limit met inside the text is named after the text; each tpl level hands it to its caller,
      // so the error leaves the outermost tpl naming the chart file and line that called it.
      throw e.path().equals(text) ? new LimitExceededException(callerPath, callerLine, e.reason()) : e;
    } catch (IOException | RuntimeException e) {
      CapstanException inner = PebbleErrors.convert(e, callerPath);
      String reason = inner instanceof TemplateException t ? t.reason() : inner.getMessage();
      throw new TemplateException(callerPath, callerLine, 0, "tpl: " + reason, e);
    }
    return out.toString();
  }
}
