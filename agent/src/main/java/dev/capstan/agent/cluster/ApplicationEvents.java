package dev.capstan.agent.cluster;

import dev.capstan.agent.application.Application;
import dev.capstan.agent.feed.FeedEvent;
import dev.capstan.agent.feed.RecentEvents;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Comparator;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An Application's recent Events read back from the API server, as {@code kubectl describe capp}
 * shows them: those {@link ClusterEventRecorder} posted, found by a field selector on the involved
 * object, so they survive the agent's restarts and a change of leader (for as long as the API server
 * keeps Events, an hour by default). When the API refuses, the in-memory {@code fallback} answers.
 */
public final class ApplicationEvents implements RecentEvents {
  private static final Logger LOG = LoggerFactory.getLogger(ApplicationEvents.class);

  /**
   * By time, then by the order the API server stored them: Event timestamps keep whole seconds only,
   * and a Syncing and its Synced often share one. etcd's resource versions grow with every write.
   */
  private static final Comparator<Event> NEWEST_FIRST = Comparator.comparing((Event e) -> instant(time(e)))
      .thenComparingLong(e -> storedAt(e.getMetadata().getResourceVersion())).reversed();

  private final KubernetesClient client;
  private final RecentEvents fallback;

  public ApplicationEvents(KubernetesClient client, RecentEvents fallback) {
    this.client = client;
    this.fallback = fallback;
  }

  @Override
  public List<FeedEvent> of(Application app) {
    String namespace = app.getMetadata().getNamespace();
    if (namespace == null) {
      return fallback.of(app);
    }
    try {
      List<Event> events = client.v1().events().inNamespace(namespace)
          .withField("involvedObject.kind", "Application")
          .withField("involvedObject.name", app.getMetadata().getName())
          .list().getItems();
      return events.stream()
          .filter(e -> Application.API_VERSION.equals(e.getInvolvedObject().getApiVersion()))
          .sorted(NEWEST_FIRST)
          .limit(KEPT)
          .map(e -> new FeedEvent(time(e), "Warning".equals(e.getType()) ? FeedEvent.Type.Warning : FeedEvent.Type.Normal,
              e.getReason(), e.getMessage()))
          .toList();
    } catch (KubernetesClientException e) {
      LOG.warn("Application/{}/{}: cannot read its Events ({}); showing those this agent recorded", namespace,
          app.getMetadata().getName(), e.getMessage());
      return fallback.of(app);
    }
  }

  private static Instant instant(String time) {
    try {
      return time == null ? Instant.EPOCH : Instant.parse(time);
    } catch (DateTimeParseException e) {
      return Instant.EPOCH;
    }
  }

  private static long storedAt(String resourceVersion) {
    try {
      return resourceVersion == null ? 0 : Long.parseLong(resourceVersion);
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  /** When it last happened, ISO-8601: the time the recorder set, else when the API server stored it. */
  private static String time(Event e) {
    if (e.getLastTimestamp() != null) {
      return e.getLastTimestamp();
    }
    return e.getEventTime() != null && e.getEventTime().getTime() != null ? e.getEventTime().getTime()
        : e.getMetadata().getCreationTimestamp();
  }
}
