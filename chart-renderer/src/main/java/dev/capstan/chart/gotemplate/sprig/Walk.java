package dev.capstan.chart.gotemplate.sprig;

import dev.capstan.chart.gotemplate.GoBudget;
import dev.capstan.chart.gotemplate.GoFuncException;

/**
 * A bound on how many values one call may visit. Templates can share one map or list in many
 * places ({@code $x = list $x $x} twenty times is a million leaves in forty lines), so a walk
 * over a value (deepCopy, merge, deepEqual, toYaml) can cost far more than the value's memory:
 * each walk counts its visits and gives up past {@link #MAX_VISITS}, asking the render's budget
 * for time as it goes.
 */
public final class Walk {
  static final int MAX_VISITS = 2_000_000;

  private final String fn;
  private int visits;

  public Walk(String fn) {
    this.fn = fn;
  }

  /** One more value visited. */
  public void visit() {
    if (++visits > MAX_VISITS) {
      throw new GoFuncException(fn + ": value has more than " + MAX_VISITS
          + " elements (shared or too large)");
    }
    if ((visits & 0xfff) == 0) {
      GoBudget.current().step();
    }
  }
}
