package dev.capstan.chart.template;

import io.pebbletemplates.pebble.extension.Function;
import io.pebbletemplates.pebble.template.EvaluationContext;
import io.pebbletemplates.pebble.template.PebbleTemplate;
import java.util.List;
import java.util.Map;

/** A function written as a lambda over {@link FilterCall}. */
@FunctionalInterface
interface FunctionBody {
  Object apply(FilterCall call);

  static Function of(List<String> argumentNames, FunctionBody body) {
    return new Function() {
      @Override
      public List<String> getArgumentNames() {
        return argumentNames;
      }

      @Override
      public Object execute(Map<String, Object> args, PebbleTemplate self, EvaluationContext context, int line) {
        return body.apply(new FilterCall(args, self, context, line));
      }
    };
  }
}
