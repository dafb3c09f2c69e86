package dev.capstan.agent.sync;

import dev.capstan.agent.application.ApplicationStatus;
import dev.capstan.agent.application.ApplicationStatus.HealthSummary;
import dev.capstan.agent.application.ApplicationStatus.HistoryEntry;
import dev.capstan.agent.application.ApplicationStatus.SyncSummary;
import dev.capstan.agent.application.HealthState;
import dev.capstan.agent.application.SyncState;
import dev.capstan.agent.status.StatusConditions;
import dev.capstan.engine.diff.DiffReport;
import dev.capstan.engine.release.SyncResult;
import io.fabric8.kubernetes.api.model.Condition;
import java.time.Clock;
import java.util.List;
import java.util.Objects;

/**
 * The status each pass outcome publishes. Sync, health and conditions follow Argo CD's and Flux's
 * vocabulary ({@code Synced}/{@code OutOfSync}/{@code Unknown}; {@code Healthy}/{@code Progressing}/
 * {@code Degraded}; {@code Ready}/{@code Reconciling}/{@code Stalled}) so dashboards read it as is.
 * Pure: it builds from the record and what the pass read ({@link ReleaseView}), and calls nothing.
 */
final class StatusBuilder {
  private final Clock clock;

  StatusBuilder(Clock clock) {
    this.clock = clock;
  }

  ApplicationStatus stalled(AppRecord record, ReleaseView release, String reason, String message) {
    List<Condition> c = conditions(record, false, reason, message);
    c = StatusConditions.set(c, StatusConditions.STALLED, true, reason, message, generation(record), clock.instant());
    return with(record, new SyncSummary(SyncState.UNKNOWN, revision(record)), health(record, release), c, release);
  }

  ApplicationStatus suspended(AppRecord record, ReleaseView release) {
    List<Condition> c = conditions(record, ready(record), "Suspended", "suspended: no sync runs until spec.suspend is false");
    return with(record, sync(record), health(record, release), c, release);
  }

  ApplicationStatus fetchFailed(AppRecord record, ReleaseView release, String message) {
    return sourceFailed(record, release, "GitFetchFailed", message);
  }

  /** A source could not be read ({@code reason} says which kind); what is live stays. */
  ApplicationStatus sourceFailed(AppRecord record, ReleaseView release, String reason, String message) {
    List<Condition> c = conditions(record, false, reason, message + " (the last good revision stays in force)");
    return with(record, sync(record), health(record, release), c, release);
  }

  /** What the ref resolves to is not signed by a trusted key: nothing is applied, what is live stays. */
  ApplicationStatus verificationRefused(AppRecord record, ReleaseView release, String reason, String message) {
    String live = record.syncedCommit() == null ? "nothing is applied" : "not applied; " + record.syncedCommit() + " stays live";
    List<Condition> c = conditions(record, false, reason, message + "; " + live);
    return with(record, sync(record), health(record, release), c, release);
  }

  /** The chart's provenance does not hold: stalled until the chart or the keys change; nothing is applied, what is live stays. */
  ApplicationStatus chartRefused(AppRecord record, ReleaseView release, String reason, String message) {
    String live = record.syncedCommit() == null ? "nothing is applied" : "not applied; " + record.syncedCommit() + " stays live";
    return stalled(record, release, reason, message + "; " + live);
  }

    ApplicationStatus renderFailed(AppRecord record, ReleaseView release, PassRevision revision, String message) {
    List<Condition> c = conditions(record, false, "RenderFailed", revision.shortId() + ": " + message);
    return with(record, new SyncSummary(SyncState.OUT_OF_SYNC, revision.id()), health(record, release), c, release);
  }

  ApplicationStatus compared(AppRecord record, ReleaseView release, PassRevision revision, boolean inSync) {
    String message = inSync ? "the cluster matches " + revision.shortId()
        : "the cluster differs from " + revision.shortId() + "; automated sync is off, sync manually to apply";
    List<Condition> c = conditions(record, inSync, inSync ? "Synced" : "OutOfSync", message);
    return with(record, new SyncSummary(inSync ? SyncState.SYNCED : SyncState.OUT_OF_SYNC, revision.id()), health(record, release), c,
        release);
  }

  ApplicationStatus synced(AppRecord record, ReleaseView release, PassRevision revision, SyncResult result) {
    String message = "revision " + result.revision().number() + " applied " + revision.shortId() + " (" + revision.subject() + ")";
    List<Condition> c = conditions(record, true, "Synced", message);
    return with(record, new SyncSummary(SyncState.SYNCED, revision.id(), sourceRevisions(record)), health(record, release), c, release);
  }

  ApplicationStatus syncFailed(AppRecord record, ReleaseView release, PassRevision revision, String message) {
    List<Condition> c = conditions(record, false, "SyncFailed", revision.shortId() + ": " + message);
    return with(record, new SyncSummary(SyncState.OUT_OF_SYNC, revision.id()), health(record, release), c, release);
  }

  ApplicationStatus drifted(AppRecord record, ReleaseView release, DiffReport diff) {
    String message = "changed in the cluster since it was applied: " + String.join(", ", AppSyncer.changed(diff))
        + "; selfHeal is off, sync to put Git's version back";
    List<Condition> c = conditions(record, false, "OutOfSync", message);
    return with(record, new SyncSummary(SyncState.OUT_OF_SYNC, record.syncedCommit()), health(record, release), c, release);
  }

  ApplicationStatus healed(AppRecord record, ReleaseView release, SyncResult result, DiffReport diff) {
    String message = "drift corrected by revision " + result.revision().number() + ": " + String.join(", ", AppSyncer.changed(diff));
    List<Condition> c = conditions(record, true, "Synced", message);
    return with(record, new SyncSummary(SyncState.SYNCED, record.syncedCommit(), sourceRevisions(record)), health(record, release), c,
        release);
  }

  /** Each source's commit in what was last applied, when it came from several; else null. */
  private static java.util.Map<String, String> sourceRevisions(AppRecord record) {
    return record.desired() == null || record.desired().sourceRevisions().isEmpty() ? null : record.desired().sourceRevisions();
  }

  /** Whether drift of the last applied state was reported, so its going away is worth a new status. */
  static boolean driftReported(AppRecord record) {
    return record.status() != null && record.status().syncState() == SyncState.OUT_OF_SYNC
        && Objects.equals(record.status().sync().revision(), record.syncedCommit());
  }

  /** After drift that went away by itself (someone undid their change): Synced again; see {@link #driftReported}. */
  ApplicationStatus inSyncAgain(AppRecord record, ReleaseView release) {
    List<Condition> c = conditions(record, true, "Synced", "the cluster matches what was applied again");
    return with(record, new SyncSummary(SyncState.SYNCED, record.syncedCommit()), health(record, release), c, release);
  }

  /**
   * The Application's cluster cannot be reached: sync and health are unknown (the last revision
   * applied may well still run there), and {@code ClusterUnreachable} says why.
   */
  ApplicationStatus clusterUnreachable(AppRecord record, String cluster, String reason, String message) {
    String why = "cluster " + cluster + " is unreachable: " + message;
    List<Condition> c = conditions(record, false, StatusConditions.CLUSTER_UNREACHABLE, why);
    c = StatusConditions.set(c, StatusConditions.CLUSTER_UNREACHABLE, true, reason, why, generation(record), clock.instant());
    List<HistoryEntry> history = record.status() == null || record.status().history() == null ? List.of() : record.status().history();
    return with(record, new SyncSummary(SyncState.UNKNOWN, revision(record)), new HealthSummary(HealthState.UNKNOWN, why), c,
        new ReleaseView(history, null));
  }

  /** The same status with the health just read: a rollout went on after the pass that applied it. */
  ApplicationStatus healthChanged(AppRecord record, ReleaseView release) {
    List<Condition> c = record.status().conditions() == null ? List.of() : record.status().conditions();
    return with(record, sync(record), health(record, release), c, release);
  }

  ApplicationStatus driftUnknown(AppRecord record, ReleaseView release, String message) {
    List<Condition> c = conditions(record, false, "DriftCheckFailed", message);
    return with(record, sync(record), health(record, release), c, release);
  }

  private List<Condition> conditions(AppRecord record, boolean ready, String reason, String message) {
    List<Condition> existing = record.status() == null ? List.of() : record.status().conditions();
    List<Condition> c = StatusConditions.set(existing, StatusConditions.READY, ready, reason, message, generation(record), clock.instant());
    c = StatusConditions.remove(c, StatusConditions.RECONCILING);
    c = StatusConditions.remove(c, StatusConditions.CLUSTER_UNREACHABLE);
    return StatusConditions.remove(c, StatusConditions.STALLED);
  }

  private static ApplicationStatus with(AppRecord record, SyncSummary sync, HealthSummary health, List<Condition> conditions,
      ReleaseView release) {
    List<HistoryEntry> history = release.history();
    return new ApplicationStatus(sync, health, conditions, history, generation(record), cluster(record));
  }

  private static SyncSummary sync(AppRecord record) {
    return record.status() == null || record.status().sync() == null ? new SyncSummary(SyncState.UNKNOWN, null) : record.status().sync();
  }

  /** The health the pass read, else the last one reported. */
  private static HealthSummary health(AppRecord record, ReleaseView release) {
    if (release.health() != null) {
      return release.health();
    }
    return record.status() == null || record.status().health() == null
        ? new HealthSummary(HealthState.UNKNOWN, null) : record.status().health();
  }

  private static boolean ready(AppRecord record) {
    return record.status() != null && record.status().conditions() != null && record.status().conditions().stream()
        .anyMatch(c -> StatusConditions.READY.equals(c.getType()) && "True".equals(c.getStatus()));
  }

  private static String revision(AppRecord record) {
    return sync(record).revision();
  }

  /** The cluster the Application deploys to, as its spec names it; null for a spec without a destination. */
  private static String cluster(AppRecord record) {
    var spec = record.application().getSpec();
    return spec == null || spec.destination() == null ? null : spec.destination().clusterOrDefault();
  }

  private static Long generation(AppRecord record) {
    return record.application().getMetadata() == null ? null : record.application().getMetadata().getGeneration();
  }
}
