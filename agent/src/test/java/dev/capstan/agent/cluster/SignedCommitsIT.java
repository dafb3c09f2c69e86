package dev.capstan.agent.cluster;

import static dev.capstan.agent.AgentFixture.await;
import static dev.capstan.agent.AgentFixture.configMapChart;
import static dev.capstan.agent.cluster.ClusterAgent.message;
import static dev.capstan.agent.cluster.ClusterAgent.status;
import static dev.capstan.agent.cluster.ClusterAgent.synced;
import static org.assertj.core.api.Assertions.assertThat;

import dev.capstan.agent.application.ApplicationStatus;
import dev.capstan.agent.status.StatusConditions;
import dev.capstan.git.testing.Gpg;
import dev.capstan.git.testing.Upstream;
import dev.capstan.testsupport.KubeApiServerTest;
import dev.capstan.testsupport.KubeEnv;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code spec.source.verify} in cluster mode: the trusted OpenPGP key comes from a Secret read through
 * the API; commits are signed by the real git with a key gpg made for the test. A signed commit is
 * applied; an unsigned one is not, the status names it, and the signed revision stays live.
 */
@KubeApiServerTest
class SignedCommitsIT {
  private static final Duration WAIT = Duration.ofSeconds(60);

  KubernetesClient client;
  KubeEnv env;

  @BeforeEach
  void crd() throws Exception {
    ClusterAgent.installCrd(client);
  }

  private Condition ready(String ns, String name) {
    ApplicationStatus s = status(client, ns, name);
    return s == null || s.conditions() == null ? null : s.conditions().stream()
        .filter(c -> StatusConditions.READY.equals(c.getType())).findFirst().orElse(null);
  }

  @Test
  void aSignedCommitIsAppliedAndAnUnsignedOneIsRefusedWhileTheSignedRevisionStaysLive(@TempDir Path tmp) throws Exception {
    String ns = env.newNamespace("signed");
    try (Gpg gpg = Gpg.in(tmp)) {
      String alice = gpg.newKey("Alice <alice@example.com>");
      Upstream upstream = Upstream.create(java.nio.file.Files.createDirectories(tmp.resolve("git")), "shop").withEnv("GNUPGHOME", gpg.home().toString());
      String signed = upstream.commit("signed v1", configMapChart("apps/web", "web", "v1"), "-S" + alice);
      upstream.git("push", "-q", "origin", "HEAD");
      client.secrets().inNamespace(ns).resource(new SecretBuilder().withNewMetadata().withName("trusted-keys").endMetadata()
          .withStringData(Map.of("alice.asc", gpg.exportArmored(alice))).build()).create();

      try (ClusterAgent agent = new ClusterAgent(tmp.resolve("cache"), env.server().newClient(ns), ns)) {
        ClusterAgent.create(client, ns, """
            apiVersion: capstan.dev/v1alpha1
            kind: Application
            metadata: {name: web}
            spec:
              source:
                repoURL: "%s"
                ref: main
                path: apps/web
                verify: {mode: HEAD, secretRef: trusted-keys}
              destination: {namespace: %s}
              syncPolicy: {automated: true, interval: 1s}
            """.formatted(upstream.fileUrl(), ns));

        await("web Synced at the signed commit", WAIT, () -> synced(client, ns, "web", signed));
        assertThat(message(client, ns, "web-config")).isEqualTo("v1");
        await("the status history names who signed the commit", WAIT, () -> status(client, ns, "web").history() != null
            && !status(client, ns, "web").history().isEmpty());
        assertThat(status(client, ns, "web").history().get(0).signedBy()).startsWith("Alice <alice@example.com> (key ");

        String unsigned = upstream.push("unsigned v2", configMapChart("apps/web", "web", "v2"));

        await("the unsigned commit refused", WAIT, () -> ready(ns, "web") != null
            && "UnverifiedCommit".equals(ready(ns, "web").getReason()));
        assertThat(ready(ns, "web").getStatus()).isEqualTo("False");
        assertThat(ready(ns, "web").getMessage()).contains("commit " + unsigned + " refused: commit is not signed")
            .contains(signed + " stays live");
        assertThat(status(client, ns, "web").sync().revision()).isEqualTo(signed);
        assertThat(message(client, ns, "web-config")).isEqualTo("v1");
      }
    }
  }
}
