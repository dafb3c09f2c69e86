package dev.capstan.chart.lint;

import java.util.Objects;

/**
 * One thing lint has to say about a chart, at a place a person can open: {@code path} is the file
 * (as the chart directory was given, e.g. {@code mychart/templates/web.yaml}) and {@code line} is
 * 1-based, or 0 when no line is known.
 */
public record LintFinding(String path, int line, Severity severity, String message) {
  public LintFinding {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(message, "message");
  }

  public static LintFinding error(String path, int line, String message) {
    return new LintFinding(path, line, Severity.ERROR, message);
  }

  public static LintFinding warning(String path, int line, String message) {
    return new LintFinding(path, line, Severity.WARNING, message);
  }

  public static LintFinding info(String path, int line, String message) {
    return new LintFinding(path, line, Severity.INFO, message);
  }

  /** {@code path:line: severity: message}, or {@code path: severity: message} without a line. */
  @Override
  public String toString() {
    String place = line > 0 ? path + ":" + line : path;
    return place + ": " + severity.label() + ": " + message;
  }
}
