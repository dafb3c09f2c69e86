package dev.capstan.agent.application;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Durations as Flux and Argo CD users write them ({@code 90s}, {@code 3m}, {@code 1h30m}, {@code 500ms}):
 * Go's {@code time.ParseDuration} notation, restricted to non-negative values.
 */
public final class SpecDuration {
  private static final Pattern WHOLE = Pattern.compile("(?:\\d+(?:\\.\\d+)?(?:ns|us|µs|ms|s|m|h))+|0");
  private static final Pattern PART = Pattern.compile("(\\d+(?:\\.\\d+)?)(ns|us|µs|ms|s|m|h)");

  private SpecDuration() {}

  /** Parses {@code text}; throws {@link IllegalArgumentException} saying what is expected. */
  public static Duration parse(String text) {
    if (text == null || !WHOLE.matcher(text).matches()) {
      throw new IllegalArgumentException(
          "invalid duration \"" + text + "\": expected a number with a unit, e.g. 90s, 3m, 1h30m");
    }
    double nanos = 0;
    Matcher m = PART.matcher(text);
    while (m.find()) {
      nanos += Double.parseDouble(m.group(1)) * nanosPer(m.group(2));
    }
    return Duration.ofNanos(Math.round(nanos));
  }

  private static double nanosPer(String unit) {
    return switch (unit) {
      case "ns" -> 1;
      case "us", "µs" -> 1e3;
      case "ms" -> 1e6;
      case "s" -> 1e9;
      case "m" -> 60e9;
      case "h" -> 3600e9;
      default -> throw new IllegalStateException(unit);
    };
  }
}
