package dev.capstan.engine.release;

import static dev.capstan.engine.testing.Releases.configMap;
import static dev.capstan.engine.testing.Releases.release;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.capstan.engine.cluster.Cluster;
import dev.capstan.engine.history.ReleaseRevision;
import dev.capstan.engine.history.RevisionStatus;
import dev.capstan.engine.history.SecretReleaseStore;
import dev.capstan.engine.testing.FakeControllers;
import dev.capstan.testsupport.KubeApiServerTest;
import dev.capstan.testsupport.KubeEnv;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.PodStatusBuilder;
import io.fabric8.kubernetes.api.model.ServiceAccountBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Failed upgrades with and without {@code atomic}, hooks, and health waits. Deployments and Jobs
 * get their status from {@link FakeControllers}, through the status subresource.
 */
@KubeApiServerTest
class AtomicIT {
  static KubernetesClient client;
  static KubeEnv env;
  static FakeControllers controllers;

  @BeforeAll
  static void startControllers() {
    controllers = new FakeControllers(client, env.namespace());
  }

  @AfterAll
  static void stopControllers() {
    controllers.close();
  }

  private static String deployment(String name, String image) {
    return """
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: %s}
        spec:
          replicas: 2
          selector: {matchLabels: {app: %s}}
          template:
            metadata: {labels: {app: %s}}
            spec:
              containers: [{name: app, image: "%s"}]
        ---
        """.formatted(name, name, name, image);
  }

  private static String job(String name, String hook, String outcome) {
    return """
        apiVersion: batch/v1
        kind: Job
        metadata:
          name: %s
          annotations: {capstan.dev/hook: %s, test.capstan.dev/outcome: %s}
        spec:
          template:
            spec:
              restartPolicy: Never
              containers: [{name: run, image: busybox}]
        ---
        """.formatted(name, hook, outcome);
  }

  private Sync sync(SecretReleaseStore store, SyncOptions options) {
    return new Sync(new Cluster(client), store, options, p -> { });
  }

  private String image(String deployment) {
    return client.apps().deployments().inNamespace(env.namespace()).withName(deployment).get()
        .getSpec().getTemplate().getSpec().getContainers().get(0).getImage();
  }

  @Test
  void aFailedRolloutIsRolledBackWithAtomic() {
    SecretReleaseStore store = new SecretReleaseStore(client);
    String ns = env.namespace();
    SyncOptions atomic = SyncOptions.defaults().withAtomic(true).withTimeout(Duration.ofSeconds(60));
    sync(store, atomic).run(release("roll", ns, deployment("roll-web", "shop:1") + configMap("roll-config", "one")));

    assertThatThrownBy(() -> sync(store, atomic).run(release("roll", ns,
            deployment("roll-web", "shop:broken") + configMap("roll-config", "two") + configMap("roll-new", "two"))))
        .isInstanceOf(SyncFailedException.class)
        .hasMessageContaining("revision 2 failed and was rolled back to revision 1")
        .hasMessageContaining("Deployment/" + ns + "/roll-web: degraded");

    assertThat(image("roll-web")).isEqualTo("shop:1");
    assertThat(client.configMaps().inNamespace(ns).withName("roll-config").get().getData()).containsEntry("value", "one");
    assertThat(client.configMaps().inNamespace(ns).withName("roll-new").get()).isNull();
    assertThat(store.list(ns, "roll")).extracting(ReleaseRevision::number, ReleaseRevision::status)
        .containsExactly(tuple(1, RevisionStatus.DEPLOYED), tuple(2, RevisionStatus.ROLLED_BACK));
  }

  @Test
  void anObjectTheServerRejectsHalfwayIsRolledBackWithAtomic() {
    SecretReleaseStore store = new SecretReleaseStore(client);
    String ns = env.namespace();
    SyncOptions atomic = SyncOptions.defaults().withAtomic(true).withTimeout(Duration.ofSeconds(60));
    sync(store, atomic).run(release("reject", ns, configMap("reject-config", "one")));
    String invalidService = """
        apiVersion: v1
        kind: Service
        metadata:
          name: reject-svc
          annotations: {capstan.dev/sync-wave: "1"}
        spec:
          ports: [{port: 99999}]
        ---
        """;

    assertThatThrownBy(() -> sync(store, atomic).run(release("reject", ns,
            configMap("reject-config", "two") + configMap("reject-new", "two") + invalidService)))
        .isInstanceOf(SyncFailedException.class)
        .hasMessageContaining("Service/" + ns + "/reject-svc: apply failed:");

    assertThat(client.configMaps().inNamespace(ns).withName("reject-config").get().getData()).containsEntry("value", "one");
    assertThat(client.configMaps().inNamespace(ns).withName("reject-new").get()).isNull();
    assertThat(store.list(ns, "reject")).extracting(ReleaseRevision::status)
        .containsExactly(RevisionStatus.DEPLOYED, RevisionStatus.ROLLED_BACK);
  }

  @Test
  void withoutAtomicAFailureIsRecordedAndLeftInPlace() {
    SecretReleaseStore store = new SecretReleaseStore(client);
    String ns = env.namespace();
    SyncOptions waiting = SyncOptions.defaults().withWait(true).withTimeout(Duration.ofSeconds(60));
    sync(store, waiting).run(release("plain", ns, deployment("plain-web", "shop:1")));

    assertThatThrownBy(() -> sync(store, waiting).run(release("plain", ns, deployment("plain-web", "shop:broken"))))
        .hasMessageContaining("revision 2 failed: Deployment/" + ns + "/plain-web: degraded");

    assertThat(image("plain-web")).isEqualTo("shop:broken");
    assertThat(store.list(ns, "plain")).extracting(ReleaseRevision::status)
        .containsExactly(RevisionStatus.DEPLOYED, RevisionStatus.FAILED);
  }

  @Test
  void hooksRunAroundTheSync() {
    SecretReleaseStore store = new SecretReleaseStore(client);
    String ns = env.namespace();
    SyncOptions options = SyncOptions.defaults().withTimeout(Duration.ofSeconds(60));

    sync(store, options).run(release("hooked", ns,
        job("hooked-pre", "pre-sync", "ok") + job("hooked-post", "post-sync", "ok") + configMap("hooked-config", "1")));

    assertThat(client.batch().v1().jobs().inNamespace(ns).withName("hooked-pre").get().getStatus().getSucceeded()).isEqualTo(1);
    assertThat(client.batch().v1().jobs().inNamespace(ns).withName("hooked-post").get().getStatus().getSucceeded()).isEqualTo(1);
    assertThat(client.configMaps().inNamespace(ns).withName("hooked-config").get()).isNotNull();
  }

  @Test
  void aFailedPreSyncHookStopsBeforeAnythingIsApplied() {
    SecretReleaseStore store = new SecretReleaseStore(client);
    String ns = env.namespace();

    assertThatThrownBy(() -> sync(store, SyncOptions.defaults().withTimeout(Duration.ofSeconds(60)))
            .run(release("prefail", ns, job("prefail-migrate", "pre-sync", "fail") + configMap("prefail-config", "1"))))
        .hasMessageContaining("Job/" + ns + "/prefail-migrate: pre-sync hook failed");

    assertThat(client.configMaps().inNamespace(ns).withName("prefail-config").get()).isNull();
    assertThat(store.list(ns, "prefail")).extracting(ReleaseRevision::status).containsExactly(RevisionStatus.FAILED);
  }

  @Test
  void waitReportsWhatHoldsItUp() {
    String ns = env.namespace();
    String stuck = """
        apiVersion: v1
        kind: PersistentVolumeClaim
        metadata: {name: stuck-data}
        spec:
          accessModes: [ReadWriteOnce]
          resources: {requests: {storage: 1Gi}}
        ---
        """;
    SecretReleaseStore store = new SecretReleaseStore(client);

    assertThatThrownBy(() -> sync(store, SyncOptions.defaults().withWait(true).withTimeout(Duration.ofSeconds(3)))
            .run(release("stuck", ns, stuck)))
        .hasMessageContaining("PersistentVolumeClaim/" + ns + "/stuck-data: not healthy after 3s: PersistentVolumeClaim stuck-data: Pending");
    assertThat(store.list(ns, "stuck")).extracting(ReleaseRevision::status).containsExactly(RevisionStatus.FAILED);
  }

  @Test
  void aStuckRolloutNamesThePodThatHoldsItUp() {
    String ns = env.namespace();
    if (client.serviceAccounts().inNamespace(ns).withName("default").get() == null) {
      client.serviceAccounts().inNamespace(ns).resource(new ServiceAccountBuilder().withNewMetadata().withName("default")
          .endMetadata().build()).create();
    }
    Pod pod = client.pods().inNamespace(ns).resource(new PodBuilder()
        .withNewMetadata().withName("stuck-web-7d9-x2").addToLabels("app", "stuck-web").endMetadata()
        .withNewSpec().addNewContainer().withName("app").withImage("shop:stuck").endContainer().endSpec()
        .build()).create();
    pod.setStatus(new PodStatusBuilder().withPhase("Pending").addNewContainerStatus().withName("app").withImage("shop:stuck")
        .withImageID("").withReady(false).withRestartCount(0)
        .withNewState().withNewWaiting().withReason("ImagePullBackOff").withMessage("Back-off pulling image").endWaiting().endState()
        .endContainerStatus().build());
    client.pods().inNamespace(ns).resource(pod).updateStatus();
    SecretReleaseStore store = new SecretReleaseStore(client);

    assertThatThrownBy(() -> sync(store, SyncOptions.defaults().withWait(true).withTimeout(Duration.ofSeconds(3)))
            .run(release("stuck-web", ns, deployment("stuck-web", "shop:stuck"))))
        .hasMessageContaining("Deployment/" + ns + "/stuck-web: not healthy after 3s: "
            + "Deployment stuck-web: 0/2 replicas available, Pod stuck-web-7d9-x2 has ImagePullBackOff (container app)");
  }
}
