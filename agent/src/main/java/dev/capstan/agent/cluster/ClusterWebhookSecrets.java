package dev.capstan.agent.cluster;

import dev.capstan.core.CapstanException;
import dev.capstan.webhook.event.RepoId;
import dev.capstan.webhook.verify.RefreshingValue;
import dev.capstan.webhook.verify.SecretValues;
import dev.capstan.webhook.verify.WebhookSecrets;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

/**
 * Per-repository webhook secrets read through the API (cluster mode): {@value #VARIABLE} names Secrets
 * in the agent's own namespace, comma-separated, each with the keys of the folder variant
 * ({@code CAPSTAN_WEBHOOK_REPOSITORY_SECRETS_DIR}): {@code repository}, the repository's URL in any
 * spelling, and {@code secret}, then the only secret accepted for its deliveries. The chart grants
 * {@code get} on exactly these names. Each is read when the agent starts (a missing or incomplete one
 * stops it) and again with that {@code get} when a delivery comes and the last read is older than
 * {@link RefreshingValue#MAX_AGE}, so a rotated Secret applies without a restart and without a
 * watch or list on Secrets; a read that fails then keeps the last good secret.
 */
public final class ClusterWebhookSecrets {
  public static final String VARIABLE = "CAPSTAN_WEBHOOK_REPOSITORY_SECRETS";

  private ClusterWebhookSecrets() {
  }

  /** Adds the repositories' secrets {@code environment} names to {@code builder}; a Secret that is missing or lacks a key is an error naming it. */
  public static WebhookSecrets.Builder addTo(WebhookSecrets.Builder builder, KubernetesClient client, Map<String, String> environment) {
    String names = environment.get(VARIABLE);
    if (names == null || names.isBlank()) {
      return builder;
    }
    String namespace = environment.getOrDefault("POD_NAMESPACE", client.getNamespace());
    for (String raw : names.split(",")) {
      String name = raw.strip();
      if (!name.isEmpty()) {
        builder.repositories(RefreshingValue.of(() -> {
          Map<String, String> keys = read(client, namespace, name);
          return Map.of(RepoId.of(keys.get("repository").strip()), SecretValues.parse(keys.get("secret")));
        }));
      }
    }
    return builder;
  }

  private static Map<String, String> read(KubernetesClient client, String namespace, String name) {
    String where = "$" + VARIABLE + ": Secret " + namespace + "/" + name;
    Secret secret;
    try {
      secret = client.secrets().inNamespace(namespace).withName(name).get();
    } catch (KubernetesClientException e) {
      throw new CapstanException(where, "cannot be read (HTTP " + e.getCode() + ")");
    }
    if (secret == null) {
      throw new CapstanException(where, "not found");
    }
    Map<String, String> data = secret.getData() == null ? Map.of() : secret.getData();
    for (String key : new String[] {"repository", "secret"}) {
      String value = data.get(key);
      if (value == null || value.isBlank()) {
        throw new CapstanException(where, "key \"" + key + "\" is missing or empty");
      }
    }
    return Map.of("repository", decode(data.get("repository")), "secret", decode(data.get("secret")));
  }

  private static String decode(String base64) {
    return new String(Base64.getDecoder().decode(base64), StandardCharsets.UTF_8);
  }
}
