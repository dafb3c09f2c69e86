package dev.capstan.agent.cluster;

import static dev.capstan.agent.AgentFixture.await;
import static dev.capstan.agent.AgentFixture.configMapChart;
import static dev.capstan.agent.cluster.ClusterAgent.eventReasons;
import static dev.capstan.agent.cluster.ClusterAgent.message;
import static dev.capstan.agent.cluster.ClusterAgent.status;
import static dev.capstan.agent.cluster.ClusterAgent.synced;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.capstan.agent.application.Application;
import dev.capstan.agent.application.ApplicationException;
import dev.capstan.agent.application.ApplicationStatus;
import dev.capstan.agent.application.HealthState;
import dev.capstan.agent.status.StatusConditions;
import dev.capstan.engine.history.SecretReleaseStore;
import dev.capstan.git.testing.Upstream;
import dev.capstan.testsupport.KubeApiServerTest;
import dev.capstan.testsupport.KubeEnv;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Cluster mode as a user sees it: Application resources created, edited and deleted with the API,
 * the agent's answer on each resource's status subresource and in its Events.
 */
@KubeApiServerTest
class ApplicationResourcesIT {
  private static final Duration WAIT = Duration.ofSeconds(60);

  KubernetesClient client;
  KubeEnv env;

  @BeforeEach
  void crd() throws Exception {
    ClusterAgent.installCrd(client);
  }

  private Condition condition(String ns, String app, String type) {
    ApplicationStatus status = status(client, ns, app);
    return status == null || status.conditions() == null ? null
        : status.conditions().stream().filter(c -> type.equals(c.getType())).findFirst().orElse(null);
  }

  @Test
  void anApplicationResourceIsSyncedReportedReSyncedOnEditAndForgottenOnDelete(@TempDir Path tmp) throws Exception {
    String ns = env.newNamespace("resources");
    Upstream upstream = Upstream.create(tmp, "apps");
    Map<String, String> files = new HashMap<>(configMapChart("apps/web", "web", "hello"));
    files.putAll(configMapChart("apps/api", "api", "v1"));
    String first = upstream.push("two apps", files);

    try (ClusterAgent agent = new ClusterAgent(tmp.resolve("cache"), env.server().newClient(ns), ns)) {
      ClusterAgent.create(client, ns, ClusterAgent.application("web", upstream.fileUrl(), "apps/web", ns));
      ClusterAgent.create(client, ns, ClusterAgent.application("api", upstream.fileUrl(), "apps/api", ns));

      await("web Synced at the first commit", WAIT, () -> synced(client, ns, "web", first));
      assertThat(message(client, ns, "web-config")).isEqualTo("hello");
      Application web = ClusterAgent.get(client, ns, "web");
      ApplicationStatus status = web.getStatus();
      assertThat(status.health().status()).isEqualTo(HealthState.HEALTHY);
      assertThat(status.observedGeneration()).isEqualTo(web.getMetadata().getGeneration());
      assertThat(condition(ns, "web", StatusConditions.READY)).satisfies(ready -> {
        assertThat(ready.getStatus()).isEqualTo("True");
        assertThat(ready.getReason()).isEqualTo("Synced");
        assertThat(ready.getObservedGeneration()).isEqualTo(web.getMetadata().getGeneration());
      });
      assertThat(status.history()).singleElement().satisfies(h -> {
        assertThat(h.revision()).isEqualTo(1);
        assertThat(h.gitRevision()).isEqualTo(first);
        assertThat(h.status()).isEqualTo("deployed");
      });
      assertThat(eventReasons(client, ns, "web")).containsExactlyInAnyOrder("Syncing", "Synced");

      // kubectl patch capp web --type merge -p '{"spec":{"source":{"values":{"message":"edited"}}}}'
      client.resources(Application.class).inNamespace(ns).withName("web")
          .patch(PatchContext.of(PatchType.JSON_MERGE), "{\"spec\":{\"source\":{\"values\":{\"message\":\"edited\"}}}}");
      long edited = ClusterAgent.get(client, ns, "web").getMetadata().getGeneration();
      await("the edited values applied", WAIT, () -> "edited".equals(message(client, ns, "web-config")));
      await("web Ready at the edited generation", WAIT, () -> {
        Condition ready = condition(ns, "web", StatusConditions.READY);
        return ready != null && "True".equals(ready.getStatus()) && Long.valueOf(edited).equals(ready.getObservedGeneration());
      });
      assertThat(status(client, ns, "web").history()).extracting(ApplicationStatus.HistoryEntry::revision, ApplicationStatus.HistoryEntry::status)
          .containsExactly(tuple(2, "deployed"), tuple(1, "superseded"));
      assertThat(eventReasons(client, ns, "web")).containsExactlyInAnyOrder("Syncing", "Synced", "Syncing", "Synced");

      client.resources(Application.class).inNamespace(ns).withName("web").delete();
      await("the agent forgets web", WAIT, () -> agent.agent.application("web").isEmpty());
      // A commit for both apps: api follows it, the forgotten web keeps what it deployed.
      String both = upstream.push("both change", Map.of("apps/web/values.yaml", "message: unseen\n", "apps/api/values.yaml", "message: v2\n"));
      await("api Synced at the new commit", WAIT, () -> synced(client, ns, "api", both));
      assertThat(message(client, ns, "api-config")).isEqualTo("v2");
      assertThat(message(client, ns, "web-config")).isEqualTo("edited");
      assertThat(agent.agent.applications()).extracting(a -> a.getMetadata().getName()).containsExactly("api");
    }
  }

  @Test
  void deletingAnApplicationWithTheResourcesFinalizerDeletesWhatItDeployedFirst(@TempDir Path tmp) throws Exception {
    String ns = env.newNamespace("finalizer");
    Upstream upstream = Upstream.create(tmp, "apps");
    String commit = upstream.push("web", configMapChart("apps/web", "web", "hello"));

    try (ClusterAgent agent = new ClusterAgent(tmp.resolve("cache"), env.server().newClient(ns), ns)) {
      // The same resource, with Argo CD's habit: metadata.finalizers [capstan.dev/resources].
      ClusterAgent.create(client, ns, ClusterAgent.application("web", upstream.fileUrl(), "apps/web", ns)
          .replace("metadata: {name: web}", "metadata: {name: web, finalizers: [" + Application.RESOURCES_FINALIZER + "]}"));
      await("web Synced", WAIT, () -> synced(client, ns, "web", commit));
      assertThat(message(client, ns, "web-config")).isEqualTo("hello");

      client.resources(Application.class).inNamespace(ns).withName("web").delete();
      await("the Application gone once its objects are", WAIT,
          () -> client.resources(Application.class).inNamespace(ns).withName("web").get() == null);
      assertThat(client.configMaps().inNamespace(ns).withName("web-config").get()).as("deployed object deleted").isNull();
      assertThat(new SecretReleaseStore(client).list(ns, "web")).as("history deleted").isEmpty();
      assertThat(eventReasons(client, ns, "web")).contains("ResourcesDeleted");
      await("the agent forgets web", WAIT, () -> agent.agent.application("web").isEmpty());
    }
  }

  @Test
  void aMalformedShardSelectorIsOneLineNamingIt() {
    assertThatThrownBy(() -> ApplicationWatcher.checkServed(client, env.namespace(), "capstan.dev/shard in (one"))
        .isInstanceOf(ApplicationException.class)
        .hasMessageStartingWith("Application resources in namespace " + env.namespace()
            + " matching \"capstan.dev/shard in (one\": not a label selector: ")
        .hasMessageNotContaining("\n");
  }

  @Test
  void whatTheStatusNoLongerSaysIsGoneFromTheResource(@TempDir Path tmp) throws Exception {
    String ns = env.newNamespace("cleared");
    Upstream upstream = Upstream.create(tmp, "apps");
    Map<String, String> files = new HashMap<>(configMapChart("apps/web", "web", "hello"));
    // No controller runs beside this API server: the Deployment never rolls out and stays Progressing.
    files.put("apps/web/templates/deployment.yaml", """
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: web}
        spec:
          replicas: 0
          selector: {matchLabels: {app: web}}
          template:
            metadata: {labels: {app: web}}
            spec: {containers: [{name: web, image: nginx}]}
        """);
    String first = upstream.push("web with a Deployment", files);

    try (ClusterAgent agent = new ClusterAgent(tmp.resolve("cache"), env.server().newClient(ns), ns)) {
      ClusterAgent.create(client, ns, ClusterAgent.application("web", upstream.fileUrl(), "apps/web", ns));
      await("web Synced at the first commit", WAIT, () -> synced(client, ns, "web", first));
      assertThat(status(client, ns, "web").health()).satisfies(health -> {
        assertThat(health.status()).isEqualTo(HealthState.PROGRESSING);
        assertThat(health.message()).startsWith("Deployment/" + ns + "/web: ");
      });

      Map<String, String> dropped = new HashMap<>();
      dropped.put("apps/web/templates/deployment.yaml", null);
      String second = upstream.push("drop the Deployment", dropped);
      await("web Synced without the Deployment", WAIT, () -> synced(client, ns, "web", second));

      assertThat(status(client, ns, "web").health()).satisfies(health -> {
        assertThat(health.status()).isEqualTo(HealthState.HEALTHY);
        assertThat(health.message()).isNull();
      });
    }
  }

  @Test
  void anInvalidApplicationResourceIsStalledAndNothingIsAppliedUntilItIsFixed(@TempDir Path tmp) throws Exception {
    String ns = env.newNamespace("invalid");
    Upstream upstream = Upstream.create(tmp, "apps");
    upstream.push("bad", configMapChart("apps/bad", "bad", "never"));

    try (ClusterAgent agent = new ClusterAgent(tmp.resolve("cache"), env.server().newClient(ns), ns)) {
      ClusterAgent.create(client, ns, """
          apiVersion: capstan.dev/v1alpha1
          kind: Application
          metadata: {name: bad}
          spec:
            source: {repoURL: "%s", ref: main, path: ../outside}
            destination: {namespace: %s}
            syncPolicy: {automated: true, interval: soon}
          """.formatted(upstream.fileUrl(), ns));

      await("bad Stalled", WAIT, () -> condition(ns, "bad", StatusConditions.STALLED) != null);
      Condition stalled = condition(ns, "bad", StatusConditions.STALLED);
      assertThat(stalled.getStatus()).isEqualTo("True");
      assertThat(stalled.getReason()).isEqualTo("InvalidSpec");
      assertThat(stalled.getMessage()).contains("spec.source.path").contains("spec.syncPolicy.interval");
      assertThat(stalled.getObservedGeneration()).isEqualTo(1L);
      assertThat(condition(ns, "bad", StatusConditions.READY).getStatus()).isEqualTo("False");
      assertThat(agent.passes("synced")).isZero();
      assertThat(client.configMaps().inNamespace(ns).withName("bad-config").get()).isNull();
      assertThat(client.secrets().inNamespace(ns).withLabel("name", "bad").list().getItems()).isEmpty();
      assertThat(eventReasons(client, ns, "bad")).doesNotContain("Syncing", "Synced");

      // Fixed by hand: the next generation syncs, and Stalled is gone.
      client.resources(Application.class).inNamespace(ns).withName("bad").patch(PatchContext.of(PatchType.JSON_MERGE),
          "{\"spec\":{\"source\":{\"path\":\"apps/bad\"},\"syncPolicy\":{\"interval\":\"1s\"}}}");
      await("bad applied once fixed", WAIT, () -> "never".equals(message(client, ns, "bad-config")));
      await("bad Ready at generation 2", WAIT, () -> {
        Condition ready = condition(ns, "bad", StatusConditions.READY);
        return ready != null && "True".equals(ready.getStatus()) && Long.valueOf(2).equals(ready.getObservedGeneration());
      });
      assertThat(condition(ns, "bad", StatusConditions.STALLED)).isNull();
    }
  }
}
