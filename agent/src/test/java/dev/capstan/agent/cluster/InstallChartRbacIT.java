package dev.capstan.agent.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.capstan.agent.application.AgentPolicy;
import dev.capstan.agent.application.Application;
import dev.capstan.agent.application.ApplicationStatus;
import dev.capstan.agent.application.SyncState;
import dev.capstan.agent.feed.FeedEvent;
import dev.capstan.agent.runtime.AgentRuntime;
import dev.capstan.chart.ChartLoader;
import dev.capstan.chart.render.RenderOptions;
import dev.capstan.chart.render.RenderedManifest;
import dev.capstan.chart.render.Renderer;
import dev.capstan.chart.values.ValuesOptions;
import dev.capstan.engine.history.SecretReleaseStore;
import dev.capstan.git.testing.Upstream;
import dev.capstan.testsupport.Await;
import dev.capstan.testsupport.KubeApiServerTest;
import dev.capstan.testsupport.KubeEnv;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.authentication.TokenRequestBuilder;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The install chart's RBAC, applied to a real API server with RBAC on, is all the agent needs: an
 * agent whose only identity is the chart's ServiceAccount elects itself, labels its Pod, syncs an
 * Application (objects, history Secrets, status, Events, reading the Events back, suspend and resume), heals drift, deploys the next commit and,
 * on delete, removes what it deployed and its finalizer. {@code InstallChartRbacTest} pins the exact
 * rule set, so a rule this test does not need cannot be added unnoticed; and the admission policy
 * holds the agent's {@code pods patch} to its leader label.
 */
@KubeApiServerTest
class InstallChartRbacIT {
  private static final Duration WAIT = Duration.ofSeconds(60);
  private static final Path CHART = Path.of("../charts/capstan");
  private static final Leadership.Timing FAST = new Leadership.Timing(Duration.ofSeconds(3), Duration.ofSeconds(2), Duration.ofMillis(500));

  KubernetesClient client;
  KubeEnv env;

  @Test
  void theChartsServiceAccountIsEnoughForEverythingTheAgentDoes(@TempDir Path tmp) throws Exception {
    installCrd();
    String system = env.newNamespace("capstan");
    String shop = env.newNamespace("shop");
    install(system, shop);
    client.pods().inNamespace(system).resource(new PodBuilder().withNewMetadata().withName("capstan-0")
        .addToLabels(Map.of("app.kubernetes.io/name", "capstan", "app.kubernetes.io/instance", "capstan")).endMetadata()
        .withNewSpec().addNewContainer().withName("agent").withImage("capstan").endContainer().endSpec().build()).create();
    Upstream upstream = Upstream.create(tmp, "apps");
    String first = upstream.push("web", Map.of(
        "web/Chart.yaml", "apiVersion: v2\nname: web\nversion: 0.1.0\n",
        "web/values.yaml", "message: hello\n",
        "web/templates/configmap.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: web-config\ndata:\n  message: {{ values.message | quote }}\n",
        "web/templates/secret.yaml", "apiVersion: v1\nkind: Secret\nmetadata:\n  name: web-secret\nstringData:\n  password: {{ values.message | quote }}\n",
        "web/templates/service.yaml", "apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  ports: [{port: 80}]\n  selector: {app: web}\n"));

    try (KubernetesClient agentClient = serviceAccountClient(system, "capstan");
        AgentRuntime runtime = AgentRuntime.start(agentClient, new AgentRuntime.Settings(tmp.resolve("cache"), tmp.resolve("creds"),
            AgentPolicy.permissive().withAllowedNamespaces(List.of(shop)), 2, "127.0.0.1", 0, true, Map.of()));
        ClusterMode mode = ClusterMode.start(agentClient, runtime.agent(), ClusterMode.Options.defaults(system).withIdentity("capstan-0")
            .withLease("capstan").withTiming(FAST).withPod(new ClusterMode.Options.Pod(system, "capstan-0")), line -> { }, () -> { })) {
      client.resources(Application.class).inNamespace(system).resource(Serialization.unmarshal("""
          apiVersion: capstan.dev/v1alpha1
          kind: Application
          metadata: {name: web, finalizers: [capstan.dev/resources]}
          spec:
            source: {repoURL: "%s", ref: main, path: web}
            destination: {namespace: %s}
            syncPolicy: {automated: true, selfHeal: true, interval: 1s}
          """.formatted(upstream.fileUrl(), shop), Application.class)).create();

      await("web Synced at the first commit", () -> synced(system, first));
      assertThat(client.leases().inNamespace(system).withName("capstan").get().getSpec().getHolderIdentity()).isEqualTo("capstan-0");
      assertThat(client.pods().inNamespace(system).withName("capstan-0").get().getMetadata().getLabels())
          .containsEntry(LeaderPodLabel.LABEL, "true");
      assertThat(client.secrets().inNamespace(shop).withName("web-secret").get()).isNotNull();
      assertThat(client.services().inNamespace(shop).withName("web").get()).isNotNull();
      assertThat(new SecretReleaseStore(client).list(shop, "web")).hasSize(1);
      await("Events on the Application", () -> eventReasons(system).contains("Synced"));

      // What the dashboard reads and does with the same identity: the Events back by field selector
      // (no fallback here, so a refusal shows), and suspend/resume as a merge patch of spec.suspend.
      Application web = client.resources(Application.class).inNamespace(system).withName("web").get();
      assertThat(new ApplicationEvents(agentClient, app -> List.of()).of(web)).extracting(FeedEvent::reason).contains("Synced");
      new ApplicationSuspender(agentClient).set(web, true);
      assertThat(client.resources(Application.class).inNamespace(system).withName("web").get().getSpec().suspend()).isTrue();
      new ApplicationSuspender(agentClient).set(web, false);
      assertThat(client.resources(Application.class).inNamespace(system).withName("web").get().getSpec().suspend()).isFalse();

      client.configMaps().inNamespace(shop).withName("web-config").edit(cm -> {
        cm.getData().put("message", "drifted");
        return cm;
      });
      await("drift healed", () -> "hello".equals(client.configMaps().inNamespace(shop).withName("web-config").get().getData().get("message")));

      String second = upstream.push("bye", Map.of("web/values.yaml", "message: bye\n"));
      await("web Synced at the second commit", () -> synced(system, second));
      assertThat(client.configMaps().inNamespace(shop).withName("web-config").get().getData()).containsEntry("message", "bye");

      client.resources(Application.class).inNamespace(system).withName("web").delete();
      await("the Application, its objects and its history gone", () -> client.resources(Application.class).inNamespace(system)
          .withName("web").get() == null && client.configMaps().inNamespace(shop).withName("web-config").get() == null
          && new SecretReleaseStore(client).list(shop, "web").isEmpty());
    }
  }

  /** The policy lets the agent's token change its Pods' leader label and nothing else. */
  @Test
  void theAgentsPodPatchIsHeldToItsLeaderLabel() throws Exception {
    String system = env.newNamespace("capstan");
    install(system, env.newNamespace("shop"));
    for (String pod : List.of("capstan-0", "other")) {
      client.pods().inNamespace(system).resource(new PodBuilder().withNewMetadata().withName(pod)
          .addToLabels(pod.equals("other") ? Map.of("app", "other")
              : Map.of("app.kubernetes.io/name", "capstan", "app.kubernetes.io/instance", "capstan")).endMetadata()
          .withNewSpec().addNewContainer().withName("agent").withImage("capstan").endContainer().endSpec().build()).create();
    }
    try (KubernetesClient agent = serviceAccountClient(system, "capstan")) {
      // The API server loads a new policy within a few seconds; each probe is a real change, as a
      // patch that changes nothing is not admitted again.
      AtomicInteger probe = new AtomicInteger();
      await("the policy in force", () -> refused(agent, system, "capstan-0",
          "{\"metadata\": {\"labels\": {\"team\": \"t" + probe.incrementAndGet() + "\"}}}"));

      assertThat(refused(agent, system, "capstan-0", "{\"metadata\": {\"labels\": {\"capstan.dev/leader\": \"true\"}}}")).isFalse();
      assertThat(refused(agent, system, "capstan-0", "{\"metadata\": {\"labels\": {\"capstan.dev/leader\": null}}}")).isFalse();
      assertThat(refused(agent, system, "capstan-0", "{\"metadata\": {\"labels\": {\"capstan.dev/leader\": \"yes\"}}}")).isTrue();
      assertThat(refused(agent, system, "capstan-0", "{\"metadata\": {\"annotations\": {\"a\": \"b\"}}}")).isTrue();
      assertThat(refused(agent, system, "capstan-0", "{\"spec\": {\"containers\": [{\"name\": \"agent\", \"image\": \"evil\"}]}}")).isTrue();
      assertThat(refused(agent, system, "other", "{\"metadata\": {\"labels\": {\"capstan.dev/leader\": \"true\"}}}")).isTrue();
    }
    assertThat(client.pods().inNamespace(system).withName("capstan-0").get().getSpec().getContainers().get(0).getImage()).isEqualTo("capstan");
  }

  private static boolean refused(KubernetesClient agent, String ns, String pod, String patch) {
    try {
      // A stub, as LeaderPodLabel sends: one PATCH, no read first (the agent may not read Pods).
      agent.pods().inNamespace(ns).resource(new PodBuilder().withNewMetadata().withNamespace(ns).withName(pod).endMetadata().build())
          .patch(PatchContext.of(PatchType.JSON_MERGE), patch);
      return false;
    } catch (KubernetesClientException e) {
      if (e.getCode() == 403 || e.getCode() == 422) {
        return true;
      }
      throw e;
    }
  }

  /** What {@code capstan apply charts/capstan} installs, less the CRD (installed once) and the Deployment and Service. */
  private void install(String system, String shop) {
    List<RenderedManifest> manifests = new Renderer().render(ChartLoader.load(CHART), RenderOptions.defaults().withReleaseName("capstan")
        .withNamespace(system).withValues(ValuesOptions.none().withSet(List.of("agent.allowedNamespaces={" + shop + "}")))).manifests();
    for (RenderedManifest m : manifests) {
      if (List.of("CustomResourceDefinition", "Deployment", "Service").contains(m.kind())) {
        continue;
      }
      var resource = client.resource(m.yaml());
      (m.namespace() == null && !m.kind().startsWith("ValidatingAdmission") && !m.kind().startsWith("Cluster")
          ? resource.inNamespace(system) : resource).fieldManager("test").forceConflicts().serverSideApply();
    }
  }

  private KubernetesClient serviceAccountClient(String ns, String name) {
    String token = client.serviceAccounts().inNamespace(ns).withName(name)
        .tokenRequest(new TokenRequestBuilder().withNewSpec().withExpirationSeconds(3600L).endSpec().build()).getStatus().getToken();
    Config config = env.server().clientConfig(ns);
    config.setClientCertData(null);
    config.setClientKeyData(null);
    config.setClientCertFile(null);
    config.setClientKeyFile(null);
    config.setOauthToken(token);
    return new KubernetesClientBuilder().withConfig(config).build();
  }

  private boolean synced(String ns, String commit) {
    Application app = client.resources(Application.class).inNamespace(ns).withName("web").get();
    ApplicationStatus status = app == null ? null : app.getStatus();
    return status != null && status.sync() != null && status.sync().status() == SyncState.SYNCED && commit.equals(status.sync().revision());
  }

  private List<String> eventReasons(String ns) {
    return client.v1().events().inNamespace(ns).list().getItems().stream().map(Event::getReason).toList();
  }

  private void installCrd() throws Exception {
    CustomResourceDefinition crd = Serialization.unmarshal(Files.readString(ClusterAgent.CRD), CustomResourceDefinition.class);
    client.apiextensions().v1().customResourceDefinitions().resource(crd).fieldManager("test").forceConflicts().serverSideApply();
    client.apiextensions().v1().customResourceDefinitions().withName(crd.getMetadata().getName())
        .waitUntilCondition(c -> c != null && c.getStatus() != null && c.getStatus().getConditions().stream()
            .anyMatch(cond -> "Established".equals(cond.getType()) && "True".equals(cond.getStatus())), 30, TimeUnit.SECONDS);
  }

  private static void await(String what, BooleanSupplier condition) throws InterruptedException {
    Await.until(what, WAIT, condition);
  }
}
