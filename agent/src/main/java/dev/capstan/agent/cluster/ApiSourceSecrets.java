package dev.capstan.agent.cluster;

import dev.capstan.agent.application.Application;
import dev.capstan.agent.application.ApplicationException;
import dev.capstan.agent.sync.SourceSecrets;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.TreeMap;

/**
 * Cluster mode: a name is a Secret in the Application's own namespace (the one the agent watches),
 * read through the API with a {@code get} the chart grants in that namespace only. Nothing is mounted,
 * and an Application cannot name a Secret of another namespace.
 */
public final class ApiSourceSecrets implements SourceSecrets {
  private final KubernetesClient client;

  public ApiSourceSecrets(KubernetesClient client) {
    this.client = client;
  }

  @Override
  public Map<String, byte[]> read(Application app, String name) {
    Secret secret;
    try {
      secret = client.secrets().inNamespace(namespace(app)).withName(name).get();
    } catch (KubernetesClientException e) {
      throw new ApplicationException(describe(app, name), "cannot be read (HTTP " + e.getCode() + ")"
          + (e.getCode() == 403 ? ": the agent's Role must allow get on secrets in " + namespace(app) : ""));
    }
    if (secret == null) {
      throw new ApplicationException(describe(app, name), "not found");
    }
    Map<String, byte[]> keys = new TreeMap<>();
    if (secret.getData() != null) {
      secret.getData().forEach((k, v) -> keys.put(k, Base64.getDecoder().decode(v == null ? "" : v)));
    }
    if (secret.getStringData() != null) {
      secret.getStringData().forEach((k, v) -> keys.put(k, (v == null ? "" : v).getBytes(StandardCharsets.UTF_8)));
    }
    return keys;
  }

  @Override
  public String describe(Application app, String name) {
    return "Secret " + namespace(app) + "/" + name;
  }

  private String namespace(Application app) {
    String ns = app.getMetadata() == null ? null : app.getMetadata().getNamespace();
    return ns == null || ns.isBlank() ? client.getNamespace() : ns;
  }
}
