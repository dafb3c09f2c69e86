package dev.capstan.agent;

import dev.capstan.agent.application.HealthState;
import dev.capstan.agent.application.SyncState;
import dev.capstan.agent.loop.WorkQueue;
import dev.capstan.agent.metrics.AgentMetrics;
import dev.capstan.agent.sync.AppRecord;
import java.util.Map;

/** The agent's gauges: the work queue's depth and the applications by sync and by health status. */
final class AgentGauges {
  private AgentGauges() {}

  static void register(AgentMetrics metrics, WorkQueue<String> queue, AppSlots slots) {
    metrics.gauge("capstan.queue.depth", "Applications waiting for a pass", Map.of(), queue::depth);
    for (SyncState sync : SyncState.values()) {
      metrics.gauge("capstan.applications", "Applications by sync status", Map.of("sync", sync.label()),
          () -> slots.count(r -> syncOf(r) == sync));
    }
    for (HealthState health : HealthState.values()) {
      metrics.gauge("capstan.applications.health", "Applications by health status", Map.of("health", health.label()),
          () -> slots.count(r -> healthOf(r) == health));
    }
  }

  private static SyncState syncOf(AppRecord r) {
    return r.status() == null ? SyncState.UNKNOWN : r.status().syncState();
  }

  private static HealthState healthOf(AppRecord r) {
    return r.status() == null ? HealthState.UNKNOWN : r.status().healthState();
  }
}
