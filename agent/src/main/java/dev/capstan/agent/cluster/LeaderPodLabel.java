package dev.capstan.agent.cluster;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import java.util.HashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Marks this replica's Pod with {@code capstan.dev/leader: "true"} while it leads, so that a Service
 * selecting the label sends webhooks and API calls to the one replica that knows the applications.
 * A restarted container keeps its Pod's labels, so the mark is cleared at start too. Failing to
 * write it never stops the agent: polls still find every commit.
 */
public final class LeaderPodLabel {
  public static final String LABEL = "capstan.dev/leader";
  private static final Logger LOG = LoggerFactory.getLogger(LeaderPodLabel.class);

  private final KubernetesClient client;
  private final String namespace;
  private final String pod;

  /**
   * @param namespace the Pod's namespace ({@code POD_NAMESPACE} from the downward API)
   * @param pod the Pod's name ({@code POD_NAME})
   */
  public LeaderPodLabel(KubernetesClient client, String namespace, String pod) {
    this.client = client;
    this.namespace = namespace;
    this.pod = pod;
  }

  public void set(boolean leading) {
    Map<String, Object> labels = new HashMap<>();
    labels.put(LABEL, leading ? "true" : null); // null removes the label in a merge patch
    String patch = client.getKubernetesSerialization().asJson(Map.of("metadata", Map.of("labels", labels)));
    try {
      // On a bare named resource fabric8 reads the Pod before patching; on this stub it sends the one
      // PATCH, which is all the install chart grants (pods: patch).
      Pod self = new PodBuilder().withNewMetadata().withNamespace(namespace).withName(pod).endMetadata().build();
      client.pods().inNamespace(namespace).resource(self).patch(PatchContext.of(PatchType.JSON_MERGE), patch);
    } catch (KubernetesClientException | IllegalStateException e) { // IllegalState: the client is already closed
      LOG.warn("Pod/{}/{}: cannot {} label {} ({}); webhooks sent to the Service may reach a standby and wait for the next poll",
          namespace, pod, leading ? "set" : "clear", LABEL, e.getMessage());
    }
  }
}
