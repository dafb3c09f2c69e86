package dev.capstan.chart.template;

import io.pebbletemplates.pebble.attributes.AttributeResolver;
import io.pebbletemplates.pebble.extension.Extension;
import io.pebbletemplates.pebble.extension.ExtensionCustomizer;
import io.pebbletemplates.pebble.extension.Filter;
import io.pebbletemplates.pebble.extension.Function;
import io.pebbletemplates.pebble.template.EvaluationContext;
import io.pebbletemplates.pebble.template.PebbleTemplate;
import io.pebbletemplates.pebble.tokenParser.TokenParser;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.IllegalFormatException;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Applied to every Pebble extension, Pebble's own included: every filter and function checks the
 * render's clock before it runs and the size of what it returns, and the tags that reach other
 * templates or threads ({@code include}, {@code import}, {@code from}, {@code extends},
 * {@code embed}, {@code parallel}, {@code cache}) are removed; helper macros replace them.
 */
final class SandboxCustomizer extends ExtensionCustomizer {
  static final Set<String> REMOVED_TAGS = Set.of("include", "import", "from", "extends", "embed", "parallel", "cache");

  SandboxCustomizer(Extension extension) {
    super(extension);
  }

  @Override
  public List<TokenParser> getTokenParsers() {
    List<TokenParser> parsers = super.getTokenParsers();
    return parsers == null ? null : parsers.stream().filter(p -> !REMOVED_TAGS.contains(p.getTag())).toList();
  }

  /** Our resolver goes first, wherever Pebble's default (reflective) resolver is registered. */
  @Override
  public List<AttributeResolver> getAttributeResolver() {
    List<AttributeResolver> resolvers = super.getAttributeResolver();
    if (resolvers == null || resolvers.isEmpty()) {
      return resolvers;
    }
    List<AttributeResolver> out = new ArrayList<>();
    out.add(new TemplateApiResolver());
    out.addAll(resolvers);
    return out;
  }

  @Override
  public Map<String, Filter> getFilters() {
    Map<String, Filter> filters = super.getFilters();
    if (filters == null) {
      return null;
    }
    Map<String, Filter> out = new HashMap<>();
    filters.forEach((name, filter) -> out.put(name, new Filter() {
      @Override
      public List<String> getArgumentNames() {
        return filter.getArgumentNames();
      }

      @Override
      public Object apply(Object input, Map<String, Object> args, PebbleTemplate self, EvaluationContext context, int line) {
        RenderBudget budget = RenderScope.of(context).budget();
        budget.checkTime(self.getName(), line);
        Map<String, Object> checkedArgs = FilterPreflight.check(name, input, args, budget, self.getName(), line);
        try {
          return checked(filter.apply(input, checkedArgs, self, context, line), budget, self, line);
        } catch (IllegalFormatException e) {
          // Java's own words ("Conversion = '.'") say nothing of the filter or the string at fault.
          throw new TemplateException(self.getName(), line, 0, name + ": invalid format \"" + input + "\" (" + e.getMessage() + ")", e);
        }
      }
    }));
    return out;
  }

  @Override
  public Map<String, Function> getFunctions() {
    Map<String, Function> functions = super.getFunctions();
    if (functions == null) {
      return null;
    }
    Map<String, Function> out = new HashMap<>();
    functions.forEach((name, function) -> out.put(name, new Function() {
      @Override
      public List<String> getArgumentNames() {
        return function.getArgumentNames();
      }

      @Override
      public Object execute(Map<String, Object> args, PebbleTemplate self, EvaluationContext context, int line) {
        RenderBudget budget = RenderScope.of(context).budget();
        budget.checkTime(self.getName(), line);
        return checked(function.execute(args, self, context, line), budget, self, line);
      }
    }));
    return out;
  }

  private static Object checked(Object result, RenderBudget budget, PebbleTemplate self, int line) {
    long size = result instanceof CharSequence cs ? cs.length()
        : result instanceof Collection<?> c ? c.size() : result instanceof Map<?, ?> m ? m.size() : 0;
    budget.checkSize(size, self.getName(), line);
    return result;
  }
}
