package dev.capstan.agent.cluster;

import dev.capstan.agent.application.Application;
import dev.capstan.agent.application.Destination;
import dev.capstan.agent.status.EventRecorder;
import io.fabric8.kubernetes.api.model.EventBuilder;
import io.fabric8.kubernetes.api.model.ObjectReferenceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Events on the Application resource, as {@code kubectl describe capp NAME} shows them. Never fails a sync.
 * Each names the cluster the Application deploys to in the {@value #CLUSTER_KEY} annotation, and in a
 * label of that name when the name fits a label value (63 characters), so {@code kubectl get events -l
 * capstan.dev/cluster=prod} lists one cluster's.
 */
public final class ClusterEventRecorder implements EventRecorder {
  /** The annotation and label naming the Application's cluster on its Events. */
  public static final String CLUSTER_KEY = "capstan.dev/cluster";
  private static final int MAX_LABEL_VALUE = 63;

  private static final Logger LOG = LoggerFactory.getLogger(ClusterEventRecorder.class);
  private static final int MAX_MESSAGE = 1024;

  private final KubernetesClient client;
  private final String component;

  public ClusterEventRecorder(KubernetesClient client, String component) {
    this.client = client;
    this.component = component;
  }

  @Override
  public void normal(Application app, String reason, String message) {
    post(app, "Normal", reason, message);
  }

  @Override
  public void warning(Application app, String reason, String message) {
    post(app, "Warning", reason, message);
  }

  private void post(Application app, String type, String reason, String message) {
    String namespace = app.getMetadata().getNamespace();
    if (namespace == null) {
      return;
    }
    String now = Instant.now().toString();
    String cluster = app.getSpec() == null || app.getSpec().destination() == null ? Destination.IN_CLUSTER
        : app.getSpec().destination().clusterOrDefault();
    var event = new EventBuilder()
        .withNewMetadata().withNamespace(namespace)
        .withName(app.getMetadata().getName() + "." + UUID.randomUUID().toString().substring(0, 8))
        .addToAnnotations(CLUSTER_KEY, cluster)
        .addToLabels(cluster.length() <= MAX_LABEL_VALUE ? Map.of(CLUSTER_KEY, cluster) : Map.of()).endMetadata()
        .withInvolvedObject(new ObjectReferenceBuilder().withApiVersion(Application.API_VERSION).withKind("Application")
            .withNamespace(namespace).withName(app.getMetadata().getName()).withUid(app.getMetadata().getUid()).build())
        .withType(type).withReason(reason)
        .withMessage(message.length() > MAX_MESSAGE ? message.substring(0, MAX_MESSAGE) : message)
        .withNewSource().withComponent(component).endSource()
        .withFirstTimestamp(now).withLastTimestamp(now).withCount(1)
        .build();
    try {
      client.v1().events().inNamespace(namespace).resource(event).create();
    } catch (KubernetesClientException e) {
      LOG.warn("Application/{}/{}: cannot post event {}: {}", namespace, app.getMetadata().getName(), reason, e.getMessage());
    }
  }
}
