package dev.capstan.chart.gotemplate;

import java.time.Duration;

/** {@link GoBudget#of}: output, value size, nesting depth and wall time, for one execution. */
final class SimpleBudget implements GoBudget {
  private final long maxOutputChars;
  private final int maxDepth;
  private final Duration timeout;
  private final long deadline;
  private long output;
  private int depth;
  private volatile boolean cancelled;

  SimpleBudget(long maxOutputChars, int maxDepth, Duration timeout) {
    this.maxOutputChars = maxOutputChars;
    this.maxDepth = maxDepth;
    this.timeout = timeout;
    this.deadline = System.nanoTime() + timeout.toNanos();
  }

  void cancel() {
    cancelled = true;
  }

  @Override
  public void step() {
    if (cancelled || System.nanoTime() - deadline > 0) {
      cancelled = true;
      throw new GoLimitException("execution took longer than " + timeout.toMillis() + "ms");
    }
  }

  @Override
  public void output(long chars) {
    output += chars;
    if (output > maxOutputChars) {
      throw new GoLimitException("output exceeds " + maxOutputChars + " characters");
    }
  }

  @Override
  public void size(long size) {
    if (size > maxOutputChars) {
      throw new GoLimitException("a value of " + size + " exceeds the limit of " + maxOutputChars);
    }
  }

  @Override
  public void enter() {
    if (++depth > maxDepth) {
      depth--;
      throw new GoLimitException("templates nested deeper than " + maxDepth);
    }
  }

  @Override
  public void exit() {
    depth--;
  }
}
