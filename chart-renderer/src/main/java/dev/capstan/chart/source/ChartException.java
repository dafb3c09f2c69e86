package dev.capstan.chart.source;

import dev.capstan.core.CapstanException;

/**
 * A chart that cannot be loaded: a missing or malformed {@code Chart.yaml}, an unreadable file, a
 * dependency that is not there, a symlink that leaves the chart. {@link #path()} names the file
 * (with {@code :line} when one is known), as the user would open it.
 */
public class ChartException extends CapstanException {
  private final String path;

  public ChartException(String path, String message) {
    this(path, message, null);
  }

  public ChartException(String path, String message, Throwable cause) {
    super(path, message, cause);
    this.path = path;
  }

  public String path() {
    return path;
  }
}
