package dev.capstan.agent.cluster;

import static dev.capstan.agent.AgentFixture.await;
import static dev.capstan.agent.AgentFixture.configMapChart;
import static dev.capstan.agent.cluster.ClusterAgent.eventReasons;
import static dev.capstan.agent.cluster.ClusterAgent.message;
import static dev.capstan.agent.cluster.ClusterAgent.status;
import static dev.capstan.agent.cluster.ClusterAgent.synced;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.capstan.agent.application.ApplicationStatus.HistoryEntry;
import dev.capstan.engine.cluster.ApplyMode;
import dev.capstan.engine.cluster.Cluster;
import dev.capstan.engine.history.ReleaseRevision;
import dev.capstan.engine.history.RevisionStatus;
import dev.capstan.engine.history.SecretReleaseStore;
import dev.capstan.engine.history.StoredManifest;
import dev.capstan.engine.resource.CapstanMetadata;
import dev.capstan.git.testing.Upstream;
import dev.capstan.testsupport.KubeApiServerTest;
import dev.capstan.testsupport.KubeEnv;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The agent stopped and started again, as a rolling update or a crash does: what was deployed is
 * adopted, not deployed again; what moved while it was down is deployed once; a revision a killed
 * agent left {@code pending} is finished with its commit.
 */
@KubeApiServerTest
class AgentRestartIT {
  private static final Duration WAIT = Duration.ofSeconds(60);

  KubernetesClient client;
  KubeEnv env;

  @BeforeEach
  void crd() throws Exception {
    ClusterAgent.installCrd(client);
  }

  private ClusterAgent agent(Path tmp, String ns) throws Exception {
    return new ClusterAgent(tmp.resolve("cache"), env.server().newClient(ns), ns);
  }

  /** The release history as {@code capstan history} reads it from the cluster: number, status, commit. */
  private List<ReleaseRevision> history(String ns) {
    return new SecretReleaseStore(client).list(ns, "web");
  }

  /** Deploys commit {@code first} of a one-ConfigMap chart with a first agent, then stops that agent. */
  private void deployedByAFirstAgent(Path tmp, String ns, Upstream upstream, String first) throws Exception {
    try (ClusterAgent before = agent(tmp, ns)) {
      ClusterAgent.create(client, ns, ClusterAgent.application("web", upstream.fileUrl(), "web", ns));
      await("web Synced at " + first, WAIT, () -> synced(client, ns, "web", first));
    }
    assertThat(history(ns)).extracting(ReleaseRevision::number, ReleaseRevision::gitCommit).containsExactly(tuple(1, first));
  }

  @Test
  void aRestartedAgentAdoptsWhatWasDeployedWithoutARevisionOrEventMore(@TempDir Path tmp) throws Exception {
    String ns = env.newNamespace("same");
    Upstream upstream = Upstream.create(tmp, "apps");
    String first = upstream.push("web", configMapChart("web", "web", "hello"));
    deployedByAFirstAgent(tmp, ns, upstream, first);

    try (ClusterAgent after = agent(tmp, ns)) {
      await("the restarted agent's first pass over web", WAIT, () -> after.passes("synced") + after.passes("unchanged") >= 1);

      assertThat(history(ns)).extracting(ReleaseRevision::number, ReleaseRevision::status, ReleaseRevision::gitCommit)
          .containsExactly(tuple(1, RevisionStatus.DEPLOYED, first));
      assertThat(eventReasons(client, ns, "web")).containsExactlyInAnyOrder("Syncing", "Synced");
      assertThat(status(client, ns, "web").history()).extracting(HistoryEntry::revision).containsExactly(1);

      // It still knows what it deployed: a hand edit is put back (selfHeal).
      client.configMaps().inNamespace(ns).withName("web-config").edit(cm -> {
        cm.getData().put("message", "by hand");
        return cm;
      });
      await("the hand edit undone", WAIT, () -> "hello".equals(message(client, ns, "web-config")));
    }
  }

  @Test
  void aCommitPushedWhileTheAgentWasDownIsDeployedOnceOnRestart(@TempDir Path tmp) throws Exception {
    String ns = env.newNamespace("down");
    Upstream upstream = Upstream.create(tmp, "apps");
    String first = upstream.push("web", configMapChart("web", "web", "hello"));
    deployedByAFirstAgent(tmp, ns, upstream, first);

    String second = upstream.push("while down", Map.of("web/values.yaml", "message: missed\n"));

    try (ClusterAgent after = agent(tmp, ns)) {
      await("web Synced at the commit pushed while down", WAIT, () -> synced(client, ns, "web", second));
      assertThat(message(client, ns, "web-config")).isEqualTo("missed");
      assertThat(history(ns)).extracting(ReleaseRevision::number, ReleaseRevision::status, ReleaseRevision::gitCommit)
          .containsExactly(tuple(1, RevisionStatus.SUPERSEDED, first), tuple(2, RevisionStatus.DEPLOYED, second));
      assertThat(status(client, ns, "web").history()).extracting(HistoryEntry::revision, HistoryEntry::gitRevision)
          .containsExactly(tuple(2, second), tuple(1, first));
      assertThat(eventReasons(client, ns, "web")).containsExactlyInAnyOrder("Syncing", "Synced", "Syncing", "Synced");
    }
  }

  @Test
  void aRevisionLeftPendingByAKilledAgentIsFinishedWithItsCommit(@TempDir Path tmp) throws Exception {
    String ns = env.newNamespace("pending");
    Upstream upstream = Upstream.create(tmp, "apps");
    String first = upstream.push("web", configMapChart("web", "web", "hello"));
    deployedByAFirstAgent(tmp, ns, upstream, first);

    String second = upstream.push("add an extra ConfigMap", Map.of("web/values.yaml", "message: two\n",
        "web/templates/extra.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: web-extra\ndata: {added: \"yes\"}\n"));
    // What an agent killed half-way through syncing the second commit leaves: revision 2 pending,
    // the new ConfigMap applied, the old one not yet updated.
    Map<String, Object> extra = Map.of("apiVersion", "v1", "kind", "ConfigMap",
        "metadata", Map.of("name", "web-extra", "namespace", ns,
            "labels", Map.of(CapstanMetadata.MANAGED_BY_LABEL, CapstanMetadata.MANAGED_BY_VALUE),
            "annotations", Map.of(CapstanMetadata.RELEASE_ANNOTATION, CapstanMetadata.releaseId(ns, "web"))),
        "data", Map.of("added", "yes"));
    new Cluster(client).apply(extra, ApplyMode.defaults());
    new SecretReleaseStore(client).create(new ReleaseRevision(ns, "web", 2, Instant.now(), RevisionStatus.PENDING, "web", "0.1.0",
        Map.of("message", "two"), List.of(new StoredManifest("web/templates/extra.yaml", extra)), second, "Upgrade in progress", ""));

    try (ClusterAgent after = agent(tmp, ns)) {
      await("web Synced at the interrupted commit", WAIT, () -> synced(client, ns, "web", second));
      assertThat(message(client, ns, "web-config")).isEqualTo("two");
      assertThat(client.configMaps().inNamespace(ns).withName("web-extra").get().getData()).containsEntry("added", "yes");
      assertThat(history(ns)).extracting(ReleaseRevision::number, ReleaseRevision::status, ReleaseRevision::gitCommit).containsExactly(
          tuple(1, RevisionStatus.SUPERSEDED, first), tuple(2, RevisionStatus.FAILED, second), tuple(3, RevisionStatus.DEPLOYED, second));
      assertThat(history(ns).get(1).description()).isEqualTo("Interrupted before it finished; superseded by revision 3");
    }
  }
}
