package dev.capstan.chart.template;

import io.pebbletemplates.pebble.extension.Filter;
import io.pebbletemplates.pebble.template.EvaluationContext;
import io.pebbletemplates.pebble.template.PebbleTemplate;
import java.util.List;
import java.util.Map;

/** A filter written as a lambda over its input and {@link FilterCall}. */
@FunctionalInterface
interface FilterBody {
  Object apply(Object input, FilterCall call);

  static Filter of(List<String> argumentNames, FilterBody body) {
    return new Filter() {
      @Override
      public List<String> getArgumentNames() {
        return argumentNames;
      }

      @Override
      public Object apply(Object input, Map<String, Object> args, PebbleTemplate self, EvaluationContext context, int line) {
        return body.apply(input, new FilterCall(args, self, context, line));
      }
    };
  }
}
