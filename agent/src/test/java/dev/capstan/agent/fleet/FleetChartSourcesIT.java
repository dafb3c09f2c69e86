package dev.capstan.agent.fleet;

import static dev.capstan.agent.AgentFixture.await;
import static org.assertj.core.api.Assertions.assertThat;

import dev.capstan.agent.RegistryCharts;
import dev.capstan.agent.application.AgentPolicy;
import dev.capstan.agent.application.ApplicationFiles;
import dev.capstan.agent.application.ApplicationStatus;
import dev.capstan.agent.application.SyncState;
import dev.capstan.agent.runtime.AgentRuntime;
import dev.capstan.engine.history.SecretReleaseStore;
import dev.capstan.testsupport.KubeApiServers;
import dev.capstan.testsupport.OciRegistryExtension;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fleet and chart sources together: an Application whose chart comes from a real OCI registry behind
 * basic auth (credentials from the folder its {@code secretRef} names) and whose
 * {@code spec.destination.cluster} is a registered cluster lands in that cluster only, with its
 * history there, and follows a new version in range there.
 */
class FleetChartSourcesIT {
  private static final Duration WAIT = Duration.ofSeconds(90);

  @RegisterExtension
  static final KubeApiServers SERVERS = new KubeApiServers(2);

  @RegisterExtension
  static final OciRegistryExtension REGISTRY = OciRegistryExtension.withBasicAuth("ci", "s3cret-registry");

  @TempDir
  Path tmp;
  private AgentRuntime runtime;

  @AfterEach
  void stop() {
    if (runtime != null) {
      runtime.close();
    }
  }

  private String push(String version) throws Exception {
    return RegistryCharts.push(REGISTRY, tmp, version);
  }

  private static ConfigMap configMap(int server, String namespace) {
    return SERVERS.client(server).configMaps().inNamespace(namespace).withName("web-config").get();
  }

  private static String chartLabel(int server, String namespace) {
    ConfigMap cm = configMap(server, namespace);
    return cm == null ? null : cm.getMetadata().getLabels().get("chart");
  }

  private ApplicationStatus status() {
    return runtime.agent().application("web").orElseThrow().getStatus();
  }

  private boolean syncedAt(String revision) {
    ApplicationStatus s = status();
    return s != null && s.syncState() == SyncState.SYNCED && revision.equals(s.sync().revision());
  }

  @Test
  void aRegistryChartOnARegisteredClusterLandsThereWithTheSecretsCredentials() throws Exception {
    String digest1 = push("1.0.0");
    Path creds = Files.createDirectories(tmp.resolve("creds/registry"));
    Files.writeString(creds.resolve("url"), REGISTRY.url("charts"));
    Files.writeString(creds.resolve("username"), REGISTRY.username());
    Files.writeString(creds.resolve("password"), REGISTRY.password());
    String ns = "fleet-charts";
    for (int i = 0; i < SERVERS.count(); i++) {
      SERVERS.client(i).namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(ns).endMetadata().build()).create();
    }
    runtime = AgentRuntime.start(SERVERS.client(0), new AgentRuntime.Settings(tmp.resolve("cache"), tmp.resolve("creds"),
        AgentPolicy.permissive(), 2, "127.0.0.1", 0, false, Map.of()),
        new AgentRuntime.Clusters(List.of(ClusterFlag.parse("east=" + SERVERS.server(1).kubeconfig(), ClusterLimits.defaults())),
            ClusterLimits.defaults(), Set.of(), null));
    Path apps = Files.writeString(tmp.resolve("apps.yaml"), """
        apiVersion: capstan.dev/v1alpha1
        kind: Application
        metadata: {name: web}
        spec:
          source: {repoURL: "%s", ref: "^1.0.0", insecure: true, secretRef: registry}
          destination: {namespace: %s, cluster: east}
          syncPolicy: {automated: true, interval: 1s}
        """.formatted(REGISTRY.url("charts/web"), ns));
    ApplicationFiles.load(apps).forEach(loaded -> runtime.agent().upsert(loaded.application()));
    runtime.agent().markReady();

    await("1.0.0 synced in east", WAIT, () -> syncedAt("1.0.0@" + digest1));
    assertThat(chartLabel(1, ns)).isEqualTo("web-1.0.0");
    assertThat(configMap(1, ns).getData()).containsEntry("message", "from-the-registry");
    assertThat(configMap(0, ns)).as("nothing in the agent's own cluster").isNull();
    assertThat(status().cluster()).isEqualTo("east");
    assertThat(new SecretReleaseStore(SERVERS.client(1)).list(ns, "web")).hasSize(1);
    assertThat(new SecretReleaseStore(SERVERS.client(0)).list(ns, "web")).isEmpty();
    assertThat(runtime.agent().history("web")).singleElement()
        .satisfies(h -> assertThat(h.sourceRevisions()).containsEntry("source", "1.0.0@" + digest1));

    String digest2 = push("1.1.0");
    await("1.1.0 synced in east", WAIT, () -> syncedAt("1.1.0@" + digest2));
    assertThat(chartLabel(1, ns)).isEqualTo("web-1.1.0");
    assertThat(new SecretReleaseStore(SERVERS.client(1)).list(ns, "web")).hasSize(2);
    assertThat(configMap(0, ns)).isNull();
  }
}
