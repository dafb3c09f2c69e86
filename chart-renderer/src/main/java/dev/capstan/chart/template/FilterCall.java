package dev.capstan.chart.template;

import io.pebbletemplates.pebble.template.EvaluationContext;
import io.pebbletemplates.pebble.template.PebbleTemplate;
import java.util.Map;

/** One invocation of a filter or function: its arguments and the place it was written. */
record FilterCall(Map<String, Object> args, PebbleTemplate self, EvaluationContext context, int line) {
  String path() {
    return self.getName();
  }

  RenderScope scope() {
    return RenderScope.of(context);
  }

  TemplateException error(String message) {
    return new TemplateException(path(), line, 0, message);
  }

  Object arg(String name) {
    return args.get(name);
  }

  String string(String name) {
    return Text.str(args.get(name));
  }

  int integer(String name) {
    Object v = args.get(name);
    if (v instanceof Number n) {
      return Math.toIntExact(n.longValue());
    }
    try {
      return Integer.parseInt(Text.str(v).strip());
    } catch (NumberFormatException e) {
      throw error("argument " + name + " must be a number, got \"" + Text.str(v) + "\"");
    }
  }
}
