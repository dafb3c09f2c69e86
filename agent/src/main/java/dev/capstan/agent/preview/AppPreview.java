package dev.capstan.agent.preview;

import dev.capstan.commitstatus.PreviewSection;
import dev.capstan.engine.diff.DiffAction;
import dev.capstan.engine.diff.DiffPrinter;
import dev.capstan.engine.diff.DiffReport;

/**
 * One Application's preview of a pull request's head: what applying it would create, change and
 * delete, with the diff (Secrets masked), or the one-line error that stopped it.
 *
 * @param error null when the chart rendered, passed the policy and was diffed; else why not
 * @param diff the unified diff, "" when in sync or failed
 */
public record AppPreview(String application, String namespace, int create, int change, int delete, String error, String diff) {
  public static AppPreview of(String application, String namespace, DiffReport report) {
    return new AppPreview(application, namespace, report.refs(DiffAction.ADDED).size(), report.refs(DiffAction.CHANGED).size(),
        report.refs(DiffAction.PRUNED).size(), null, report.inSync() ? "" : DiffPrinter.unified(report, false));
  }

  public static AppPreview failed(String application, String namespace, String error) {
    return new AppPreview(application, namespace, 0, 0, 0, error, "");
  }

  public boolean succeeded() {
    return error == null;
  }

  /** As the pull-request comment shows it. */
  public PreviewSection section() {
    return new PreviewSection(application, create, change, delete, error, diff);
  }

  /** The commit status's one line: what would change, or the error. */
  public String summary() {
    if (!succeeded()) {
      return error;
    }
    return create + change + delete == 0 ? "no change to " + namespace
        : create + " to create, " + change + " to change, " + delete + " to delete in " + namespace;
  }
}
