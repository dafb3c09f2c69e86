package dev.capstan.agent;

import dev.capstan.agent.AgentOperations.ClusterView;
import dev.capstan.agent.application.Application;
import dev.capstan.agent.application.ApplicationStatus.HistoryEntry;
import dev.capstan.agent.application.Destination;
import dev.capstan.agent.sync.AgentContext;
import dev.capstan.agent.sync.AppRecord;
import dev.capstan.agent.sync.AppSyncer;
import dev.capstan.engine.diff.DiffReport;
import dev.capstan.engine.history.ReleaseRevision;
import dev.capstan.engine.release.ObjectNode;
import dev.capstan.engine.release.SyncResult;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * What the front ends ask of a known application's release outside the work queue: its live diff,
 * object tree and history, a rollback, and the clusters apps deploy to. Unknown names throw
 * {@link UnknownApplicationException}.
 */
final class ReleaseActions {
  private final AppSlots slots;
  private final ClusterContexts contexts;

  ReleaseActions(AppSlots slots, ClusterContexts contexts) {
    this.slots = slots;
    this.contexts = contexts;
  }

  DiffReport diff(String name) {
    AppRecord record = slots.known(name).record();
    return new AppSyncer(contexts.of(record.application())).diff(record);
  }

  List<ObjectNode> tree(String name) {
    Application app = slots.known(name).application();
    AgentContext home = contexts.home();
    String namespace = app.getSpec().destination().namespace();
    if (home.releases().history(namespace, AppSlot.releaseName(app)).isEmpty()) {
      return List.of();
    }
    return home.releases().tree(namespace, AppSlot.releaseName(app));
  }

  List<HistoryEntry> history(String name) {
    Application app = slots.known(name).application();
    return contexts.of(app).releases().history(app.getSpec().destination().namespace(), AppSlot.releaseName(app)).stream()
        .sorted(Comparator.comparingInt(ReleaseRevision::number).reversed())
        .map(AppSyncer::entry)
        .toList();
  }

  /** Rolls {@code name} back to {@code revision} as a new revision, and records an Event saying so. */
  HistoryEntry rollback(String name, int revision) {
    Application app = slots.known(name).application();
    AgentContext on = contexts.of(app);
    SyncResult result = on.releases().rollback(app.getSpec().destination().namespace(), AppSlot.releaseName(app), revision,
        AppSyncer.syncOptions(app.getSpec()));
    ReleaseRevision r = result.revision();
    on.events().normal(app, "RolledBack", "revision " + revision + " put back as revision " + r.number());
    return AppSyncer.entry(r);
  }

  List<ClusterView> clusters() {
    Map<String, Long> apps = slots.countByCluster();
    ClusterTargets targets = contexts.targets();
    if (targets == null) {
      return List.of(new ClusterView(Destination.IN_CLUSTER, null, true, "Unknown", "", null,
          apps.getOrDefault(Destination.IN_CLUSTER, 0L)));
    }
    return targets.clusters().stream().map(c -> new ClusterView(c.name(), c.server(), c.reachable(), c.state(), c.message(), c.version(),
        apps.getOrDefault(c.name(), 0L))).toList();
  }
}
