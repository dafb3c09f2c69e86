package dev.capstan.chart.gochart;

import dev.capstan.chart.gotemplate.GoBudget;
import dev.capstan.chart.gotemplate.GoLimitException;
import dev.capstan.chart.template.LimitExceededException;
import dev.capstan.chart.template.RenderBudget;

/**
 * The render's {@link RenderBudget} (time, output, nesting: RenderLimits) as the Go executor's
 * {@link GoBudget}. A refusal is thrown as the executor expects ({@link GoLimitException}, which
 * it reports at the template place) and remembered, so the renderer can still report it as a limit
 * ({@link LimitExceededException}) rather than as a template's own error.
 */
final class RenderBudgetAdapter implements GoBudget {
  private final RenderBudget budget;
  private String template = "";
  private LimitExceededException refusal;

  RenderBudgetAdapter(RenderBudget budget) {
    this.budget = budget;
  }

  void startTemplate(String name) {
    template = name;
  }

  /** The limit that stopped the render, if one did. */
  LimitExceededException refusal() {
    return refusal;
  }

  @Override
  public void step() {
    guard(() -> budget.checkTime(template, 0));
  }

  @Override
  public void output(long chars) {
    guard(() -> budget.addOutput(chars, template, 0));
  }

  @Override
  public void size(long size) {
    guard(() -> budget.checkSize(size, template, 0));
  }

  @Override
  public void enter() {
    guard(() -> budget.enter("templates (include, tpl, template)", template, 0));
  }

  @Override
  public void exit() {
    budget.exit();
  }

  private void guard(Runnable check) {
    try {
      check.run();
    } catch (LimitExceededException e) {
      refusal = e;
      throw new GoLimitException(e.reason());
    }
  }
}
