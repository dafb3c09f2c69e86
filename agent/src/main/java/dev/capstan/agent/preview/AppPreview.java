package dev.capstan.agent.preview;

import dev.capstan.chart.lint.LintFinding;
import dev.capstan.chart.lint.Severity;
import dev.capstan.commitstatus.PreviewSection;
import dev.capstan.engine.diff.DiffAction;
import dev.capstan.engine.diff.DiffPrinter;
import dev.capstan.engine.diff.DiffReport;
import java.util.List;

/**
 * One Application's preview of a pull request's head: what applying it would create, change and
 * delete, with the diff (Secrets masked), or the one-line error that stopped it, and what
 * {@code capstan lint} found in the chart at the head.
 *
 * @param error null when the chart rendered, passed the policy and lint, and was diffed; else why not
 * @param diff the unified diff, "" when in sync or failed
 * @param lint lint's errors and warnings (its infos are left out), files named from the repository's root
 */
public record AppPreview(String application, String namespace, int create, int change, int delete, String error, String diff,
    List<LintFinding> lint) {
  public AppPreview {
    lint = lint == null ? List.of() : List.copyOf(lint);
  }

  public static AppPreview of(String application, String namespace, DiffReport report, List<LintFinding> lint) {
    return new AppPreview(application, namespace, report.refs(DiffAction.ADDED).size(), report.refs(DiffAction.CHANGED).size(),
        report.refs(DiffAction.PRUNED).size(), null, report.inSync() ? "" : DiffPrinter.unified(report, false), lint);
  }

  public static AppPreview failed(String application, String namespace, String error) {
    return failed(application, namespace, error, List.of());
  }

  public static AppPreview failed(String application, String namespace, String error, List<LintFinding> lint) {
    return new AppPreview(application, namespace, 0, 0, 0, error, "", lint);
  }

  public boolean succeeded() {
    return error == null;
  }

  /** As the pull-request comment shows it. */
  public PreviewSection section() {
    return new PreviewSection(application, create, change, delete, error, diff, lint.stream().map(LintFinding::toString).toList(),
        (int) lint.stream().filter(f -> f.severity() == Severity.ERROR).count());
  }

  /** The commit status's one line: what would change, or the error. */
  public String summary() {
    if (!succeeded()) {
      return error;
    }
    String changes = create + change + delete == 0 ? "no change to " + namespace
        : create + " to create, " + change + " to change, " + delete + " to delete in " + namespace;
    return lint.isEmpty() ? changes : changes + "; " + lint.size() + " lint warning" + (lint.size() == 1 ? "" : "s");
  }
}
