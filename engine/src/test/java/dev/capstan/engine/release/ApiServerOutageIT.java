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
import dev.capstan.engine.resource.DesiredState;
import dev.capstan.testsupport.KubeApiServerTest;
import dev.capstan.testsupport.KubeEnv;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.http.BasicBuilder;
import io.fabric8.kubernetes.client.http.HttpRequest;
import io.fabric8.kubernetes.client.http.Interceptor;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * The API server becomes unreachable half-way through an upgrade (after the first wave): the
 * process can record nothing more, so a {@code pending} revision remains, exactly as if it had been
 * killed. The next run, with the server back, records it failed and finishes the work.
 */
@KubeApiServerTest
class ApiServerOutageIT {
  KubernetesClient client;
  KubeEnv env;

  /** Refuses every request while on, as a stopped API server would. */
  static final class Outage implements Interceptor {
    final AtomicBoolean on = new AtomicBoolean();

    @Override
    public void before(BasicBuilder builder, HttpRequest request, RequestTags tags) {
      if (on.get()) {
        throw new UncheckedIOException(new ConnectException("Connection refused (test outage)"));
      }
    }
  }

  private String value(String name) {
    ConfigMap cm = client.configMaps().inNamespace(env.namespace()).withName(name).get();
    return cm == null ? null : cm.getData().get("value");
  }

  @Test
  void anOutageMidApplyLeavesAPendingRevisionThatTheNextRunFinishes() {
    String ns = env.namespace();
    String secondWave = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: outage-b\n  annotations: {capstan.dev/sync-wave: \"1\"}\n"
        + "data:\n  value: \"2\"\n---\n";
    DesiredState upgrade = release("outage", ns, configMap("outage-a", "2") + secondWave);
    Outage outage = new Outage();
    Config config = env.server().clientConfig(ns);
    config.setRequestRetryBackoffLimit(0);
    try (KubernetesClient flaky = new KubernetesClientBuilder().withConfig(config)
        .withHttpClientBuilderConsumer(b -> b.addOrReplaceInterceptor("outage", outage)).build()) {
      new Sync(new Cluster(flaky), new SecretReleaseStore(flaky), SyncOptions.defaults(), p -> { })
          .run(release("outage", ns, configMap("outage-a", "1")));

      // The first wave is applied and healthy; the server goes away before the second.
      Sync interrupted = new Sync(new Cluster(flaky), new SecretReleaseStore(flaky), SyncOptions.defaults(), progress -> {
        if (progress.holdups().isEmpty()) {
          outage.on.set(true);
        }
      });
      assertThatThrownBy(() -> interrupted.run(upgrade)).isInstanceOf(RuntimeException.class);
    }

    SecretReleaseStore store = new SecretReleaseStore(client);
    assertThat(value("outage-a")).isEqualTo("2");
    assertThat(value("outage-b")).isNull();
    assertThat(store.list(ns, "outage")).extracting(ReleaseRevision::number, ReleaseRevision::status)
        .containsExactly(tuple(1, RevisionStatus.DEPLOYED), tuple(2, RevisionStatus.PENDING));

    new Sync(new Cluster(client), store, SyncOptions.defaults(), p -> { }).run(upgrade);

    assertThat(value("outage-b")).isEqualTo("2");
    assertThat(store.list(ns, "outage")).extracting(ReleaseRevision::number, ReleaseRevision::status).containsExactly(
        tuple(1, RevisionStatus.SUPERSEDED), tuple(2, RevisionStatus.FAILED), tuple(3, RevisionStatus.DEPLOYED));
  }
}
