package dev.capstan.agent;

import static dev.capstan.agent.AgentFixture.await;
import static dev.capstan.agent.AgentFixture.configMapChart;
import static org.assertj.core.api.Assertions.assertThat;

import dev.capstan.agent.application.AgentPolicy;
import dev.capstan.agent.application.ApplicationStatus;
import dev.capstan.agent.application.SyncState;
import dev.capstan.git.testing.Upstream;
import dev.capstan.testsupport.KubeApiServerTest;
import dev.capstan.testsupport.KubeEnv;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What users rely on the agent for, each against the real API server and a real Git upstream. */
@KubeApiServerTest
class AgentBehaviourIT {
  private static final Duration WAIT = Duration.ofSeconds(60);

  KubernetesClient client;
  KubeEnv env;

  private static String app(String name, String repo, String namespace, String extraSpec) {
    return """
        apiVersion: capstan.dev/v1alpha1
        kind: Application
        metadata: {name: %s}
        spec:
          source: {repoURL: "%s", ref: main, path: app}
          destination: {namespace: %s}
        %s""".formatted(name, repo, namespace, extraSpec.indent(2));
  }

  private static final String AUTO = "syncPolicy: {automated: true, prune: true, interval: 1s, retry: {limit: 2, backoff: 1s}}";

  private Upstream repo(Path tmp, String message) {
    Upstream upstream = Upstream.create(tmp, "repo");
    upstream.push("chart", configMapChart("app", "demo", message));
    return upstream;
  }

  private String message(String namespace, String name) {
    ConfigMap cm = client.configMaps().inNamespace(namespace).withName(name).get();
    return cm == null ? null : cm.getData().get("message");
  }

  private static boolean synced(AgentFixture fx, String app) {
    ApplicationStatus s = status(fx, app);
    return s != null && s.sync() != null && s.sync().status() == SyncState.SYNCED;
  }

  private static ApplicationStatus status(AgentFixture fx, String app) {
    return fx.agent.application(app).orElseThrow().getStatus();
  }

  private static String condition(AgentFixture fx, String app, String type) {
    ApplicationStatus s = status(fx, app);
    return s == null || s.conditions() == null ? "" : s.conditions().stream().filter(c -> c.getType().equals(type))
        .map(c -> c.getStatus() + " " + c.getReason() + ": " + c.getMessage()).findFirst().orElse("");
  }

  @Test
  void driftIsHealedWithSelfHealAndOnlyReportedWithout(@TempDir Path tmp) throws Exception {
    Upstream upstream = repo(tmp, "from-git");
    String healed = env.newNamespace("healed");
    String reported = env.newNamespace("reported");
    try (AgentFixture fx = new AgentFixture(tmp, client)) {
      fx.load(tmp, "apps", app("healer", upstream.fileUrl(), healed,
          "syncPolicy: {automated: true, selfHeal: true, interval: 1h}") + "---\n"
          + app("reporter", upstream.fileUrl(), reported, "syncPolicy: {automated: true, selfHeal: false, interval: 1h}"));
      await("both passes done", WAIT, () -> synced(fx, "healer") && synced(fx, "reporter"));
      assertThat(message(healed, "healer-config")).isEqualTo("from-git");

      client.configMaps().inNamespace(healed).withName("healer-config").edit(cm -> {
        cm.getData().put("message", "by-hand");
        return cm;
      });
      client.configMaps().inNamespace(reported).withName("reporter-config").edit(cm -> {
        cm.getData().put("message", "by-hand");
        return cm;
      });

      await("the hand edit undone", WAIT, () -> "from-git".equals(message(healed, "healer-config")));
      await("drift reported", WAIT, () -> status(fx, "reporter").sync().status() == SyncState.OUT_OF_SYNC);
      assertThat(message(reported, "reporter-config")).isEqualTo("by-hand");
      assertThat(condition(fx, "reporter", "Ready")).contains("ConfigMap").contains("reporter-config").contains("selfHeal is off");

      client.configMaps().inNamespace(healed).withName("healer-config").delete();
      await("a deleted object recreated", WAIT, () -> "from-git".equals(message(healed, "healer-config")));
      await("both corrections counted", WAIT, () -> fx.metrics.registry().find("capstan.drift.corrections").counter().count() >= 2);
    }
  }

  @Test
  void withAllowedNamespacesDriftIsWatchedPerNamespaceAndTheAgentsOwnWritesStartNoPass(@TempDir Path tmp) throws Exception {
    Upstream upstream = repo(tmp, "from-git");
    String ns = env.newNamespace("scoped");
    try (AgentFixture fx = new AgentFixture(tmp, client, AgentPolicy.permissive().withAllowedNamespaces(List.of(ns)))) {
      fx.load(tmp, "apps", app("scoped", upstream.fileUrl(), ns, "syncPolicy: {automated: true, selfHeal: true, interval: 1h}"));
      await("synced", WAIT, () -> synced(fx, "scoped"));

      client.configMaps().inNamespace(ns).withName("scoped-config").edit(cm -> {
        cm.getData().put("message", "by-hand");
        return cm;
      });
      await("the hand edit undone", WAIT, () -> "from-git".equals(message(ns, "scoped-config")));
      await("the correction counted", WAIT, () -> fx.metrics.registry().find("capstan.drift.corrections").counter().count() >= 1);
      // The first sync's and the correction's own writes come back as watch events; none may start a
      // pass (a pass with nothing to do counts as "unchanged"). Give them time to arrive.
      Thread.sleep(1500);
      assertThat(fx.count("unchanged")).isZero();
      assertThat(fx.metrics.registry().find("capstan.drift.corrections").counter().count()).isEqualTo(1);
    }
  }

  @Test
  void suspendStopsEverything(@TempDir Path tmp) throws Exception {
    Upstream upstream = repo(tmp, "x");
    String ns = env.newNamespace("suspended");
    try (AgentFixture fx = new AgentFixture(tmp, client)) {
      fx.load(tmp, "apps", app("paused", upstream.fileUrl(), ns, "suspend: true\n" + AUTO));
      await("three suspended passes", WAIT, () -> fx.count("suspended") >= 3);
      assertThat(message(ns, "paused-config")).isNull();
      assertThat(fx.agent.history("paused")).isEmpty();
      assertThat(condition(fx, "paused", "Ready")).contains("Suspended");
    }
  }

  @Test
  void aDenyWindowHoldsAutomatedSyncsUnlessOverridden(@TempDir Path tmp) throws Exception {
    Upstream upstream = repo(tmp, "x");
    String ns = env.newNamespace("window");
    try (AgentFixture fx = new AgentFixture(tmp, client)) {
      fx.load(tmp, "apps", app("held", upstream.fileUrl(), ns,
          AUTO + "\nsyncWindows: [{kind: deny, schedule: \"* * * * *\", duration: 1h}]"));
      await("compared while held", WAIT, () -> status(fx, "held") != null && status(fx, "held").sync().status() == SyncState.OUT_OF_SYNC);
      assertThat(message(ns, "held-config")).isNull();

      assertThat(fx.agent.requestSync("held", false)).hasValueSatisfying(why -> assertThat(why).contains("deny window"));
      assertThat(message(ns, "held-config")).isNull();

      assertThat(fx.agent.requestSync("held", true)).isEmpty();
      await("applied by the overriding manual sync", WAIT, () -> "x".equals(message(ns, "held-config")));
    }
  }

  @Test
  void dependsOnWaitsForTheOtherAppToBeHealthy(@TempDir Path tmp) throws Exception {
    Upstream upstream = repo(tmp, "x");
    String ns = env.newNamespace("deps");
    try (AgentFixture fx = new AgentFixture(tmp, client)) {
      fx.load(tmp, "db", app("db", upstream.fileUrl(), ns, "suspend: true\n" + AUTO));
      fx.load(tmp, "web", app("web", upstream.fileUrl(), ns, "dependsOn: [db]\n" + AUTO));
      await("web waited a few times", WAIT, () -> fx.count("waiting") >= 2);
      assertThat(message(ns, "web-config")).isNull();

      fx.load(tmp, "db", app("db", upstream.fileUrl(), ns, AUTO));
      await("db then web applied", WAIT, () -> "x".equals(message(ns, "db-config")) && "x".equals(message(ns, "web-config")));
      Long dbCreated = created(ns, "db-config");
      assertThat(created(ns, "web-config")).isGreaterThanOrEqualTo(dbCreated);
    }
  }

  private Long created(String ns, String name) {
    return java.time.Instant.parse(client.configMaps().inNamespace(ns).withName(name).get().getMetadata().getCreationTimestamp())
        .getEpochSecond();
  }

  @Test
  void anInvalidApplicationIsStalledAndAppliesNothing(@TempDir Path tmp) throws Exception {
    Upstream upstream = repo(tmp, "x");
    try (AgentFixture fx = new AgentFixture(tmp, client)) {
      fx.load(tmp, "bad", app("bad", upstream.fileUrl(), "Not_A_Namespace",
          "syncPolicy: {automated: true, interval: 90 seconds}"));
      await("stalled", WAIT, () -> condition(fx, "bad", "Stalled").startsWith("True InvalidSpec"));
      assertThat(condition(fx, "bad", "Stalled"))
          .contains("spec.destination.namespace: \"Not_A_Namespace\" is not a valid namespace name")
          .contains("spec.syncPolicy.interval: invalid duration \"90 seconds\"");
      assertThat(condition(fx, "bad", "Ready")).startsWith("False InvalidSpec");
      assertThat(fx.agent.history("bad")).isEmpty();
    }
  }

  @Test
  void aChartRenderingObjectsOutsideThePolicyIsStalledAndAppliesNothing(@TempDir Path tmp) throws Exception {
    String ns = env.newNamespace("fenced");
    String elsewhere = env.newNamespace("elsewhere");
    Upstream upstream = Upstream.create(tmp, "repo");
    Map<String, String> chart = new HashMap<>(configMapChart("app", "demo", "hello"));
    chart.put("app/templates/elsewhere.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: stray, namespace: " + elsewhere + "}\n");
    chart.put("app/templates/role.yaml", "apiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRole\nmetadata: {name: fenced-reader}\nrules: []\n");
    upstream.push("chart", chart);
    AgentPolicy fence = AgentPolicy.permissive().withAllowedNamespaces(List.of(ns)).withAllowedClusterKinds(List.of("Namespace"));
    try (AgentFixture fx = new AgentFixture(tmp, client, fence)) {
      fx.load(tmp, "apps", app("fenced", upstream.fileUrl(), ns, AUTO));
      await("stalled", WAIT, () -> condition(fx, "fenced", "Stalled").startsWith("True ForbiddenObjects"));
      assertThat(condition(fx, "fenced", "Stalled"))
          .contains("demo/templates/elsewhere.yaml (ConfigMap/stray): namespace " + elsewhere + " is not allowed for this agent")
          .contains("demo/templates/role.yaml (ClusterRole/fenced-reader): cluster-scoped kind ClusterRole is not allowed for this agent (allowed: Namespace)")
          .doesNotContain("fenced-config");
      assertThat(message(ns, "fenced-config")).as("nothing applied, not even the allowed objects").isNull();
      assertThat(client.rbac().clusterRoles().withName("fenced-reader").get()).isNull();
      assertThat(fx.agent.history("fenced")).isEmpty();
    }
  }

  @Test
  void whenGitIsUnreachableTheLastGoodStateStays(@TempDir Path tmp) throws Exception {
    Upstream upstream = repo(tmp, "good");
    String ns = env.newNamespace("offline");
    try (AgentFixture fx = new AgentFixture(tmp, client)) {
      fx.load(tmp, "apps", app("offline", upstream.fileUrl(), ns, AUTO));
      await("synced", WAIT, () -> status(fx, "offline") != null && status(fx, "offline").sync().status() == SyncState.SYNCED);
      assertThat(message(ns, "offline-config")).isEqualTo("good");
      String revision = status(fx, "offline").sync().revision();

      deleteTree(upstream.bare());
      await("fetch failure reported", WAIT, () -> condition(fx, "offline", "Ready").startsWith("False GitFetchFailed"));
      assertThat(condition(fx, "offline", "Ready")).contains("the last good revision stays in force");
      assertThat(status(fx, "offline").sync().revision()).isEqualTo(revision);
      assertThat(message(ns, "offline-config")).isEqualTo("good");
    }
  }

  @Test
  void aFailedUpgradeIsRolledBackAtomically(@TempDir Path tmp) throws Exception {
    Upstream upstream = repo(tmp, "v1");
    String ns = env.newNamespace("atomic");
    try (AgentFixture fx = new AgentFixture(tmp, client)) {
      fx.load(tmp, "apps", app("shop", upstream.fileUrl(), ns,
          "syncPolicy: {automated: true, atomic: true, timeout: 20s, interval: 1s, retry: {limit: 0, backoff: 1s}}"));
      await("v1 deployed", WAIT, () -> "v1".equals(message(ns, "shop-config")));

      // The Service's port is out of range: the API server answers 422 half-way through the apply.
      upstream.push("v2 with a bad Service", Map.of("app/values.yaml", "message: v2\n", "app/templates/service.yaml", """
          apiVersion: v1
          kind: Service
          metadata: {name: shop}
          spec:
            selector: {app: shop}
            ports: [{port: 99999}]
          """));
      await("the failed revision recorded", WAIT, () -> fx.agent.history("shop").size() >= 2
          && fx.agent.history("shop").get(0).status().matches("rolled-back|failed"));
      // History is written inside the sync; the status only when the pass ends.
      await("the failure reported", WAIT, () -> condition(fx, "shop", "Ready").startsWith("False SyncFailed"));
      assertThat(message(ns, "shop-config")).isEqualTo("v1");
      assertThat(fx.agent.history("shop")).anySatisfy(h -> assertThat(h.status()).isEqualTo("deployed"));
    }
  }

  private static void deleteTree(Path dir) throws Exception {
    try (Stream<Path> files = Files.walk(dir)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }
}
