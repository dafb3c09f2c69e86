package dev.capstan.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.api.model.apps.DeploymentStatus;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.Watch;
import io.fabric8.kubernetes.client.Watcher;
import io.fabric8.kubernetes.client.WatcherException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** On the full local cluster Deployments really roll out: controllers, scheduler, KWOK nodes. */
@LocalClusterTest
class RolloutIT {
  KubernetesClient client;

  @Test
  void aDeploymentBecomesAvailableThenRollsToANewReplicaSet() {
    client.apps().deployments().resource(deployment("web:1")).create();
    Deployment available = waitForRollout();
    assertThat(available.getStatus().getAvailableReplicas()).isEqualTo(3);
    assertThat(client.pods().withLabel("app", "web").list().getItems())
        .hasSize(3)
        .allSatisfy(p -> assertThat(p.getStatus().getPhase()).isEqualTo("Running"))
        .allSatisfy(p -> assertThat(p.getSpec().getNodeName()).startsWith("kwok-node-"));

    List<DeploymentStatus> seen = new CopyOnWriteArrayList<>();
    Watch watch = client.apps().deployments().withName("web").watch(new Watcher<>() {
      @Override
      public void eventReceived(Action action, Deployment d) {
        seen.add(d.getStatus());
      }

      @Override
      public void onClose(WatcherException cause) {}
    });
    // What the controller asks for: the ReplicaSets' desired sizes, summed at every change.
    Map<String, Integer> desired = new ConcurrentHashMap<>();
    List<Integer> desiredTotals = new CopyOnWriteArrayList<>();
    Watch setWatch = client.apps().replicaSets().withLabel("app", "web").watch(new Watcher<>() {
      @Override
      public void eventReceived(Action action, ReplicaSet rs) {
        desired.put(rs.getMetadata().getName(), action == Action.DELETED ? 0 : rs.getSpec().getReplicas());
        desiredTotals.add(desired.values().stream().mapToInt(Integer::intValue).sum());
      }

      @Override
      public void onClose(WatcherException cause) {}
    });
    client.apps().deployments().withName("web")
        .edit(d -> new DeploymentBuilder(d).editSpec().editTemplate().editSpec().editFirstContainer()
            .withImage("example.invalid/web:2").endContainer().endSpec().endTemplate().endSpec().build());
    Deployment rolled = waitForRollout();
    watch.close();
    setWatch.close();

    // maxSurge 1: the controller never asks for more than 4 Pods in all. (status.replicas sums the
    // ReplicaSets' reported counts, which lag one another, so it can read 5 for a moment.)
    assertThat(desiredTotals).isNotEmpty().allSatisfy(total -> assertThat(total).isLessThanOrEqualTo(4));
    // maxUnavailable 0: availability never drops below 3, as the controller reported it along the way.
    assertThat(seen).isNotEmpty().allSatisfy(st -> assertThat(st.getAvailableReplicas()).isGreaterThanOrEqualTo(3));

    assertThat(rolled.getStatus().getUpdatedReplicas()).isEqualTo(3);
    List<ReplicaSet> sets = client.apps().replicaSets().withLabel("app", "web").list().getItems();
    assertThat(sets).hasSize(2);
    assertThat(sets).filteredOn(rs -> image(rs).equals("example.invalid/web:2"))
        .singleElement().satisfies(rs -> {
          assertThat(rs.getSpec().getReplicas()).isEqualTo(3);
          assertThat(rs.getStatus().getAvailableReplicas()).isEqualTo(3);
        });
    assertThat(sets).filteredOn(rs -> image(rs).equals("example.invalid/web:1"))
        .singleElement().satisfies(rs -> {
          assertThat(rs.getSpec().getReplicas()).isZero();
          assertThat(rs.getStatus().getReplicas()).isZero();
        });
  }

  private Deployment waitForRollout() {
    return client.apps().deployments().withName("web").waitUntilCondition(d -> d != null
        && d.getStatus() != null
        && d.getMetadata().getGeneration().equals(d.getStatus().getObservedGeneration())
        && Integer.valueOf(3).equals(d.getStatus().getUpdatedReplicas())
        && Integer.valueOf(3).equals(d.getStatus().getAvailableReplicas())
        && Integer.valueOf(3).equals(d.getStatus().getReplicas()), 90, TimeUnit.SECONDS);
  }

  private static String image(ReplicaSet rs) {
    return rs.getSpec().getTemplate().getSpec().getContainers().get(0).getImage();
  }

  private static Deployment deployment(String tag) {
    return new DeploymentBuilder()
        .withNewMetadata().withName("web").addToLabels("app", "web").endMetadata()
        .withNewSpec().withReplicas(3)
        .withNewSelector().withMatchLabels(Map.of("app", "web")).endSelector()
        .withNewStrategy().withType("RollingUpdate").withNewRollingUpdate()
        .withMaxSurge(new IntOrString(1)).withMaxUnavailable(new IntOrString(0)).endRollingUpdate().endStrategy()
        .withNewTemplate().withNewMetadata().addToLabels("app", "web").endMetadata()
        .withNewSpec().addNewContainer().withName("web").withImage("example.invalid/" + tag).endContainer().endSpec()
        .endTemplate().endSpec()
        .build();
  }
}
