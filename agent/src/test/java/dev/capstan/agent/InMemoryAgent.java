package dev.capstan.agent;

import dev.capstan.agent.application.Application;
import dev.capstan.agent.application.ApplicationSpec;
import dev.capstan.agent.application.ApplicationStatus;
import dev.capstan.agent.application.ApplicationStatus.HealthSummary;
import dev.capstan.agent.application.ApplicationStatus.HistoryEntry;
import dev.capstan.agent.application.ApplicationStatus.SyncSummary;
import dev.capstan.agent.application.Destination;
import dev.capstan.agent.application.Source;
import dev.capstan.engine.diff.DiffReport;
import dev.capstan.engine.health.Health;
import dev.capstan.engine.release.ObjectNode;
import dev.capstan.engine.resource.ObjectRef;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.ConditionBuilder;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An in-memory stand-in for the agent, for what reads statuses only (the HTTP API, the dashboard and
 * its bench): the applications are a live view of a map the caller may change between requests.
 * Unknown names throw {@link UnknownApplicationException} as the agent does; for a known one the diff
 * and history are empty, a sync is queued, a rollback answers revision 2, and the tree is a
 * Deployment {@code web} rolling out in the application's namespace.
 */
public final class InMemoryAgent implements AgentOperations {
  private final Map<String, Application> apps;

  public InMemoryAgent(Map<String, Application> apps) {
    this.apps = apps;
  }

  /** An application last seen at {@code sync} with {@code health}, its Ready condition {@code ready}. */
  public static Application app(String name, Source source, String namespace, SyncSummary sync, HealthSummary health,
      Condition ready) {
    Application app = new Application();
    app.setMetadata(new ObjectMetaBuilder().withName(name).build());
    app.setSpec(new ApplicationSpec(source, new Destination(namespace, null), null, null, null, null));
    app.setStatus(new ApplicationStatus(sync, health, List.of(ready), List.of(), 1L));
    return app;
  }

  /** A Ready condition: True with reason Synced after a sync that applied, else False with SyncFailed. */
  public static Condition ready(boolean synced, String message) {
    return new ConditionBuilder().withType("Ready").withStatus(synced ? "True" : "False").withReason(synced ? "Synced" : "SyncFailed")
        .withMessage(message).withLastTransitionTime("2026-12-04T10:00:00Z").build();
  }

  private Application known(String name) {
    Application app = apps.get(name);
    if (app == null) {
      throw new UnknownApplicationException(name);
    }
    return app;
  }

  @Override public List<Application> applications() {
    return List.copyOf(apps.values());
  }

  @Override public Optional<Application> application(String name) {
    return Optional.ofNullable(apps.get(name));
  }

  @Override public DiffReport diff(String name) {
    known(name);
    return new DiffReport(List.of());
  }

  @Override public List<ObjectNode> tree(String name) {
    String ns = known(name).getSpec().destination().namespace();
    ObjectNode pod = new ObjectNode(new ObjectRef("v1", "Pod", ns, "web-1-a"), Health.progressing("not ready (Pending)"), false, List.of());
    ObjectNode rs = new ObjectNode(new ObjectRef("apps/v1", "ReplicaSet", ns, "web-1"), Health.progressing("0/1 ready"), false, List.of(pod));
    return List.of(new ObjectNode(new ObjectRef("apps/v1", "Deployment", ns, "web"), Health.progressing("0/1 ready"), true, List.of(rs)));
  }

  @Override public List<HistoryEntry> history(String name) {
    known(name);
    return List.of();
  }

  @Override public Optional<String> requestSync(String name, boolean override) {
    known(name);
    return Optional.empty();
  }

  @Override public HistoryEntry rollback(String name, int revision) {
    known(name);
    return new HistoryEntry(2, "abc", "2026-12-04T10:00:00Z", "deployed");
  }

  @Override public boolean ready() {
    return true;
  }
}
