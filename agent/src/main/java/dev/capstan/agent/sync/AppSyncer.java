package dev.capstan.agent.sync;

import dev.capstan.agent.application.Application;
import dev.capstan.agent.application.ApplicationSpec;
import dev.capstan.agent.application.ApplicationStatus.HealthSummary;
import dev.capstan.agent.application.ApplicationStatus.HistoryEntry;
import dev.capstan.agent.application.HealthState;
import dev.capstan.agent.application.SyncPolicy;
import dev.capstan.agent.application.Violation;
import dev.capstan.agent.status.CommitStatuses;
import dev.capstan.agent.sync.PassResult.Outcome;
import dev.capstan.core.CapstanException;
import dev.capstan.engine.diff.DiffAction;
import dev.capstan.engine.diff.DiffReport;
import dev.capstan.engine.health.HealthStatus;
import dev.capstan.engine.history.ReleaseRevision;
import dev.capstan.engine.history.RevisionStatus;
import dev.capstan.engine.release.StatusReport;
import dev.capstan.engine.release.SyncFailedException;
import dev.capstan.engine.release.SyncOptions;
import dev.capstan.engine.release.SyncResult;
import dev.capstan.engine.resource.Canonical;
import dev.capstan.engine.resource.DesiredState;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One pass over one application: validate the spec, fetch its source, and, only when Git or the spec
 * moved (or a user or drift asked), render and sync it, or compare it for an app without
 * {@code automated}. Every outcome becomes a status; nothing is applied unless the whole chart
 * rendered.
 */
public final class AppSyncer {
  private static final int HISTORY_SHOWN = 10;

  private final AgentContext ctx;
  private final StatusBuilder statuses;
  private final PassInputs passInputs;

  public AppSyncer(AgentContext ctx) {
    this.ctx = ctx;
    this.statuses = new StatusBuilder(ctx.clock());
    this.passInputs = new PassInputs(ctx);
  }

  /**
   * @param mayApply false when a sync window holds automated syncs or drift is only to be reported
   *     ({@code selfHeal} off): the pass then compares and reports, and applies nothing
   */
  public PassResult pass(AppRecord record, SyncTrigger trigger, boolean mayApply) {
    Application app = record.application();
    List<Violation> violations = ctx.validator().validate(app);
    if (!violations.isEmpty()) {
      String why = String.join("; ", violations.stream().map(Violation::toString).toList());
      record.status(statuses.stalled(record, history(record), "InvalidSpec", why));
      return PassResult.of(record.status(), Outcome.INVALID);
    }
    if (trigger == SyncTrigger.HEALTH) {
      return health(record);
    }
    if (app.getSpec().suspended() && trigger != SyncTrigger.MANUAL) {
      record.status(statuses.suspended(record, history(record)));
      return PassResult.of(record.status(), Outcome.SUSPENDED);
    }
    if (trigger == SyncTrigger.DRIFT) {
      return drift(record, mayApply);
    }
    PassInputs.Read read = passInputs.read(record);
    if (read.failure() != null) {
      return failed(record, read.failure());
    }
    AppInputs inputs = read.inputs();
    PassRevision revision = inputs.revision();
    String spec = SpecFingerprint.of(app.getSpec()) + inputs.extrasKey();
    SyncPolicy policy = app.getSpec().syncPolicyOrDefault();
    boolean forced = trigger == SyncTrigger.MANUAL;
    boolean willApply = mayApply && (policy.isAutomated() || trigger.appliesWithoutAutomation());
    if (willApply) {
      boolean applied = record.syncedCommit() != null && spec.equals(record.syncedSpec())
          && (revision.id().equals(record.syncedCommit()) || !read.pathChanged());
      boolean failedBefore = record.failedBefore(revision.id(), spec) && trigger != SyncTrigger.RETRY;
      return (applied || failedBefore) && !forced ? PassResult.of(record.status(), Outcome.UNCHANGED) : apply(record, inputs, spec);
    }
    boolean compared = revision.id().equals(record.comparedCommit()) && spec.equals(record.comparedSpec());
    return compared && !forced ? PassResult.of(record.status(), Outcome.UNCHANGED) : compare(record, inputs, spec);
  }

  /**
   * A source that could not be read; what is live stays. Stalled when someone must change the spec or
   * a Secret (an invalid field, credentials that cannot be used: nothing was sent), refused when the
   * revision is not signed by a trusted key, else a failure retried on the next pass.
   */
  private PassResult failed(AppRecord record, PassInputs.Failure failure) {
    return switch (failure.effect()) {
      case STALL -> {
        record.status(statuses.stalled(record, history(record), failure.reason(), failure.message()));
        yield PassResult.of(record.status(), Outcome.INVALID);
      }
      case REFUSED_REVISION -> {
        record.status(statuses.verificationRefused(record, history(record), failure.reason(), failure.message()));
        yield PassResult.of(record.status(), Outcome.FAILED);
      }
      case REFUSED_CHART -> {
        record.status(statuses.chartRefused(record, history(record), failure.reason(), failure.message()));
        yield PassResult.of(record.status(), Outcome.INVALID);
      }
      case RETRY -> {
        record.status(statuses.sourceFailed(record, history(record), failure.reason(), failure.message()));
        yield PassResult.of(record.status(), Outcome.FAILED);
      }
    };
  }

  private PassResult apply(AppRecord record, AppInputs inputs, String spec) {
    PassRevision revision = inputs.revision();
    DesiredState desired;
    try {
      desired = render(record.application(), inputs);
    } catch (LockedDependencyException e) {
      record.failed(revision.id(), spec);
      record.status(statuses.chartRefused(record, history(record), "DependencyRefused", revision.shortId() + ": " + e.getMessage()));
      return PassResult.of(record.status(), Outcome.INVALID);
    } catch (CapstanException e) {
      record.failed(revision.id(), spec);
      record.status(statuses.renderFailed(record, history(record), revision, e.getMessage()));
      return PassResult.of(record.status(), Outcome.FAILED);
    }
    Optional<PassResult> refused = refuseForbidden(record, revision, spec, desired);
    if (refused.isPresent()) {
      return refused.get();
    }
    Application app = record.application();
    Optional<Integer> adopted = record.syncedCommit() == null ? deployedAlready(desired) : Optional.empty();
    if (adopted.isEmpty()) {
      ctx.events().normal(app, "Syncing", "applying " + revision.shortId() + " (" + revision.subject() + ")");
      commitStatus(app, revision, CommitStatuses.State.PENDING, "deploying to " + app.getSpec().destination().namespace());
    }
    try {
      SyncResult result = ctx.releases().upgrade(desired, syncOptions(app.getSpec()));
      record.synced(revision.id(), spec, desired);
      record.status(statuses.synced(record, observe(record), revision, result));
      if (!adopted.equals(Optional.of(result.revision().number()))) {
        ctx.events().normal(app, "Synced", "revision " + result.revision().number() + " applied " + revision.shortId());
        commitStatus(app, revision, CommitStatuses.State.SUCCESS,
            "live in " + app.getSpec().destination().namespace() + " as revision " + result.revision().number());
      }
      return PassResult.of(record.status(), Outcome.SYNCED);
    } catch (CapstanException e) {
      record.failed(revision.id(), spec);
      record.status(statuses.syncFailed(record, observe(record), revision, e.getMessage()));
      ctx.events().warning(app, "SyncFailed", e.getMessage());
      commitStatus(app, revision, CommitStatuses.State.FAILURE, e.getMessage());
      if (e instanceof SyncFailedException failed && failed.recorded() == RevisionStatus.ROLLED_BACK) {
        ctx.events().warning(app, "RolledBack", "revision " + failed.revision() + " failed and the previous revision was put back");
      }
      return PassResult.of(record.status(), Outcome.FAILED);
    }
  }

  /** A rendered object outside the agent's policy stalls the app before anything is applied. */
  private Optional<PassResult> refuseForbidden(AppRecord record, PassRevision revision, String spec, DesiredState desired) {
    List<Violation> forbidden;
    try {
      forbidden = new ObjectPolicy(ctx.validator().policy(), ctx.kinds()).check(desired);
    } catch (CapstanException e) {
      record.failed(revision.id(), spec);
      record.status(statuses.syncFailed(record, observe(record), revision, e.getMessage()));
      return Optional.of(PassResult.of(record.status(), Outcome.FAILED));
    }
    if (forbidden.isEmpty()) {
      return Optional.empty();
    }
    record.failed(revision.id(), spec);
    String why = String.join("; ", forbidden.stream().map(Violation::toString).toList());
    record.status(statuses.stalled(record, history(record), "ForbiddenObjects", why));
    return Optional.of(PassResult.of(record.status(), Outcome.INVALID));
  }

  /**
   * The revision already live for exactly this render, when this is the first pass since the agent
   * started: the release's latest revision is deployed from the same commit, chart and values (by
   * this agent before a restart, or by the replica that led before). The pass still lets the engine
   * check the live objects, which records a revision only if they drifted meanwhile, but it does not
   * announce again, in Events and commit statuses, a deploy that was announced when it happened.
   */
  private Optional<Integer> deployedAlready(DesiredState desired) {
    List<ReleaseRevision> history = ctx.releases().history(desired.namespace(), desired.release());
    if (history.isEmpty() || desired.gitCommit() == null) {
      return Optional.empty();
    }
    ReleaseRevision last = history.get(history.size() - 1);
    boolean same = last.status() == RevisionStatus.DEPLOYED && desired.gitCommit().equals(last.gitCommit())
        && Objects.equals(last.chartName(), desired.chartName()) && Objects.equals(last.chartVersion(), desired.chartVersion())
        && Canonical.of(last.values()).equals(Canonical.of(desired.values()));
    return same ? Optional.of(last.number()) : Optional.empty();
  }

  /**
   * Someone changed or deleted a managed object: compare the cluster with what was last applied (not
   * with Git, which polls and pushes handle), and put it back with {@code selfHeal}. The agent's own
   * applies come back as watch events too; they compare in sync and cost nothing more.
   */
  private PassResult drift(AppRecord record, boolean heal) {
    DesiredState applied = record.desired();
    if (applied == null) {
      return PassResult.of(record.status(), Outcome.UNCHANGED);
    }
    DiffReport diff;
    try {
      diff = ctx.releases().diff(applied);
    } catch (CapstanException e) {
      record.status(statuses.driftUnknown(record, history(record), e.getMessage()));
      return PassResult.of(record.status(), Outcome.FAILED);
    }
    if (diff.inSync()) {
      if (StatusBuilder.driftReported(record)) {
        record.status(statuses.inSyncAgain(record, observe(record)));
      }
      return PassResult.of(record.status(), Outcome.UNCHANGED);
    }
    if (!heal) {
      record.status(statuses.drifted(record, observe(record), diff));
      return PassResult.of(record.status(), Outcome.COMPARED);
    }
    Application app = record.application();
    try {
      SyncResult result = ctx.releases().upgrade(applied, syncOptions(app.getSpec()));
      record.status(statuses.healed(record, observe(record), result, diff));
      ctx.events().normal(app, "DriftCorrected", "re-applied " + String.join(", ", changed(diff)) + " as revision " + result.revision().number());
      return PassResult.of(record.status(), Outcome.SYNCED);
    } catch (CapstanException e) {
      record.status(statuses.driftUnknown(record, history(record), e.getMessage()));
      ctx.events().warning(app, "SyncFailed", e.getMessage());
      return PassResult.of(record.status(), Outcome.FAILED);
    }
  }

  /**
   * A pass that could not start: the Application's cluster is not one it may use (unknown, invalid,
   * forbidden). It stalls, before any request to that cluster, until the spec or the cluster changes.
   */
  public PassResult refused(AppRecord record, String reason, String message) {
    record.status(statuses.stalled(record, new ReleaseView(shownHistory(record), null), reason, message));
    record.forgetPasses(); // once the cluster can be used again, the next pass looks at it afresh
    return PassResult.of(record.status(), Outcome.INVALID);
  }

  /** The Application's cluster cannot be reached now; the pass is retried when it comes back. */
  public PassResult unreachable(AppRecord record, String cluster, String reason, String message) {
    record.status(statuses.clusterUnreachable(record, cluster, reason, message));
    record.forgetPasses();
    return PassResult.of(record.status(), Outcome.FAILED);
  }

  private static List<HistoryEntry> shownHistory(AppRecord record) {
    return record.status() == null || record.status().history() == null ? List.of() : record.status().history();
  }

  /**
   * An object of the release changed status (a rollout progressed): read the release's health again
   * and report it when it moved, so an app does not stay Progressing after its Pods became ready.
   * Applies nothing and changes nothing else in the status.
   */
  private PassResult health(AppRecord record) {
    if (record.status() == null) {
      return PassResult.of(record.status(), Outcome.UNCHANGED);
    }
    ReleaseView view = observe(record);
    if (view.health() == null || view.health().equals(record.status().health())) {
      return PassResult.of(record.status(), Outcome.UNCHANGED);
    }
    record.status(statuses.healthChanged(record, view));
    return PassResult.of(record.status(), Outcome.UNCHANGED);
  }

  static List<String> changed(DiffReport diff) {
    return diff.objects().stream().filter(o -> o.action() != DiffAction.UNCHANGED).map(o -> o.ref().toString()).toList();
  }

  private PassResult compare(AppRecord record, AppInputs inputs, String spec) {
    PassRevision revision = inputs.revision();
    DiffReport diff;
    try {
      diff = ctx.releases().diff(render(record.application(), inputs));
    } catch (LockedDependencyException e) {
      record.status(statuses.chartRefused(record, history(record), "DependencyRefused", revision.shortId() + ": " + e.getMessage()));
      return PassResult.of(record.status(), Outcome.INVALID);
    } catch (CapstanException e) {
      record.status(statuses.renderFailed(record, history(record), revision, e.getMessage()));
      return PassResult.of(record.status(), Outcome.FAILED);
    }
    record.compared(revision.id(), spec);
    record.status(statuses.compared(record, observe(record), revision, diff.inSync()));
    return PassResult.of(record.status(), Outcome.COMPARED);
  }

  /** What a user's diff shows: every source as it is now against the cluster now. */
  public DiffReport diff(AppRecord record) {
    return ctx.releases().diff(render(record.application(), passInputs.readNow(record)));
  }

  /** Commit statuses go to the Git host of the commit deployed; a chart version has none. */
  private void commitStatus(Application app, PassRevision revision, CommitStatuses.State state, String description) {
    if (revision.isGitCommit()) {
      ctx.commitStatuses().report(app, revision.id(), state, description);
    }
  }

  /** The Application's chart at its sources' revisions, rendered as its release's next revision. */
  private DesiredState render(Application app, AppInputs inputs) {
    return ctx.metrics().render().record(() -> ctx.renderer().render(app, inputs));
  }

  /** The revisions to show, read once for the status this pass builds; health keeps its last value. */
  private ReleaseView history(AppRecord record) {
    return new ReleaseView(entries(revisions(record)), null);
  }

  /**
   * The revisions to show and the release's live health, read once for the status this pass builds.
   * A release never deployed has no health to read; a health read that fails keeps the last value
   * rather than failing a pass whose own work is done.
   */
  private ReleaseView observe(AppRecord record) {
    List<ReleaseRevision> revisions = revisions(record);
    if (revisions.isEmpty()) {
      return new ReleaseView(List.of(), null);
    }
    HealthSummary health;
    try {
      health = healthOf(ctx.releases().status(namespace(record), AppChart.releaseName(record.application()), revisions));
    } catch (CapstanException e) {
      health = null;
    }
    return new ReleaseView(entries(revisions), health);
  }

  private List<ReleaseRevision> revisions(AppRecord record) {
    String namespace = namespace(record);
    return namespace == null ? List.of() : ctx.releases().history(namespace, AppChart.releaseName(record.application()));
  }

  private static String namespace(AppRecord record) {
    ApplicationSpec spec = record.application().getSpec();
    return spec == null || spec.destination() == null ? null : spec.destination().namespace();
  }

  static HealthSummary healthOf(StatusReport report) {
    return new HealthSummary(HealthState.of(report.overall().label()), report.objects().stream()
        .filter(o -> o.health().status().isWorseThan(HealthStatus.HEALTHY))
        .map(o -> o.ref() + ": " + o.health().message())
        .findFirst().orElse(null));
  }

  private static List<HistoryEntry> entries(List<ReleaseRevision> revisions) {
    return revisions.stream()
        .sorted(Comparator.comparingInt(ReleaseRevision::number).reversed())
        .limit(HISTORY_SHOWN)
        .map(AppSyncer::entry)
        .toList();
  }

  /** A revision as the Application's status and the API show it. */
  public static HistoryEntry entry(ReleaseRevision r) {
    return new HistoryEntry(r.number(), r.gitCommit(), r.time().toString(), r.status().label(),
        r.sourceRevisions().isEmpty() ? null : r.sourceRevisions(), r.signedBy());
  }

  /** The engine options an Application's sync policy stands for. */
  public static SyncOptions syncOptions(ApplicationSpec spec) {
    SyncPolicy policy = spec.syncPolicyOrDefault();
    // Git is the source of truth: like Flux and Argo CD, the agent takes fields back from whoever changed them.
    return SyncOptions.defaults()
        .withForceConflicts(true)
        .withAtomic(policy.isAtomic())
        .withWait(policy.isAtomic())
        .withTimeout(policy.syncTimeout())
        .withHistoryLimit(policy.historyLimitOrDefault());
  }
}
