package dev.capstan.agent.sync;

import dev.capstan.agent.application.ApplicationStatus;
import dev.capstan.agent.application.ApplicationStatus.HealthSummary;
import dev.capstan.agent.application.ApplicationStatus.HistoryEntry;
import dev.capstan.agent.application.ApplicationStatus.SyncSummary;
import dev.capstan.agent.application.HealthState;
import dev.capstan.agent.application.SyncState;
import dev.capstan.agent.status.StatusConditions;
import dev.capstan.engine.diff.DiffReport;
import dev.capstan.engine.history.ReleaseRevision;
import dev.capstan.engine.release.ReleaseStatus;
import dev.capstan.engine.release.StatusReport;
import dev.capstan.engine.release.SyncResult;
import io.fabric8.kubernetes.api.model.Condition;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * The status each pass outcome publishes. Sync, health and conditions follow Argo CD's and Flux's
 * vocabulary ({@code Synced}/{@code OutOfSync}/{@code Unknown}; {@code Healthy}/{@code Progressing}/
 * {@code Degraded}; {@code Ready}/{@code Reconciling}/{@code Stalled}) so dashboards read it as is.
 */
final class StatusBuilder {
  private static final int HISTORY_SHOWN = 10;

  private final AgentContext ctx;

  StatusBuilder(AgentContext ctx) {
    this.ctx = ctx;
  }

  ApplicationStatus stalled(AppRecord record, String reason, String message) {
    List<Condition> c = conditions(record, false, reason, message);
    c = StatusConditions.set(c, StatusConditions.STALLED, true, reason, message, generation(record), now());
    return with(record, new SyncSummary(SyncState.UNKNOWN, revision(record)), health(record), c, history(record));
  }

  ApplicationStatus suspended(AppRecord record) {
    List<Condition> c = conditions(record, ready(record), "Suspended", "suspended: no sync runs until spec.suspend is false");
    return with(record, sync(record), health(record), c, history(record));
  }

  ApplicationStatus fetchFailed(AppRecord record, String message) {
    List<Condition> c = conditions(record, false, "GitFetchFailed", message + " (the last good revision stays in force)");
    return with(record, sync(record), health(record), c, history(record));
  }

  ApplicationStatus renderFailed(AppRecord record, dev.capstan.git.fetch.GitRevision revision, String message) {
    List<Condition> c = conditions(record, false, "RenderFailed", revision.shortSha() + ": " + message);
    return with(record, new SyncSummary(SyncState.OUT_OF_SYNC, revision.sha()), health(record), c, history(record));
  }

  ApplicationStatus compared(AppRecord record, dev.capstan.git.fetch.GitRevision revision, boolean inSync) {
    String message = inSync ? "the cluster matches " + revision.shortSha()
        : "the cluster differs from " + revision.shortSha() + "; automated sync is off, sync manually to apply";
    List<Condition> c = conditions(record, inSync, inSync ? "Synced" : "OutOfSync", message);
    return with(record, new SyncSummary(inSync ? SyncState.SYNCED : SyncState.OUT_OF_SYNC, revision.sha()), releaseHealth(record), c, history(record));
  }

  ApplicationStatus synced(AppRecord record, dev.capstan.git.fetch.GitRevision revision, SyncResult result) {
    String message = "revision " + result.revision().number() + " applied " + revision.shortSha() + " (" + revision.subject() + ")";
    List<Condition> c = conditions(record, true, "Synced", message);
    return with(record, new SyncSummary(SyncState.SYNCED, revision.sha()), releaseHealth(record), c, history(record));
  }

  ApplicationStatus syncFailed(AppRecord record, dev.capstan.git.fetch.GitRevision revision, String message) {
    List<Condition> c = conditions(record, false, "SyncFailed", revision.shortSha() + ": " + message);
    return with(record, new SyncSummary(SyncState.OUT_OF_SYNC, revision.sha()), releaseHealth(record), c, history(record));
  }

  ApplicationStatus drifted(AppRecord record, DiffReport diff) {
    String message = "changed in the cluster since it was applied: " + String.join(", ", AppSyncer.changed(diff))
        + "; selfHeal is off, sync to put Git's version back";
    List<Condition> c = conditions(record, false, "OutOfSync", message);
    return with(record, new SyncSummary(SyncState.OUT_OF_SYNC, record.syncedCommit()), releaseHealth(record), c, history(record));
  }

  ApplicationStatus healed(AppRecord record, SyncResult result, DiffReport diff) {
    String message = "drift corrected by revision " + result.revision().number() + ": " + String.join(", ", AppSyncer.changed(diff));
    List<Condition> c = conditions(record, true, "Synced", message);
    return with(record, new SyncSummary(SyncState.SYNCED, record.syncedCommit()), releaseHealth(record), c, history(record));
  }

  /** After drift that went away by itself (someone undid their change): Synced again, if it had been reported. */
  ApplicationStatus inSyncAgain(AppRecord record) {
    if (record.status() == null || record.status().sync() == null || record.status().sync().status() != SyncState.OUT_OF_SYNC
        || !Objects.equals(record.status().sync().revision(), record.syncedCommit())) {
      return record.status();
    }
    List<Condition> c = conditions(record, true, "Synced", "the cluster matches what was applied again");
    return with(record, new SyncSummary(SyncState.SYNCED, record.syncedCommit()), releaseHealth(record), c, history(record));
  }

  ApplicationStatus driftUnknown(AppRecord record, String message) {
    List<Condition> c = conditions(record, false, "DriftCheckFailed", message);
    return with(record, sync(record), health(record), c, history(record));
  }

  private List<Condition> conditions(AppRecord record, boolean ready, String reason, String message) {
    List<Condition> existing = record.status() == null ? List.of() : record.status().conditions();
    List<Condition> c = StatusConditions.set(existing, StatusConditions.READY, ready, reason, message, generation(record), now());
    c = StatusConditions.remove(c, StatusConditions.RECONCILING);
    return StatusConditions.remove(c, StatusConditions.STALLED);
  }

  private HealthSummary releaseHealth(AppRecord record) {
    StatusReport report = new ReleaseStatus(ctx.cluster(), ctx.store()).run(namespace(record), AppChart.releaseName(record.application()));
    return new HealthSummary(HealthState.of(report.overall().label()), report.objects().stream()
        .filter(o -> o.health().status().isWorseThan(dev.capstan.engine.health.HealthStatus.HEALTHY))
        .map(o -> o.ref() + ": " + o.health().message())
        .findFirst().orElse(null));
  }

  private List<HistoryEntry> history(AppRecord record) {
    return ctx.store().list(namespace(record), AppChart.releaseName(record.application())).stream()
        .sorted(Comparator.comparingInt(ReleaseRevision::number).reversed())
        .limit(HISTORY_SHOWN)
        .map(r -> new HistoryEntry(r.number(), r.gitCommit(), r.time().toString(), r.status().label()))
        .toList();
  }

  private static ApplicationStatus with(AppRecord record, SyncSummary sync, HealthSummary health, List<Condition> conditions,
      List<HistoryEntry> history) {
    return new ApplicationStatus(sync, health, conditions, history, generation(record));
  }

  private static SyncSummary sync(AppRecord record) {
    return record.status() == null || record.status().sync() == null ? new SyncSummary(SyncState.UNKNOWN, null) : record.status().sync();
  }

  private static HealthSummary health(AppRecord record) {
    return record.status() == null || record.status().health() == null ? new HealthSummary(HealthState.UNKNOWN, null) : record.status().health();
  }

  private static boolean ready(AppRecord record) {
    return record.status() != null && record.status().conditions() != null && record.status().conditions().stream()
        .anyMatch(c -> StatusConditions.READY.equals(c.getType()) && "True".equals(c.getStatus()));
  }

  private static String revision(AppRecord record) {
    return sync(record).revision();
  }

  private static String namespace(AppRecord record) {
    return record.application().getSpec().destination().namespace();
  }

  private static Long generation(AppRecord record) {
    return record.application().getMetadata() == null ? null : record.application().getMetadata().getGeneration();
  }

  private Instant now() {
    return ctx.clock().instant();
  }
}
