package dev.capstan.engine.apply;

import static dev.capstan.engine.testing.Releases.release;
import static org.assertj.core.api.Assertions.assertThat;

import dev.capstan.engine.cluster.Cluster;
import dev.capstan.engine.health.HealthStatus;
import dev.capstan.engine.health.WaitProgress;
import dev.capstan.engine.history.ReleaseRevision;
import dev.capstan.engine.history.RevisionStatus;
import dev.capstan.engine.history.SecretReleaseStore;
import dev.capstan.engine.release.ReleaseStatus;
import dev.capstan.engine.release.Sync;
import dev.capstan.engine.release.SyncOptions;
import dev.capstan.testsupport.KubeEnv;
import dev.capstan.testsupport.LocalClusterTest;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * Real rollouts on the full local cluster (controller-manager, scheduler, KWOK nodes): {@code --wait}
 * returns once the Deployment controller reports every replica available, for an install and for
 * an upgrade that replaces the pods.
 */
@LocalClusterTest
class RolloutIT {
  KubernetesClient client;
  KubeEnv env;

  private static String web(String image) {
    return """
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: rollout-web}
        spec:
          replicas: 3
          selector: {matchLabels: {app: rollout-web}}
          template:
            metadata: {labels: {app: rollout-web}}
            spec:
              containers: [{name: app, image: "%s"}]
        ---
        """.formatted(image);
  }

  private Deployment deployment() {
    return client.apps().deployments().inNamespace(env.namespace()).withName("rollout-web").get();
  }

  @Test
  void waitsForRealRollouts() {
    String ns = env.namespace();
    SecretReleaseStore store = new SecretReleaseStore(client);
    List<WaitProgress> seen = new CopyOnWriteArrayList<>();
    SyncOptions waiting = SyncOptions.defaults().withWait(true).withTimeout(Duration.ofMinutes(2));

    new Sync(new Cluster(client), store, waiting, seen::add).run(release("rollout", ns, web("shop:1")));

    assertThat(deployment().getStatus().getAvailableReplicas()).isEqualTo(3);
    assertThat(seen).last().satisfies(p -> assertThat(p.line()).isEqualTo("1/1 healthy"));

    new Sync(new Cluster(client), store, waiting, p -> { }).run(release("rollout", ns, web("shop:2")));

    Deployment upgraded = deployment();
    assertThat(upgraded.getStatus().getObservedGeneration()).isEqualTo(upgraded.getMetadata().getGeneration());
    assertThat(upgraded.getStatus().getUpdatedReplicas()).isEqualTo(3);
    assertThat(upgraded.getStatus().getAvailableReplicas()).isEqualTo(3);
    assertThat(store.list(ns, "rollout")).extracting(ReleaseRevision::status)
        .containsExactly(RevisionStatus.SUPERSEDED, RevisionStatus.DEPLOYED);
    assertThat(new ReleaseStatus(new Cluster(client), store).run(ns, "rollout").overall()).isEqualTo(HealthStatus.HEALTHY);
  }
}
