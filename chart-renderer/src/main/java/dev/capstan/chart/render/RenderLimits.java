package dev.capstan.chart.render;

import java.time.Duration;

/**
 * How much one render may use, because templates come from anyone who can open a pull request:
 * total output characters, nesting depth of macro and {@code tpl} calls, and wall time.
 */
public record RenderLimits(long maxOutputChars, int maxDepth, Duration timeout) {
  public RenderLimits {
    if (maxOutputChars <= 0 || maxDepth <= 0 || timeout == null || timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("render limits must be positive");
    }
  }

  /** 16 MiB of output, 100 nested calls, 10 seconds. */
  public static RenderLimits defaults() {
    return new RenderLimits(16L << 20, 100, Duration.ofSeconds(10));
  }

  public RenderLimits withMaxOutputChars(long maxOutputChars) {
    return new RenderLimits(maxOutputChars, maxDepth, timeout);
  }

  public RenderLimits withMaxDepth(int maxDepth) {
    return new RenderLimits(maxOutputChars, maxDepth, timeout);
  }

  public RenderLimits withTimeout(Duration timeout) {
    return new RenderLimits(maxOutputChars, maxDepth, timeout);
  }
}
