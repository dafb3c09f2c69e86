package dev.capstan.chart.gotemplate;

import java.util.Map;
import java.util.Objects;

/**
 * How one execution runs: the {@link MissingKey} mode, functions that replace the set's own for
 * this execution only (by name, as Go's {@code Funcs} after parsing; how {@code include} and
 * {@code tpl} get at the render they belong to), and the {@link GoBudget}. Make one per render:
 * the budget's clock starts when the budget is made, and its counters add up over every execution
 * that shares it.
 */
public record ExecOptions(MissingKey missingKey, Map<String, GoFunc> funcs, GoBudget budget) {
  public ExecOptions {
    Objects.requireNonNull(missingKey, "missingKey");
    funcs = Map.copyOf(funcs);
    Objects.requireNonNull(budget, "budget");
  }

  /** Go's defaults with {@link GoBudget#defaults()}. */
  public static ExecOptions defaults() {
    return new ExecOptions(MissingKey.DEFAULT, Map.of(), GoBudget.defaults());
  }

  public ExecOptions withMissingKey(MissingKey m) {
    return new ExecOptions(m, funcs, budget);
  }

  public ExecOptions withFuncs(Map<String, GoFunc> f) {
    return new ExecOptions(missingKey, f, budget);
  }

  public ExecOptions withBudget(GoBudget b) {
    return new ExecOptions(missingKey, funcs, b);
  }
}
