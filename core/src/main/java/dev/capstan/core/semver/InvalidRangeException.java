package dev.capstan.core.semver;

import dev.capstan.core.CapstanException;

/**
 * A version range that does not parse. The message names the range and the term at fault; callers
 * rethrow it with their own place (a source's {@code ref}, a Chart.yaml field).
 */
public class InvalidRangeException extends CapstanException {
  private final String range;

  public InvalidRangeException(String range, String message) {
    super(null, message);
    this.range = range;
  }

  /** The range as written. */
  public String range() {
    return range;
  }
}
