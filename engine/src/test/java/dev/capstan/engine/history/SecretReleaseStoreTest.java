package dev.capstan.engine.history;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import java.io.ByteArrayInputStream;
import java.util.Base64;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;

/** Plain CRUD of history Secrets; fabric8's mock server in CRUD mode is enough for that. */
@EnableKubernetesMockClient(crud = true, https = false)
class SecretReleaseStoreTest {
  KubernetesClient client;

  @Test
  void storesEachRevisionAsALabelledGzipSecret() throws Exception {
    SecretReleaseStore store = new SecretReleaseStore(client);
    store.create(HistoryTest.revision(1, RevisionStatus.PENDING));

    Secret secret = client.secrets().inNamespace("shop").withName("capstan.release.v1.web.v1").get();
    assertThat(secret.getType()).isEqualTo("capstan.dev/release.v1");
    assertThat(secret.getMetadata().getLabels())
        .containsEntry("owner", "capstan").containsEntry("name", "web")
        .containsEntry("status", "pending").containsEntry("version", "1");
    byte[] payload = Base64.getDecoder().decode(secret.getData().get("release"));
    String json = new String(new GZIPInputStream(new ByteArrayInputStream(payload)).readAllBytes());
    assertThat(json).contains("\"chartVersion\":\"1.0.1\"", "\"gitCommit\":\"abc123\"");
  }

  @Test
  void updatesStatusAndListsInOrder() {
    SecretReleaseStore store = new SecretReleaseStore(client);
    store.create(HistoryTest.revision(2, RevisionStatus.PENDING));
    store.create(HistoryTest.revision(1, RevisionStatus.DEPLOYED));
    store.update(HistoryTest.revision(2, RevisionStatus.DEPLOYED));
    store.update(HistoryTest.revision(1, RevisionStatus.SUPERSEDED));

    assertThat(store.list("shop", "web")).extracting(ReleaseRevision::number, ReleaseRevision::status)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(1, RevisionStatus.SUPERSEDED),
            org.assertj.core.groups.Tuple.tuple(2, RevisionStatus.DEPLOYED));
    assertThat(client.secrets().inNamespace("shop").withName("capstan.release.v1.web.v2").get().getMetadata().getLabels())
        .containsEntry("status", "deployed");

    store.delete("shop", "web", 1);
    assertThat(store.list("shop", "web")).extracting(ReleaseRevision::number).containsExactly(2);
    assertThat(store.list("shop", "other")).isEmpty();
  }
}
