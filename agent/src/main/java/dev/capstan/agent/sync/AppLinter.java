package dev.capstan.agent.sync;

import dev.capstan.agent.application.Application;
import dev.capstan.chart.lint.LintReport;
import dev.capstan.git.fetch.GitRevision;

/** What {@code capstan lint} finds in an application's chart at a Git revision, rendered with its values. */
public interface AppLinter {
  /** @throws dev.capstan.core.CapstanException when the chart cannot be read */
  LintReport lint(Application app, GitRevision revision);

  /**
   * The chart at its sources' revisions ({@code inputs}: named sources' values files, {@code valuesFrom},
   * a chart from a repository or registry); by default only the deployed Git revision is linted.
   *
   * @throws dev.capstan.core.CapstanException when the chart cannot be read
   */
  default LintReport lint(Application app, AppInputs inputs) {
    return lint(app, inputs.revision().git());
  }

  /**
   * As {@link #lint(Application, AppInputs)}, as the next revision of the release {@code releases}
   * holds (the Application's own cluster's history, what {@code .Release.Revision} and
   * {@code .Release.IsUpgrade} come from); by default a linter reads no history.
   *
   * @throws dev.capstan.core.CapstanException when the chart cannot be read
   */
  default LintReport lint(Application app, AppInputs inputs, Releases releases) {
    return lint(app, inputs);
  }
}
