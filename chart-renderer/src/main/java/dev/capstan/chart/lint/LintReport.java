package dev.capstan.chart.lint;

import java.util.List;

/** Everything lint found, in the order a person reads a chart: Chart.yaml, values, then templates. */
public record LintReport(List<LintFinding> findings) {
  public LintReport {
    findings = List.copyOf(findings);
  }

  public boolean hasErrors() {
    return findings.stream().anyMatch(f -> f.severity() == Severity.ERROR);
  }

  /** The findings at {@code severity} or worse (ERROR is worst). */
  public List<LintFinding> atLeast(Severity severity) {
    return findings.stream().filter(f -> f.severity().compareTo(severity) <= 0).toList();
  }
}
