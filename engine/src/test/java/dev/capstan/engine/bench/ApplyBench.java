package dev.capstan.engine.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.capstan.engine.cluster.Cluster;
import dev.capstan.engine.history.SecretReleaseStore;
import dev.capstan.engine.release.Sync;
import dev.capstan.engine.release.SyncOptions;
import dev.capstan.engine.release.SyncResult;
import dev.capstan.engine.resource.DesiredObject;
import dev.capstan.engine.resource.DesiredState;
import dev.capstan.engine.testing.Fixtures;
import dev.capstan.testsupport.KubeApiServerTest;
import dev.capstan.testsupport.KubeEnv;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.http.BasicBuilder;
import io.fabric8.kubernetes.client.http.HttpRequest;
import io.fabric8.kubernetes.client.http.Interceptor;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Benchmark harness for apply against the local API server (not part of {@code verify}: the name
 * matches neither {@code *Test} nor {@code *IT}); docs/performance.md has the command. Installs a
 * 100-object release, then re-applies it unchanged three times, counting the HTTP requests that
 * leave the client by method. Asserts that the re-applies write nothing; never asserts timings.
 */
@KubeApiServerTest
class ApplyBench {
  KubeEnv env;

  /** Counts requests by HTTP method as they leave the client. */
  static final class RequestCounter implements Interceptor {
    final AtomicInteger reads = new AtomicInteger();
    final AtomicInteger writes = new AtomicInteger();

    @Override
    public void before(BasicBuilder builder, HttpRequest request, RequestTags tags) {
      (request.method().equals("GET") ? reads : writes).incrementAndGet();
    }

    void reset() {
      reads.set(0);
      writes.set(0);
    }
  }

  @Test
  void applyOfAHundredObjectsThenANoChangeReapply() {
    RequestCounter counter = new RequestCounter();
    try (KubernetesClient client = new KubernetesClientBuilder().withConfig(env.server().clientConfig(env.namespace()))
        .withHttpClientBuilderConsumer(b -> b.addOrReplaceInterceptor("count", counter)).build()) {
      DesiredState desired = hundredObjects(env.namespace());

      long start = System.nanoTime();
      SyncResult install = new Sync(new Cluster(client), new SecretReleaseStore(client), SyncOptions.defaults(), p -> { })
          .run(desired);
      long installMillis = (System.nanoTime() - start) / 1_000_000;
      System.out.printf("BENCH apply 100 objects (install): %d ms, %d writes, %d reads%n",
          installMillis, counter.writes.get(), counter.reads.get());
      assertThat(install.changes().writes()).isEqualTo(100);

      for (int round = 1; round <= 3; round++) {
        counter.reset();
        start = System.nanoTime();
        SyncResult again = new Sync(new Cluster(client), new SecretReleaseStore(client), SyncOptions.defaults(), p -> { })
            .run(desired);
        long millis = (System.nanoTime() - start) / 1_000_000;
        System.out.printf("BENCH no-change re-apply #%d: %d ms, %d writes, %d reads%n",
            round, millis, counter.writes.get(), counter.reads.get());
        assertThat(counter.writes.get()).isZero();
        assertThat(again.changes().writes()).isZero();
      }
    }
  }

  private static DesiredState hundredObjects(String namespace) {
    List<DesiredObject> objects = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      objects.add(new DesiredObject("bench/templates/cm.yaml", Fixtures.yaml(
          "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: cm-" + i + "}\ndata: {index: \"" + i + "\", size: 1Gi}\n")));
    }
    for (int i = 0; i < 30; i++) {
      objects.add(new DesiredObject("bench/templates/secret.yaml", Fixtures.yaml(
          "apiVersion: v1\nkind: Secret\nmetadata: {name: secret-" + i + "}\nstringData: {token: t" + i + "}\n")));
    }
    for (int i = 0; i < 20; i++) {
      objects.add(new DesiredObject("bench/templates/svc.yaml", Fixtures.yaml(
          "apiVersion: v1\nkind: Service\nmetadata: {name: svc-" + i + "}\nspec:\n  selector: {app: a" + i
              + "}\n  ports: [{name: http, port: 80, targetPort: http}]\n")));
    }
    return new DesiredState("bench", namespace, "bench", "1.0.0", Map.of("replicas", 1), objects, "", null);
  }
}
