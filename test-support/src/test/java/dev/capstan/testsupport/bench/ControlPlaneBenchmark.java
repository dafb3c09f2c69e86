package dev.capstan.testsupport.bench;

import dev.capstan.localcluster.ApiServerOptions;
import dev.capstan.localcluster.LocalApiServer;
import dev.capstan.localcluster.LocalCluster;
import dev.capstan.localcluster.LocalClusterOptions;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Figures for docs/performance.md ("Local control plane"): start-up of the API server alone and of
 * the full local cluster, time for a 3-replica Deployment to become available, and server-side
 * apply throughput of small ConfigMaps through one fabric8 client. A harness, not a test: run with
 * {@code ./mvnw -B -q -o -Pcontrol-plane-bench -Dcapstan.target=target-bench -pl test-support -am
 * -DskipTests package}. Every loop is bounded in count.
 */
public final class ControlPlaneBenchmark {
  private static final int STARTS = 3;
  private static final int WARMUP_APPLIES = 200;
  private static final int APPLIES = 1000;
  private static final int THREADS = 8;

  private ControlPlaneBenchmark() {}

  public static void main(String[] args) throws Exception {
    List<Duration> apiStarts = new ArrayList<>();
    for (int i = 0; i < STARTS; i++) {
      try (LocalApiServer server = LocalApiServer.start(ApiServerOptions.defaults())) {
        apiStarts.add(server.startupTime());
      }
    }
    report("API server start-up (etcd + kube-apiserver, /readyz and default namespace)", apiStarts);

    try (LocalApiServer server = LocalApiServer.start(ApiServerOptions.defaults());
        KubernetesClient client = server.newClient("bench")) {
      client.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName("bench").endMetadata().build())
          .create();
      applies(client, "warm", WARMUP_APPLIES, 1);
      double sequential = applies(client, "seq", APPLIES, 1);
      double parallel = applies(client, "par", APPLIES * 2, THREADS);
      System.out.printf("| SSA of small ConfigMaps, one client, sequential | %.0f applies/s (%d applies) |%n",
          sequential, APPLIES);
      System.out.printf("| SSA of small ConfigMaps, one client, %d threads | %.0f applies/s (%d applies) |%n",
          THREADS, parallel, APPLIES * 2);
    }

    List<Duration> clusterStarts = new ArrayList<>();
    List<Duration> rollouts = new ArrayList<>();
    for (int i = 0; i < STARTS; i++) {
      try (LocalCluster cluster = LocalCluster.start(LocalClusterOptions.defaults());
          KubernetesClient client = cluster.newClient("default")) {
        clusterStarts.add(cluster.startupTime());
        rollouts.add(deploymentAvailable(client, "web-" + i));
      }
    }
    report("Full local cluster start-up (+ controllers, scheduler, KWOK, 3 nodes Ready)", clusterStarts);
    report("3-replica Deployment created -> 3 available Pods", rollouts);
  }

  /** Applies {@code count} distinct one-key ConfigMaps from {@code threads} threads; returns applies/s. */
  private static double applies(KubernetesClient client, String prefix, int count, int threads) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      long begin = System.nanoTime();
      List<Future<?>> done = new ArrayList<>();
      int perThread = count / threads;
      for (int t = 0; t < threads; t++) {
        int thread = t;
        done.add(pool.submit(() -> {
          for (int i = 0; i < perThread; i++) {
            client.configMaps().resource(new ConfigMapBuilder()
                .withNewMetadata().withName(prefix + "-" + thread + "-" + i).endMetadata()
                .withData(Map.of("key", "value-" + i)).build())
                .fieldManager("bench").forceConflicts().serverSideApply();
          }
        }));
      }
      for (Future<?> f : done) {
        f.get(10, TimeUnit.MINUTES);
      }
      return perThread * threads / ((System.nanoTime() - begin) / 1e9);
    } finally {
      pool.shutdownNow();
    }
  }

  private static Duration deploymentAvailable(KubernetesClient client, String name) throws InterruptedException {
    Deployment deployment = new DeploymentBuilder()
        .withNewMetadata().withName(name).endMetadata()
        .withNewSpec().withReplicas(3)
        .withNewSelector().addToMatchLabels("app", name).endSelector()
        .withNewTemplate().withNewMetadata().addToLabels("app", name).endMetadata()
        .withNewSpec().addNewContainer().withName("web").withImage("example.invalid/web:1").endContainer()
        .endSpec().endTemplate().endSpec().build();
    long begin = System.nanoTime();
    client.apps().deployments().resource(deployment).create();
    // Polls rather than waitUntilCondition, whose informer complains when the client closes after.
    long deadline = begin + TimeUnit.MINUTES.toNanos(2);
    while (System.nanoTime() < deadline) {
      Deployment d = client.apps().deployments().withName(name).get();
      if (d.getStatus() != null && Integer.valueOf(3).equals(d.getStatus().getAvailableReplicas())) {
        return Duration.ofNanos(System.nanoTime() - begin);
      }
      Thread.sleep(20);
    }
    throw new IllegalStateException("Deployment " + name + " not available within 2 minutes");
  }

  private static void report(String what, List<Duration> runs) {
    List<Long> millis = runs.stream().map(Duration::toMillis).sorted().toList();
    System.out.printf("| %s | median %.1f s (runs: %s ms) |%n", what, millis.get(millis.size() / 2) / 1000.0,
        runs.stream().map(d -> Long.toString(d.toMillis())).toList());
  }
}
