package dev.capstan.agent.cluster;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.capstan.agent.application.Application;
import dev.capstan.agent.application.ApplicationStatus;
import dev.capstan.agent.status.StatusSink;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes an Application's status to its {@code status} subresource, replacing it whole with one JSON
 * Patch {@code add} operation: no resourceVersion, so a spec edit racing with a pass never makes the
 * status write fail, and the agent only ever touches {@code status}. A merge patch would not do: the
 * status omits empty fields, and a merge patch leaves a field it omits as it was (a health message
 * long after the app turned Healthy).
 */
public final class ClusterStatusSink implements StatusSink {
  private static final Logger LOG = LoggerFactory.getLogger(ClusterStatusSink.class);
  private static final ObjectMapper JSON = new ObjectMapper();

  private final KubernetesClient client;

  public ClusterStatusSink(KubernetesClient client) {
    this.client = client;
  }

  @Override
  public void publish(Application app, ApplicationStatus status) {
    String namespace = app.getMetadata().getNamespace();
    String name = app.getMetadata().getName();
    try {
      String patch = JSON.writeValueAsString(List.of(Map.of("op", "add", "path", "/status", "value", status)));
      client.resources(Application.class).inNamespace(namespace).withName(name)
          .subresource("status").patch(PatchContext.of(PatchType.JSON), patch);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write the status of Application/" + namespace + "/" + name, e);
    } catch (KubernetesClientException e) {
      if (e.getCode() == 404) {
        return;
      }
      LOG.warn("Application/{}/{}: cannot write status: {}", namespace, name, e.getMessage());
    }
  }

  @Override
  public void released(Application app) {
    String namespace = app.getMetadata().getNamespace();
    String name = app.getMetadata().getName();
    try {
      client.resources(Application.class).inNamespace(namespace).withName(name).edit(live -> {
        live.getMetadata().getFinalizers().remove(Application.RESOURCES_FINALIZER);
        return live;
      });
    } catch (KubernetesClientException e) {
      if (e.getCode() != 404) {
        LOG.warn("Application/{}/{}: cannot remove finalizer {}: {}", namespace, name, Application.RESOURCES_FINALIZER, e.getMessage());
      }
    }
  }
}
