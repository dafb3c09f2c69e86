package dev.capstan.chart.template;

import io.pebbletemplates.pebble.extension.Function;
import io.pebbletemplates.pebble.template.EvaluationContext;
import io.pebbletemplates.pebble.template.EvaluationContextImpl;
import io.pebbletemplates.pebble.template.Macro;
import io.pebbletemplates.pebble.template.PebbleTemplate;
import io.pebbletemplates.pebble.template.PebbleTemplateImpl;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A macro from a {@code templates/_*} file, exposed as a function so every template can call it
 * without an import ({@code {{ fullname() }}}). Pebble macros normally see only their arguments;
 * this passes the render's globals ({@code values}, {@code release}, ...) along as extra
 * arguments, so a macro reads {@code values.x} exactly as a template does, and macros calling
 * macros keep them. The body runs against the file that defines it, so errors inside a macro name
 * that file and line. Each call counts against the render's nesting depth, and its output against
 * the output budget (nested macro output is counted at each level, which keeps fan-out bounded).
 */
final class HelperMacro implements Function {
  private final String name;
  private final Macro macro;
  private final PebbleTemplateImpl definedIn;

  HelperMacro(String name, Macro macro, PebbleTemplateImpl definedIn) {
    this.name = name;
    this.macro = macro;
    this.definedIn = definedIn;
  }

  String file() {
    return definedIn.getName();
  }

  @Override
  public List<String> getArgumentNames() {
    return macro.getArgumentNames();
  }

  @Override
  public Object execute(Map<String, Object> args, PebbleTemplate self, EvaluationContext context, int line) {
    RenderBudget budget = RenderScope.of(context).budget();
    budget.enter("macro " + name + "()", self.getName(), line);
    try {
      Map<String, Object> withGlobals = new HashMap<>(args);
      for (String global : RenderScope.GLOBALS) {
        if (!withGlobals.containsKey(global)) {
          withGlobals.put(global, context.getVariable(global));
        }
      }
      String out = macro.call(definedIn, (EvaluationContextImpl) context, withGlobals);
      budget.addOutput(out.length(), self.getName(), line);
      return out;
    } finally {
      budget.exit();
    }
  }
}
