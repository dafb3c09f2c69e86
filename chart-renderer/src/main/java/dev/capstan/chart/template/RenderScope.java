package dev.capstan.chart.template;

import io.pebbletemplates.pebble.template.EvaluationContext;
import java.util.List;

/**
 * What the extension's filters and functions need from the render in progress: the budget and the
 * chart's engine (for {@code tpl}). It travels as a template variable whose name is not a valid
 * identifier, so templates cannot name it, and macros receive it with the other globals.
 */
record RenderScope(RenderBudget budget, ChartEngine engine) {
  static final String KEY = "capstan:render";

  /** The variables every template and macro sees, plus the hidden scope. */
  static final List<String> GLOBALS = List.of("values", "release", "chart", "capabilities", "files", "template", KEY);

  static RenderScope of(EvaluationContext context) {
    Object scope = context.getVariable(KEY);
    if (scope instanceof RenderScope s) {
      return s;
    }
    throw new IllegalStateException("template evaluated outside a Capstan render");
  }
}
