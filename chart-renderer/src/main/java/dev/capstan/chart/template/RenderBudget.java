package dev.capstan.chart.template;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The resources one render may use: output bytes, nesting depth of macro and {@code tpl} calls, and
 * wall time. Checked cooperatively wherever a template does work (writes, filters, functions,
 * macro calls, loop steps over {@code range}, string and list concatenation), because a Java
 * thread cannot be stopped from outside. {@link #cancel()} makes the next check fail, which is how
 * the renderer's timeout reaches a runaway template.
 */
public final class RenderBudget {
  private final long maxOutputChars;
  private final int maxDepth;
  private final Duration timeout;
  private final long deadline;
  private final AtomicLong output = new AtomicLong();
  private volatile boolean cancelled;
  private volatile String currentTemplate = "";
  private int depth;

  public RenderBudget(long maxOutputChars, int maxDepth, Duration timeout) {
    this.maxOutputChars = maxOutputChars;
    this.maxDepth = maxDepth;
    this.timeout = timeout;
    this.deadline = System.nanoTime() + timeout.toNanos();
  }

  public long maxOutputChars() {
    return maxOutputChars;
  }

  /** The template being rendered, used to name the place when a limit is hit outside a template. */
  public String currentTemplate() {
    return currentTemplate;
  }

  void startTemplate(String name) {
    currentTemplate = name;
  }

  /** Makes every later check fail: the render has run out of time. */
  public void cancel() {
    cancelled = true;
  }

  /** Throws when the render has run out of time. */
  public void checkTime(String path, int line) {
    if (cancelled || System.nanoTime() - deadline > 0) {
      cancelled = true;
      throw new LimitExceededException(path, line, "rendering took longer than " + describe(timeout)
          + " (RenderLimits.timeout); is a loop or recursion runaway?");
    }
  }

  /** Records {@code chars} more characters of output. */
  public void addOutput(long chars, String path, int line) {
    if (output.addAndGet(chars) > maxOutputChars) {
      throw tooLarge(path, line);
    }
  }

  /** Throws if a single value of {@code size} characters or elements would not fit the output budget. */
  public void checkSize(long size, String path, int line) {
    if (size > maxOutputChars) {
      throw tooLarge(path, line);
    }
  }

  private LimitExceededException tooLarge(String path, int line) {
    return new LimitExceededException(path, line, "rendered output exceeds " + maxOutputChars
        + " characters (RenderLimits.maxOutputChars)");
  }

  /** Enters a macro or {@code tpl}; pair with {@link #exit()}. */
  public void enter(String what, String path, int line) {
    checkTime(path, line);
    if (++depth > maxDepth) {
      depth--;
      throw new LimitExceededException(path, line, what + " nested deeper than " + maxDepth
          + " calls (RenderLimits.maxDepth); is it calling itself?");
    }
  }

  public void exit() {
    depth--;
  }

  private static String describe(Duration d) {
    return d.toMillis() % 1000 == 0 ? d.toSeconds() + "s" : d.toMillis() + "ms";
  }
}
