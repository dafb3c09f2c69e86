package dev.capstan.chart.template;

import io.pebbletemplates.pebble.extension.AbstractExtension;
import io.pebbletemplates.pebble.extension.Filter;
import io.pebbletemplates.pebble.extension.Function;
import io.pebbletemplates.pebble.operator.BinaryOperator;
import io.pebbletemplates.pebble.operator.UnaryOperator;
import io.pebbletemplates.pebble.tokenParser.TokenParser;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything Capstan adds to or changes in Pebble: Helm's filters and functions, the bounded
 * {@code range}, {@code ~} and {@code +}, Go template truth for {@code if}, {@code and},
 * {@code or} and {@code not}, and one function per helper macro of the chart being rendered.
 */
final class CapstanExtension extends AbstractExtension {
  private final Map<String, Filter> filters = new HashMap<>();
  private final Map<String, Function> functions = new HashMap<>();

  CapstanExtension(Map<String, HelperMacro> helpers) {
    SerializationFilters.register(filters);
    TextFilters.register(filters);
    Functions.register(functions);
    functions.putAll(helpers);
  }

  /** The names templates may not reuse for macros, because a function of that name would win. */
  static boolean isBuiltIn(String name) {
    return BUILT_IN_FUNCTIONS.contains(name);
  }

  private static final List<String> BUILT_IN_FUNCTIONS = List.of("tpl", "fail", "lookup", "range", "semverCompare", "max", "min",
      "block", "parent", "i18n");

  @Override
  public Map<String, Filter> getFilters() {
    return filters;
  }

  @Override
  public Map<String, Function> getFunctions() {
    return functions;
  }

  @Override
  public List<BinaryOperator> getBinaryOperators() {
    List<BinaryOperator> operators = new ArrayList<>(BoundedOperators.all());
    operators.addAll(TruthyOperators.binary());
    return operators;
  }

  @Override
  public List<UnaryOperator> getUnaryOperators() {
    return TruthyOperators.unary();
  }

  @Override
  public List<TokenParser> getTokenParsers() {
    return List.of(new TruthyIf());
  }
}
