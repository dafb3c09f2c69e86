package dev.capstan.agent.dashboard;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.capstan.agent.application.Application;
import dev.capstan.agent.application.ApplicationSpec;
import dev.capstan.agent.application.ApplicationStatus;
import dev.capstan.agent.application.Destination;
import dev.capstan.agent.application.HealthState;
import dev.capstan.agent.application.SyncState;
import dev.capstan.agent.loop.SyncWindows;
import io.fabric8.kubernetes.api.model.Condition;
import java.time.Instant;

/**
 * One application as the overview lists it.
 *
 * @param syncing a sync is running now (between the agent's Syncing event and its result)
 * @param revision the commit the status names (full SHA); the page shortens it
 * @param readyReason the Ready condition's reason ({@code Synced}, {@code SyncFailed}, …)
 * @param message why it is not in order: the Ready condition's message when it is not true, else the
 *     health message; the last sync message otherwise
 * @param lastChange when the Ready condition last changed
 * @param heldBecause the sync window holding automated syncs now, if any
 * @param cluster the cluster it deploys to: {@code spec.destination.cluster}, {@code in-cluster} when none is named
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AppRow(String name, String namespace, SyncState sync, HealthState health, boolean syncing, boolean suspended,
    String revision, String readyReason, boolean ready, String message, String lastChange, String heldBecause, String repoURL,
    String cluster) {

  static AppRow of(Application app, boolean syncing, Instant now) {
    ApplicationSpec spec = app.getSpec();
    ApplicationStatus status = app.getStatus();
    Condition ready = status == null || status.conditions() == null ? null
        : status.conditions().stream().filter(c -> "Ready".equals(c.getType())).findFirst().orElse(null);
    boolean isReady = ready != null && "True".equals(ready.getStatus());
    SyncState sync = status == null ? SyncState.UNKNOWN : status.syncState();
    HealthState health = status == null ? HealthState.UNKNOWN : status.healthState();
    String healthWhy = status == null || status.health() == null ? null : status.health().message();
    String message = ready != null && !isReady ? ready.getMessage()
        : health != HealthState.HEALTHY && healthWhy != null ? healthWhy
        : ready == null ? null : ready.getMessage();
    return new AppRow(app.getMetadata().getName(),
        spec == null || spec.destination() == null ? null : spec.destination().namespace(),
        sync, health, syncing, spec != null && spec.suspended(),
        status == null || status.sync() == null ? null : status.sync().revision(),
        ready == null ? null : ready.getReason(), isReady, message,
        ready == null ? null : ready.getLastTransitionTime(),
        spec == null ? null : SyncWindows.heldBecause(spec.syncWindowsOrEmpty(), now),
        spec == null || spec.deployedSource() == null ? null : spec.deployedSource().repoURL(),
        spec == null || spec.destination() == null ? Destination.IN_CLUSTER : spec.destination().clusterOrDefault());
  }

  /**
   * How urgently the row wants a look, lowest first: failing (not Ready, Degraded, Missing), then
   * OutOfSync, Progressing or syncing, Unknown, Suspended, and last what is Synced and Healthy.
   */
  int urgency() {
    if (health == HealthState.DEGRADED || health == HealthState.MISSING || (readyReason != null && !ready)) {
      return 0;
    }
    if (sync == SyncState.OUT_OF_SYNC) {
      return 1;
    }
    if (health == HealthState.PROGRESSING || syncing) {
      return 2;
    }
    if (sync == SyncState.UNKNOWN || health == HealthState.UNKNOWN) {
      return 3;
    }
    if (suspended || health == HealthState.SUSPENDED) {
      return 4;
    }
    return 5;
  }
}
