package dev.capstan.chart.gotemplate;

import java.time.Duration;

/**
 * The resources one execution may use, checked by the executor wherever a template controls the
 * work: every range iteration, template call and function call ({@link #step()}), every write
 * ({@link #output(long)}), every value a function builds ({@link #size(long)}), and the nesting of
 * template calls ({@link #enter()}/{@link #exit()}; the chart side also uses it for
 * {@code include} and {@code tpl}). A method that refuses throws {@link GoLimitException}; the
 * executor turns it into a {@link GoTemplateException} naming the place. Cancellation from another
 * thread works by making the next {@link #step()} throw.
 */
public interface GoBudget {
  /** Called before each unit of work; throws when time is up or the render was cancelled. */
  void step();

  /** Called before {@code chars} more characters are written. */
  void output(long chars);

  /** Called with the length of each string (or element count of each list or map) a function returns. */
  void size(long size);

  /** Entering a nested template call; pair with {@link #exit()}. */
  void enter();

  void exit();

  /**
   * The budget of the execution running on this thread (the innermost one, for nested
   * {@code include}s), so that a function can refuse a value before building it
   * ({@code until 1000000000}, {@code repeat}); outside any execution, a fresh default budget.
   */
  static GoBudget current() {
    GoBudget b = CurrentBudget.HOLDER.get();
    return b != null ? b : defaults();
  }

  /** A budget with the given limits, its clock starting now. */
  static GoBudget of(long maxOutputChars, int maxDepth, Duration timeout) {
    return new SimpleBudget(maxOutputChars, maxDepth, timeout);
  }

  /** Limits that keep a hostile template well inside a 256 MB heap and a few seconds. */
  static GoBudget defaults() {
    return of(16L << 20, 200, Duration.ofSeconds(10));
  }
}
