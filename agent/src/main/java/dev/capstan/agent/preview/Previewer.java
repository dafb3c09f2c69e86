package dev.capstan.agent.preview;

import dev.capstan.agent.ClusterTargets;
import dev.capstan.agent.application.Application;
import dev.capstan.agent.application.Violation;
import dev.capstan.agent.sync.AgentContext;
import dev.capstan.agent.sync.AppInputs;
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
import java.util.function.Function;

/**
 * One Application's preview at a pull request's head, read-only: its destination cluster is resolved
 * as a sync resolves it ({@link PreviewCluster}: an unknown, forbidden or unreachable one fails the
 * preview with the sync's reason), the spec is checked, the chart
 * rendered as a sync would render it (same renderer, same sandbox and limits, the Application's
 * values), every rendered object held to the agent's policy (allowed namespaces and cluster kinds),
 * the chart linted as {@code capstan lint} lints it (an error fails the preview at its file and line,
 * warnings are shown beside the diff), and the result diffed against the live objects in the
 * Application's cluster by a server-side dry run. Nothing is applied and no history is written, whatever the pull request
 * contains; the first failure ends the preview with its one-line message.
 */
public final class Previewer {
  private final AppLinter linter;
  private final PreviewCluster clusters;

  /** A previewer for an agent that deploys to its own cluster only. */
  public Previewer(AgentContext ctx, AppLinter linter) {
    this(ctx, linter, null);
  }

  /** @param targets the agent's clusters, those the syncs use; null: its own cluster only */
  public Previewer(AgentContext ctx, AppLinter linter, ClusterTargets targets) {
    this.linter = linter;
    this.clusters = new PreviewCluster(ctx, targets);
  }

  /** An Application with one Git source, at the pull request's {@code head}. */
  public AppPreview preview(Application app, GitRevision head) {
    return preview(app, ctx -> AppInputs.of(head));
  }

  /**
   * @param inputs reads what the preview renders from (every source's revision, {@code valuesFrom})
   *     with the Application's cluster's context; a failure to read fails the preview
   */
  public AppPreview preview(Application app, Function<AgentContext, AppInputs> inputs) {
    String name = app.getMetadata().getName();
    String namespace = app.getSpec().destination() == null ? "" : app.getSpec().destination().namespace();
    PreviewCluster.Target target = clusters.of(app);
    if (target instanceof PreviewCluster.Target.Refused refused) {
      return AppPreview.failed(name, namespace, oneLine(refused.error()));
    }
    PreviewCluster.Target.On on = (PreviewCluster.Target.On) target;
    AgentContext ctx = on.ctx();
    List<Violation> invalid = ctx.validator().validate(app);
    if (!invalid.isEmpty()) {
      return AppPreview.failed(name, namespace, "invalid spec: " + join(invalid));
    }
    try {
      AppInputs read = inputs.apply(ctx);
      DesiredState desired = ctx.metrics().render().record(() -> ctx.renderer().render(app, read));
      List<Violation> forbidden = new ObjectPolicy(ctx.validator().policy(), ctx.kinds()).check(desired);
      if (!forbidden.isEmpty()) {
        return AppPreview.failed(name, namespace, "forbidden by the agent's policy: " + join(forbidden));
      }
      LintReport lint = linter.lint(app, read, ctx.releases());
      List<LintFinding> shown = lint.atLeast(Severity.WARNING);
      if (lint.hasErrors()) {
        LintFinding first = shown.stream().filter(f -> f.severity() == Severity.ERROR).findFirst().orElseThrow();
        return AppPreview.failed(name, namespace, oneLine(first.toString()), shown);
      }
      DiffReport report = ctx.releases().diff(desired);
      return AppPreview.of(name, namespace, report, shown);
    } catch (CapstanException e) {
      // As a sync does: a failure while the cluster does not answer is the cluster's, not the chart's.
      return AppPreview.failed(name, namespace, clusters.downAfterFailure(on.cluster()).orElseGet(() -> oneLine(e.getMessage())));
    } catch (RuntimeException e) {
      // A client error the engine did not wrap (a read timing out): when the cluster is down, say so.
      String down = clusters.downAfterFailure(on.cluster()).orElseThrow(() -> e);
      return AppPreview.failed(name, namespace, down);
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
