package dev.capstan.release;

import dev.capstan.chart.lint.LintReport;
import dev.capstan.chart.lint.Linter;
import dev.capstan.engine.history.ReleaseRevision;
import dev.capstan.engine.history.ReleaseStore;
import java.util.List;

/**
 * {@code capstan lint}'s checks on a release's chart as its next revision would render it: the same
 * {@link Linter} (Chart.yaml, template files, every rendered object against the Kubernetes schemas and
 * the checks the schemas cannot express), with the release's values and {@code .Release} as
 * {@link ReleaseRenderer} sets them. It renders in the same sandbox and limits; it never writes.
 */
public final class ReleaseLint {
  private final Linter linter;

  public ReleaseLint(Linter linter) {
    this.linter = linter;
  }

  /** Lints {@code input}; findings name files under {@code folder}, the chart's folder as its user knows it. */
  public LintReport lint(ReleaseStore store, ReleaseInput input, String folder) {
    return lint(store.list(input.namespace(), input.release()), input, folder);
  }

  /**
   * Lints {@code input} as the revision after {@code history} (the release's kept revisions, oldest
   * first, as the cluster it deploys to holds them).
   */
  public LintReport lint(List<ReleaseRevision> history, ReleaseInput input, String folder) {
    return linter.lint(input.chart(), folder, ReleaseRenderer.nextRevision(history, input), input.userValues());
  }
}
