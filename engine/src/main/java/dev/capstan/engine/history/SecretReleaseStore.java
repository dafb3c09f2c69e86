package dev.capstan.engine.history;

import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Keeps each revision as a Secret in the release namespace, so history lives with the release and
 * needs no database: name {@code capstan.release.v1.<release>.v<N>}, type
 * {@code capstan.dev/release.v1}, key {@code release} holding gzip-compressed JSON, labels
 * {@code owner=capstan}, {@code name}, {@code status}, {@code version} for cheap listing.
 */
public final class SecretReleaseStore implements ReleaseStore {
  public static final String TYPE = "capstan.dev/release.v1";
  static final String KEY = "release";

  private final KubernetesClient client;

  public SecretReleaseStore(KubernetesClient client) {
    this.client = client;
  }

  public static String secretName(String release, int number) {
    return "capstan.release.v1." + release + ".v" + number;
  }

  @Override
  public List<ReleaseRevision> list(String namespace, String release) {
    List<Secret> secrets;
    try {
      secrets = client.secrets().inNamespace(namespace)
          .withLabels(Map.of("owner", "capstan", "name", release)).list().getItems();
    } catch (KubernetesClientException e) {
      throw new HistoryException(namespace, release, "could not list history: " + e.getMessage(), e);
    }
    List<ReleaseRevision> revisions = new ArrayList<>();
    for (Secret secret : secrets) {
      if (TYPE.equals(secret.getType())) {
        revisions.add(decode(namespace, release, secret));
      }
    }
    revisions.sort(Comparator.comparingInt(ReleaseRevision::number));
    return revisions;
  }

  @Override
  public void create(ReleaseRevision revision) {
    try {
      client.secrets().inNamespace(revision.namespace()).resource(toSecret(revision)).create();
    } catch (KubernetesClientException e) {
      throw new HistoryException(revision.namespace(), revision.release(),
          "could not record revision " + revision.number() + ": " + e.getMessage(), e);
    }
  }

  @Override
  public void update(ReleaseRevision revision) {
    String name = secretName(revision.release(), revision.number());
    Secret secret = toSecret(revision);
    // One merge patch of what changes (status label, payload) rather than a read and a replace: a
    // sync writes two revisions, and every round trip is on the path from push to applied.
    String patch = client.getKubernetesSerialization().asJson(Map.of(
        "metadata", Map.of("labels", secret.getMetadata().getLabels()), "data", secret.getData()));
    try {
      client.secrets().inNamespace(revision.namespace()).withName(name).patch(PatchContext.of(PatchType.JSON_MERGE), patch);
    } catch (KubernetesClientException e) {
      if (e.getCode() == 404) {
        throw new HistoryException(revision.namespace(), revision.release(), "revision " + revision.number() + " does not exist", e);
      }
      throw new HistoryException(revision.namespace(), revision.release(),
          "could not update revision " + revision.number() + ": " + e.getMessage(), e);
    }
  }

  @Override
  public void delete(String namespace, String release, int number) {
    try {
      client.secrets().inNamespace(namespace).withName(secretName(release, number)).delete();
    } catch (KubernetesClientException e) {
      throw new HistoryException(namespace, release, "could not delete revision " + number + ": " + e.getMessage(), e);
    }
  }

  private static Secret toSecret(ReleaseRevision revision) {
    return new SecretBuilder()
        .withNewMetadata()
        .withName(secretName(revision.release(), revision.number()))
        .withNamespace(revision.namespace())
        .addToLabels("owner", "capstan")
        .addToLabels("name", revision.release())
        .addToLabels("status", revision.status().label())
        .addToLabels("version", Integer.toString(revision.number()))
        .endMetadata()
        .withType(TYPE)
        .addToData(KEY, Base64.getEncoder().encodeToString(RevisionCodec.encode(revision)))
        .build();
  }

  private static ReleaseRevision decode(String namespace, String release, Secret secret) {
    String payload = secret.getData() == null ? null : secret.getData().get(KEY);
    if (payload == null) {
      throw new HistoryException(namespace, release, "Secret " + secret.getMetadata().getName() + " has no " + KEY + " key");
    }
    try {
      return RevisionCodec.decode(Base64.getDecoder().decode(payload));
    } catch (IOException | IllegalArgumentException e) {
      throw new HistoryException(namespace, release, "Secret " + secret.getMetadata().getName() + " is not a readable revision: " + e.getMessage(), e);
    }
  }
}
