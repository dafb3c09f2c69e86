package dev.capstan.agent.preview;

import dev.capstan.agent.application.Application;
import dev.capstan.agent.application.Violation;
import dev.capstan.agent.sync.AgentContext;
import dev.capstan.agent.sync.AppLinter;
import dev.capstan.agent.sync.ObjectPolicy;
import dev.capstan.chart.lint.LintFinding;
import dev.capstan.chart.lint.LintReport;
import dev.capstan.chart.lint.Severity;
import dev.capstan.core.CapstanException;
import dev.capstan.engine.diff.DiffReport;
import dev.capstan.engine.resource.DesiredState;
import dev.capstan.git.auth.Redactor;
import dev.capstan.git.fetch.GitRevision;
import java.util.List;

/**
 * One Application's preview at a pull request's head, read-only: the spec is checked, the chart
 * rendered as a sync would render it (same renderer, same sandbox and limits, the Application's
 * values), every rendered object held to the agent's policy (allowed namespaces and cluster kinds),
 * the chart linted as {@code capstan lint} lints it (an error fails the preview at its file and line,
 * warnings are shown beside the diff), and the result diffed against the live cluster by a
 * server-side dry run. Nothing is applied and no history is written, whatever the pull request
 * contains; the first failure ends the preview with its one-line message.
 */
public final class Previewer {
  private final AgentContext ctx;
  private final AppLinter linter;

  public Previewer(AgentContext ctx, AppLinter linter) {
    this.ctx = ctx;
    this.linter = linter;
  }

  public AppPreview preview(Application app, GitRevision head) {
    String name = app.getMetadata().getName();
    String namespace = app.getSpec().destination() == null ? "" : app.getSpec().destination().namespace();
    List<Violation> invalid = ctx.validator().validate(app);
    if (!invalid.isEmpty()) {
      return AppPreview.failed(name, namespace, "invalid spec: " + join(invalid));
    }
    try {
      DesiredState desired = ctx.metrics().render().record(() -> ctx.renderer().render(app, head));
      List<Violation> forbidden = new ObjectPolicy(ctx.validator().policy(), ctx.kinds()).check(desired);
      if (!forbidden.isEmpty()) {
        return AppPreview.failed(name, namespace, "forbidden by the agent's policy: " + join(forbidden));
      }
      LintReport lint = linter.lint(app, head);
      List<LintFinding> shown = lint.atLeast(Severity.WARNING);
      if (lint.hasErrors()) {
        LintFinding first = shown.stream().filter(f -> f.severity() == Severity.ERROR).findFirst().orElseThrow();
        return AppPreview.failed(name, namespace, oneLine(first.toString()), shown);
      }
      DiffReport report = ctx.releases().diff(desired);
      return AppPreview.of(name, namespace, report, shown);
    } catch (CapstanException e) {
      return AppPreview.failed(name, namespace, oneLine(e.getMessage()));
    }
  }

  private static String join(List<Violation> violations) {
    return oneLine(String.join("; ", violations.stream().map(Violation::toString).toList()));
  }

  /** The first line, with any credentials in URLs masked: this goes to a comment anyone on the pull request reads. */
  static String oneLine(String message) {
    String text = message == null ? "failed" : Redactor.maskUrlCredentials(message);
    int end = text.indexOf('\n');
    return (end < 0 ? text : text.substring(0, end)).strip();
  }
}
