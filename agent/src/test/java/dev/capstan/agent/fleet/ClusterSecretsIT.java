package dev.capstan.agent.fleet;

import static dev.capstan.agent.AgentFixture.await;
import static dev.capstan.agent.AgentFixture.configMapChart;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.capstan.agent.application.AgentPolicy;
import dev.capstan.agent.application.Application;
import dev.capstan.agent.application.ApplicationFiles;
import dev.capstan.agent.application.ApplicationStatus;
import dev.capstan.agent.application.SyncState;
import dev.capstan.agent.cluster.ClusterMode;
import dev.capstan.agent.runtime.AgentRuntime;
import dev.capstan.engine.history.SecretReleaseStore;
import dev.capstan.git.testing.Upstream;
import dev.capstan.testsupport.KubeApiServers;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.internal.KubeConfigUtils;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Cluster mode's registrations: the agent runs against server 0 and watches cluster Secrets in its
 * namespace there; server 1 is the cluster those Secrets register, or fail to.
 */
class ClusterSecretsIT {
  private static final Duration WAIT = Duration.ofSeconds(90);

  @RegisterExtension
  static final KubeApiServers SERVERS = new KubeApiServers(2);

  @TempDir
  Path tmp;

  private static KubernetesClient agentCluster() {
    return SERVERS.client(0);
  }

  private static Secret secret(String ns, String name, Map<String, String> data, Map<String, String> annotations) {
    return new SecretBuilder().withNewMetadata().withNamespace(ns).withName(name).addToLabels(ClusterSecrets.TYPE_LABEL, ClusterSecrets.TYPE)
        .withAnnotations(annotations).endMetadata().withStringData(data).build();
  }

  private static String namespace(int server, String prefix) {
    String ns = prefix + "-" + Long.toString(System.nanoTime() % 1_000_000, 36);
    SERVERS.client(server).namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(ns).endMetadata().build()).create();
    return ns;
  }

  @Test
  void secretsRegisterChangeAndRemoveClustersWhileTheAgentRuns() throws Exception {
    String agentNs = namespace(0, "agent");
    String target = namespace(1, "target");
    Upstream upstream = Upstream.create(tmp, "apps");
    String commit = upstream.push("one chart", configMapChart("apps/web", "web", "hello east"));
    String kubeconfig = Files.readString(SERVERS.server(1).kubeconfig());

    try (AgentRuntime runtime = AgentRuntime.start(agentCluster(), new AgentRuntime.Settings(tmp.resolve("cache"), tmp.resolve("creds"),
        AgentPolicy.permissive(), 4, "127.0.0.1", 0, false, Map.of()), AgentRuntime.Clusters.none().withSecretsNamespace(agentNs))) {
      Path file = Files.writeString(tmp.resolve("app.yaml"), """
          apiVersion: capstan.dev/v1alpha1
          kind: Application
          metadata: {name: web}
          spec:
            source: {repoURL: "%s", ref: main, path: apps/web}
            destination: {namespace: %s, cluster: east}
            syncPolicy: {automated: true, interval: 1s, retry: {limit: 50, backoff: 1s}}
          """.formatted(upstream.fileUrl(), target));
      ApplicationFiles.load(file).forEach(loaded -> runtime.agent().upsert(loaded.application()));
      runtime.agent().markReady();
      await("stalled: east unknown", WAIT, () -> stalled(runtime, "UnknownCluster"));

      // Registered by a kubeconfig Secret: the app lands in server 1, with its history there.
      agentCluster().secrets().inNamespace(agentNs).resource(secret(agentNs, "cluster-east",
          Map.of("name", "east", "kubeconfig", kubeconfig), Map.of())).create();
      await("web synced into east", WAIT, () -> synced(runtime, commit));
      assertThat(message(1, target)).isEqualTo("hello east");
      assertThat(new SecretReleaseStore(SERVERS.client(1)).list(target, "web")).hasSize(1);
      assertThat(status(runtime).cluster()).isEqualTo("east");

      // Two Secrets naming one cluster: neither is used, the app stalls naming both.
      agentCluster().secrets().inNamespace(agentNs).resource(secret(agentNs, "east-again",
          Map.of("name", "east", "kubeconfig", kubeconfig), Map.of())).create();
      await("stalled: two Secrets", WAIT, () -> stalled(runtime, "InvalidCluster"));
      assertThat(stalledMessage(runtime)).contains("Secrets cluster-east and east-again both register cluster east");
      agentCluster().secrets().inNamespace(agentNs).withName("east-again").delete();
      await("synced again once one Secret is left", WAIT, () -> synced(runtime, commit));

      // Argo CD's shape with a client certificate (server 1's own credentials): the next commit lands through it.
      io.fabric8.kubernetes.api.model.Config own = KubeConfigUtils.parseConfigFromString(
          KubeconfigSlice.of("server 1", kubeconfig, null, SERVERS.server(1).kubeconfig().toAbsolutePath().getParent()));
      String tls = new ObjectMapper().writeValueAsString(Map.of("tlsClientConfig", Map.of(
          "caData", own.getClusters().get(0).getCluster().getCertificateAuthorityData(),
          "certData", own.getUsers().get(0).getUser().getClientCertificateData(),
          "keyData", own.getUsers().get(0).getUser().getClientKeyData())));
      agentCluster().secrets().inNamespace(agentNs).resource(secret(agentNs, "cluster-east", Map.of("name", "east",
          "server", SERVERS.server(1).serverUrl(), "config", tls), Map.of())).update();
      String again = upstream.push("say it again", Map.of("apps/web/values.yaml", "message: hello again\n"));
      await("synced through the certificate", WAIT, () -> synced(runtime, again));
      assertThat(message(1, target)).isEqualTo("hello again");

      // A bad CA names the Secret and the field.
      agentCluster().secrets().inNamespace(agentNs).resource(secret(agentNs, "cluster-east", Map.of("name", "east",
          "server", SERVERS.server(1).serverUrl(), "config", "{\"tlsClientConfig\": {\"caData\": \"bm90IGEgY2VydA==\"}}"), Map.of()))
          .update();
      await("stalled: bad CA", WAIT, () -> stalled(runtime, "InvalidCluster"));
      assertThat(stalledMessage(runtime)).contains("Secret " + agentNs + "/cluster-east: data.config.tlsClientConfig.caData:");

      // No server, then a kubeconfig naming a context it does not have: each names the field.
      agentCluster().secrets().inNamespace(agentNs).resource(secret(agentNs, "cluster-east", Map.of("name", "east", "config", "{}"), Map.of()))
          .update();
      await("stalled: no server", WAIT, () -> stalled(runtime, "InvalidCluster")
          && stalledMessage(runtime).contains("Secret " + agentNs + "/cluster-east: data.server: is required"));
      agentCluster().secrets().inNamespace(agentNs).resource(secret(agentNs, "cluster-east", Map.of("name", "east", "kubeconfig", kubeconfig,
          "context", "nope"), Map.of())).update();
      await("stalled: missing context", WAIT, () -> stalled(runtime, "InvalidCluster")
          && stalledMessage(runtime).contains("Secret " + agentNs + "/cluster-east: data.context: context \"nope\" is not in the kubeconfig"));
      assertThat(new SecretReleaseStore(SERVERS.client(1)).list(target, "web")).as("no write while it is invalid").hasSize(2);

      // An expired token: the cluster answers 401, only this app is marked, with the reason.
      agentCluster().secrets().inNamespace(agentNs).resource(secret(agentNs, "cluster-east", Map.of("name", "east",
          "server", SERVERS.server(1).serverUrl(), "config", "{\"bearerToken\": \"expired\", \"tlsClientConfig\": {\"insecure\": true}}"),
          Map.of())).update();
      await("unreachable: unauthorized", WAIT, () -> status(runtime).conditions().stream()
          .anyMatch(c -> "ClusterUnreachable".equals(c.getType()) && "Unauthorized".equals(c.getReason())));
      assertThat(status(runtime).syncState()).isEqualTo(SyncState.UNKNOWN);
      assertThat(runtime.agent().clusters()).filteredOn(c -> c.name().equals("east")).singleElement()
          .satisfies(c -> assertThat(c.state()).isEqualTo("Unauthorized"));

      // Only Applications from listed namespaces may target it; files have none.
      agentCluster().secrets().inNamespace(agentNs).resource(secret(agentNs, "cluster-east", Map.of("name", "east", "kubeconfig", kubeconfig),
          Map.of(ClusterSecrets.NAMESPACES_ANNOTATION, "team-a"))).update();
      await("stalled: not allowed", WAIT, () -> stalled(runtime, "ClusterNotAllowed"));
      assertThat(stalledMessage(runtime)).contains("admits Applications from team-a only");

      // Removed: the app stops, and nothing it deployed in east is deleted.
      agentCluster().secrets().inNamespace(agentNs).withName("cluster-east").delete();
      await("stalled: east gone", WAIT, () -> stalled(runtime, "UnknownCluster"));
      assertThat(message(1, target)).isEqualTo("hello again");
      assertThat(new SecretReleaseStore(SERVERS.client(1)).list(target, "web")).hasSize(2);
      assertThat(runtime.agent().clusters()).extracting(c -> c.name()).containsExactly("in-cluster");
    }
  }

  @Test
  void inClusterModeTheApplicationResourceAndItsEventsNameTheClusterAndItsNamespaceMustBeAdmitted() throws Exception {
    installCrd();
    String agentNs = namespace(0, "capstan");
    String target = namespace(1, "target");
    Upstream upstream = Upstream.create(tmp, "resources");
    String commit = upstream.push("one chart", configMapChart("apps/web", "web", "hello from the resource"));
    agentCluster().secrets().inNamespace(agentNs).resource(secret(agentNs, "cluster-east",
        Map.of("name", "east", "kubeconfig", Files.readString(SERVERS.server(1).kubeconfig())),
        Map.of(ClusterSecrets.NAMESPACES_ANNOTATION, agentNs))).create();

    try (AgentRuntime runtime = AgentRuntime.start(agentCluster(), new AgentRuntime.Settings(tmp.resolve("cache"), tmp.resolve("creds"),
        AgentPolicy.permissive().withLocalRepositories(true), 4, "127.0.0.1", 0, true, Map.of()),
        AgentRuntime.Clusters.none().withSecretsNamespace(agentNs));
        ClusterMode mode = ClusterMode.start(agentCluster(), runtime.agent(), ClusterMode.Options.defaults(agentNs).withLeaderElect(false),
            line -> { }, () -> { })) {
      runtime.agent().markReady();
      GenericKubernetesResource app = Serialization.unmarshal("""
          apiVersion: capstan.dev/v1alpha1
          kind: Application
          metadata: {name: web}
          spec:
            source: {repoURL: "%s", ref: main, path: apps/web}
            destination: {namespace: %s, cluster: east}
            syncPolicy: {automated: true, interval: 1s, retry: {limit: 50, backoff: 1s}}
          """.formatted(upstream.fileUrl(), target), GenericKubernetesResource.class);
      agentCluster().genericKubernetesResources(Application.API_VERSION, "Application").inNamespace(agentNs).resource(app).create();

      await("the resource reports Synced in east", WAIT, () -> {
        ApplicationStatus s = resourceStatus(agentNs);
        return s != null && s.syncState() == SyncState.SYNCED && commit.equals(s.sync().revision());
      });
      assertThat(resourceStatus(agentNs).cluster()).isEqualTo("east");
      assertThat(message(1, target)).isEqualTo("hello from the resource");
      await("a Synced Event naming east", WAIT, () -> agentCluster().v1().events().inNamespace(agentNs).list().getItems().stream()
          .anyMatch(e -> "Synced".equals(e.getReason()) && e.getMessage().startsWith("[east] revision 1 applied")));

      // The Secret stops admitting Applications from this namespace: the resource stalls, nothing more reaches east.
      agentCluster().secrets().inNamespace(agentNs).resource(secret(agentNs, "cluster-east",
          Map.of("name", "east", "kubeconfig", Files.readString(SERVERS.server(1).kubeconfig())),
          Map.of(ClusterSecrets.NAMESPACES_ANNOTATION, "team-a"))).update();
      await("the resource stalls: not admitted", WAIT, () -> {
        ApplicationStatus s = resourceStatus(agentNs);
        return s != null && s.conditions().stream().anyMatch(c -> "Stalled".equals(c.getType()) && "ClusterNotAllowed".equals(c.getReason())
            && c.getMessage().contains("not from " + agentNs));
      });
      assertThat(mode.leading()).isTrue();
    }
  }

  private static ApplicationStatus resourceStatus(String ns) {
    Application app = agentCluster().resources(Application.class).inNamespace(ns).withName("web").get();
    return app == null ? null : app.getStatus();
  }

  private static void installCrd() throws Exception {
    CustomResourceDefinition crd = Serialization.unmarshal(Files.readString(Path.of("../charts/capstan/crds/applications.capstan.dev-v1.yml")),
        CustomResourceDefinition.class);
    agentCluster().apiextensions().v1().customResourceDefinitions().resource(crd).fieldManager("test").forceConflicts().serverSideApply();
    agentCluster().apiextensions().v1().customResourceDefinitions().withName(crd.getMetadata().getName())
        .waitUntilCondition(c -> c != null && c.getStatus() != null && c.getStatus().getConditions() != null && c.getStatus().getConditions().stream()
            .anyMatch(cond -> "Established".equals(cond.getType()) && "True".equals(cond.getStatus())), 60, TimeUnit.SECONDS);
  }

  private static String message(int server, String ns) {
    ConfigMap cm = SERVERS.client(server).configMaps().inNamespace(ns).withName("web-config").get();
    return cm == null ? null : cm.getData().get("message");
  }

  private static ApplicationStatus status(AgentRuntime runtime) {
    return runtime.agent().application("web").orElseThrow().getStatus();
  }

  private static boolean synced(AgentRuntime runtime, String commit) {
    ApplicationStatus s = status(runtime);
    return s != null && s.syncState() == SyncState.SYNCED && commit.equals(s.sync().revision());
  }

  private static boolean stalled(AgentRuntime runtime, String reason) {
    ApplicationStatus s = status(runtime);
    return s != null && s.conditions() != null && s.conditions().stream()
        .anyMatch(c -> "Stalled".equals(c.getType()) && "True".equals(c.getStatus()) && reason.equals(c.getReason()));
  }

  private static String stalledMessage(AgentRuntime runtime) {
    return status(runtime).conditions().stream().filter(c -> "Stalled".equals(c.getType())).findFirst().orElseThrow().getMessage();
  }
}
