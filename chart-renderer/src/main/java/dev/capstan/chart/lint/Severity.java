package dev.capstan.chart.lint;

/** How bad a lint finding is. Only {@link #ERROR} makes {@code capstan lint} exit non-zero. */
public enum Severity {
  ERROR,
  WARNING,
  INFO;

  /** The word printed in a finding line: {@code error}, {@code warning}, {@code info}. */
  public String label() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
