package dev.capstan.chart.gotemplate;

/** The thread's running execution's budget, behind {@link GoBudget#current()}. */
final class CurrentBudget {
  static final ThreadLocal<GoBudget> HOLDER = new ThreadLocal<>();

  private CurrentBudget() {}
}
