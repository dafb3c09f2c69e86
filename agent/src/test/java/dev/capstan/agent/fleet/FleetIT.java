package dev.capstan.agent.fleet;

import static dev.capstan.agent.AgentFixture.await;
import static dev.capstan.agent.AgentFixture.configMapChart;
import static org.assertj.core.api.Assertions.assertThat;

import dev.capstan.agent.AgentOperations.ClusterView;
import dev.capstan.agent.application.AgentPolicy;
import dev.capstan.agent.application.Application;
import dev.capstan.agent.application.ApplicationFiles;
import dev.capstan.agent.application.ApplicationStatus;
import dev.capstan.agent.application.SyncState;
import dev.capstan.agent.runtime.AgentRuntime;
import dev.capstan.engine.history.SecretReleaseStore;
import dev.capstan.git.testing.Upstream;
import dev.capstan.testsupport.KubeApiServers;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * One agent and three real API servers: server 0 is the agent's own cluster ({@code in-cluster}),
 * servers 1 and 2 are registered as {@code east} and {@code west}, by flag as files mode does.
 */
class FleetIT {
  private static final Duration WAIT = Duration.ofSeconds(90);

  @RegisterExtension
  static final KubeApiServers SERVERS = new KubeApiServers(3);

  private static final String[] CLUSTERS = {"in-cluster", "east", "west"};

  @TempDir
  Path tmp;
  private AgentRuntime runtime;

  @AfterEach
  void stop() {
    if (runtime != null) {
      runtime.close();
    }
  }

  private AgentRuntime start(Set<String> allowed) {
    return start(allowed, ClusterLimits.defaults());
  }

  private AgentRuntime start(Set<String> allowed, ClusterLimits limits) {
    List<RegisteredCluster> flags = List.of(
        ClusterFlag.parse("east=" + SERVERS.server(1).kubeconfig(), limits),
        ClusterFlag.parse("west=" + SERVERS.server(2).kubeconfig(), limits));
    runtime = AgentRuntime.start(SERVERS.client(0), new AgentRuntime.Settings(tmp.resolve("cache"), tmp.resolve("creds"),
        AgentPolicy.permissive(), 4, "127.0.0.1", 0, false, Map.of()),
        new AgentRuntime.Clusters(flags, limits, allowed, null));
    return runtime;
  }

  /** What Prometheus reads: {@code GET /metrics} on the agent's HTTP server. */
  private String scrape() throws Exception {
    HttpResponse<String> response = HttpClient.newHttpClient().send(
        HttpRequest.newBuilder(runtime.server().uri().resolve("/metrics")).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).isEqualTo(200);
    return response.body();
  }

  /** The value of one sample in the Prometheus text format; NaN when it is not there. */
  private static double sample(String scraped, String series) {
    return scraped.lines().filter(l -> l.startsWith(series + " ")).mapToDouble(l -> Double.parseDouble(l.substring(series.length() + 1)))
        .findFirst().orElse(Double.NaN);
  }

  private String namespaceEverywhere(String prefix) {
    String ns = prefix + "-" + Long.toString(System.nanoTime() % 1_000_000, 36);
    for (int i = 0; i < SERVERS.count(); i++) {
      SERVERS.client(i).namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(ns).endMetadata().build()).create();
    }
    return ns;
  }

  private static String app(String name, String repo, String path, String namespace, String cluster) {
    return app(name, repo, path, namespace, cluster, "{automated: true, prune: true, selfHeal: true, interval: 1s, retry: {limit: 20, backoff: 1s}}");
  }

  private static String app(String name, String repo, String path, String namespace, String cluster, String syncPolicy) {
    return """
        apiVersion: capstan.dev/v1alpha1
        kind: Application
        metadata: {name: %s}
        spec:
          source: {repoURL: "%s", ref: main, path: %s}
          destination: {namespace: %s%s}
          syncPolicy: %s
        """.formatted(name, repo, path, namespace, cluster == null ? "" : ", cluster: " + cluster, syncPolicy);
  }

  private void load(String yaml) throws Exception {
    Path file = Files.writeString(tmp.resolve("apps-" + System.nanoTime() + ".yaml"), yaml);
    for (ApplicationFiles.Loaded loaded : ApplicationFiles.load(file)) {
      runtime.agent().upsert(loaded.application());
    }
    runtime.agent().markReady();
  }

  private static String message(int server, String namespace, String configMap) {
    ConfigMap cm = SERVERS.client(server).configMaps().inNamespace(namespace).withName(configMap).get();
    return cm == null ? null : cm.getData().get("message");
  }

  private ApplicationStatus status(String app) {
    Application a = runtime.agent().application(app).orElseThrow();
    return a.getStatus();
  }

  private boolean syncedAt(String app, String commit) {
    ApplicationStatus s = status(app);
    return s != null && s.syncState() == SyncState.SYNCED && commit.equals(s.sync().revision());
  }

  /** A chart of two ConfigMaps: {@code <release>-config} with values.message, and {@code <release>-extra}. */
  private static Map<String, String> chart(String folder, String name, String message) {
    Map<String, String> files = new HashMap<>(configMapChart(folder, name, message));
    files.put(folder + "/templates/extra.yaml", """
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: {{ release.name }}-extra
        data:
          kept: "until pruned"
        """);
    return files;
  }

  @Test
  void eachAppLandsOnlyInItsClusterWithItsHistoryThereAndHealsAndPrunesThere() throws Exception {
    Upstream upstream = Upstream.create(tmp, "fleet");
    Map<String, String> files = new HashMap<>();
    for (String c : CLUSTERS) {
      files.putAll(chart("apps/" + c, "web", "hello " + c));
    }
    String first = upstream.push("three apps", files);
    String ns = namespaceEverywhere("spread");
    start(Set.of());
    load(app("web-in-cluster", upstream.fileUrl(), "apps/in-cluster", ns, null) + "---\n"
        + app("web-east", upstream.fileUrl(), "apps/east", ns, "east") + "---\n"
        + app("web-west", upstream.fileUrl(), "apps/west", ns, "west"));

    for (int i = 0; i < CLUSTERS.length; i++) {
      String appName = "web-" + CLUSTERS[i];
      await(appName + " synced", WAIT, () -> syncedAt(appName, first));
    }
    for (int i = 0; i < CLUSTERS.length; i++) {
      for (int j = 0; j < CLUSTERS.length; j++) {
        String configMap = "web-" + CLUSTERS[j] + "-config";
        if (i == j) {
          assertThat(message(i, ns, configMap)).as(configMap + " on server " + i).isEqualTo("hello " + CLUSTERS[j]);
          assertThat(new SecretReleaseStore(SERVERS.client(i)).list(ns, "web-" + CLUSTERS[j])).hasSize(1);
        } else {
          assertThat(message(i, ns, configMap)).as(configMap + " on server " + i).isNull();
          assertThat(new SecretReleaseStore(SERVERS.client(i)).list(ns, "web-" + CLUSTERS[j])).isEmpty();
        }
      }
      assertThat(status("web-" + CLUSTERS[i]).cluster()).isEqualTo(CLUSTERS[i]);
      assertThat(runtime.agent().history("web-" + CLUSTERS[i])).singleElement()
          .satisfies(h -> assertThat(h.gitRevision()).isEqualTo(first));
    }
    assertThat(runtime.agent().clusters()).extracting(ClusterView::name, ClusterView::applications)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("east", 1L), org.assertj.core.groups.Tuple.tuple("in-cluster", 1L),
            org.assertj.core.groups.Tuple.tuple("west", 1L));
    await("every cluster probed", WAIT, () -> runtime.agent().clusters().stream().allMatch(ClusterView::reachable));
    String metrics = scrape();
    for (String c : CLUSTERS) {
      assertThat(sample(metrics, "capstan_cluster_up{cluster=\"" + c + "\"}")).as(c + " up").isEqualTo(1.0);
      assertThat(sample(metrics, "capstan_syncs_total{cluster=\"" + c + "\",result=\"synced\"}")).as(c + " syncs").isGreaterThanOrEqualTo(1);
      assertThat(sample(metrics, "capstan_sync_duration_seconds_count{cluster=\"" + c + "\"}")).as(c + " passes timed")
          .isGreaterThanOrEqualTo(1);
    }

    // Self-heal in east: a hand edit there is put back there, and west's copy is untouched.
    SERVERS.client(1).configMaps().inNamespace(ns).withName("web-east-config")
        .edit(cm -> {
          cm.getData().put("message", "edited by hand");
          return cm;
        });
    await("east healed", WAIT, () -> "hello east".equals(message(1, ns, "web-east-config")));

    // Prune in west only: the extra ConfigMap goes from west, east keeps its own.
    Map<String, String> dropExtra = new HashMap<>();
    dropExtra.put("apps/west/templates/extra.yaml", null);
    String second = upstream.push("west drops its extra ConfigMap", dropExtra);
    await("west synced the prune", WAIT, () -> syncedAt("web-west", second));
    await("west's extra pruned", WAIT, () -> SERVERS.client(2).configMaps().inNamespace(ns).withName("web-west-extra").get() == null);
    assertThat(SERVERS.client(1).configMaps().inNamespace(ns).withName("web-east-extra").get()).isNotNull();
    assertThat(new SecretReleaseStore(SERVERS.client(2)).list(ns, "web-west")).hasSize(2);
    assertThat(new SecretReleaseStore(SERVERS.client(1)).list(ns, "web-east")).as("east: deployed, then healed").hasSize(2);
    assertThat(new SecretReleaseStore(SERVERS.client(0)).list(ns, "web-in-cluster")).hasSize(1);

    // Rollback in west: revision 1 comes back as revision 3 there, with the pruned ConfigMap; nothing moves elsewhere.
    assertThat(runtime.agent().rollback("web-west", 1).revision()).isEqualTo(3);
    assertThat(SERVERS.client(2).configMaps().inNamespace(ns).withName("web-west-extra").get()).isNotNull();
    assertThat(new SecretReleaseStore(SERVERS.client(2)).list(ns, "web-west")).hasSize(3);
    assertThat(runtime.agent().history("web-west")).extracting(h -> h.revision()).containsExactly(3, 2, 1);
    assertThat(new SecretReleaseStore(SERVERS.client(1)).list(ns, "web-east")).hasSize(2);
  }

  @Test
  void hooksHealthWaitsAndAtomicRollbackRunInTheAppsOwnCluster() throws Exception {
    Upstream upstream = Upstream.create(tmp, "atomic");
    Map<String, String> files = new HashMap<>(configMapChart("apps/east", "shop", "v1"));
    files.put("apps/east/templates/hooks.yaml", """
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: {{ release.name }}-post-sync
          annotations: {capstan.dev/hook: post-sync}
        data: {ran: "yes"}
        ---
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: {{ release.name }}-sync-fail
          annotations: {capstan.dev/hook: sync-fail}
        data: {ran: "yes"}
        """);
    String first = upstream.push("v1 with hooks", files);
    String ns = namespaceEverywhere("atomic");
    start(Set.of());
    load(app("shop", upstream.fileUrl(), "apps/east", ns, "east",
        "{automated: true, atomic: true, timeout: 20s, interval: 1s, retry: {limit: 0, backoff: 1s}}"));

    // atomic waits for health: the ConfigMap is healthy only where it was applied, so this pass read east.
    await("v1 synced in east", WAIT, () -> syncedAt("shop", first));
    assertThat(message(1, ns, "shop-config")).isEqualTo("v1");
    assertThat(SERVERS.client(1).configMaps().inNamespace(ns).withName("shop-post-sync").get()).as("post-sync hook in east").isNotNull();
    assertThat(SERVERS.client(1).configMaps().inNamespace(ns).withName("shop-sync-fail").get()).isNull();

    // The Service's port is out of range: east answers 422 half-way through; v1 is put back there.
    upstream.push("v2 with a bad Service", Map.of("apps/east/values.yaml", "message: v2\n", "apps/east/templates/service.yaml", """
        apiVersion: v1
        kind: Service
        metadata: {name: shop}
        spec:
          selector: {app: shop}
          ports: [{port: 99999}]
        """));
    await("the failure reported", WAIT, () -> status("shop").conditions().stream()
        .anyMatch(c -> "Ready".equals(c.getType()) && "False".equals(c.getStatus()) && "SyncFailed".equals(c.getReason())));
    assertThat(message(1, ns, "shop-config")).as("v1 put back in east").isEqualTo("v1");
    assertThat(SERVERS.client(1).configMaps().inNamespace(ns).withName("shop-sync-fail").get()).as("sync-fail hook in east").isNotNull();
    assertThat(new SecretReleaseStore(SERVERS.client(1)).list(ns, "shop")).extracting(r -> r.status().toString().toLowerCase())
        .anyMatch(st -> st.matches("rolled.?back|failed")).anyMatch(st -> st.equals("deployed"));
    for (int other : new int[] {0, 2}) {
      assertThat(SERVERS.client(other).configMaps().inNamespace(ns).list().getItems()).as("server " + other)
          .noneMatch(cm -> cm.getMetadata().getName().startsWith("shop-"));
      assertThat(new SecretReleaseStore(SERVERS.client(other)).list(ns, "shop")).as("server " + other).isEmpty();
    }
  }

  @Test
  void aPausedClusterMarksOnlyItsAppsAndComesBackWithoutARestart() throws Exception {
    Upstream upstream = Upstream.create(tmp, "outage");
    Map<String, String> files = new HashMap<>();
    for (String c : CLUSTERS) {
      files.putAll(configMapChart("apps/" + c, "web", "v1"));
    }
    String first = upstream.push("v1 everywhere", files);
    String ns = namespaceEverywhere("outage");
    start(Set.of());
    load(app("app-in-cluster", upstream.fileUrl(), "apps/in-cluster", ns, null) + "---\n"
        + app("app-east", upstream.fileUrl(), "apps/east", ns, "east") + "---\n"
        + app("app-west", upstream.fileUrl(), "apps/west", ns, "west"));
    for (String c : CLUSTERS) {
      await("app-" + c + " synced", WAIT, () -> syncedAt("app-" + c, first));
    }

    SERVERS.server(2).pause();
    try {
      Map<String, String> v2 = new HashMap<>();
      for (String c : CLUSTERS) {
        v2.put("apps/" + c + "/values.yaml", "message: v2\n");
      }
      String second = upstream.push("v2 everywhere", v2);
      await("the other clusters synced v2", WAIT, () -> "v2".equals(message(0, ns, "app-in-cluster-config"))
          && "v2".equals(message(1, ns, "app-east-config")) && syncedAt("app-in-cluster", second) && syncedAt("app-east", second));
      await("west's app marked unreachable", WAIT, () -> unreachable("app-west"));
      ApplicationStatus west = status("app-west");
      assertThat(west.syncState()).isEqualTo(SyncState.UNKNOWN);
      assertThat(west.conditions()).anySatisfy(c -> {
        assertThat(c.getType()).isEqualTo("ClusterUnreachable");
        assertThat(c.getReason()).isEqualTo("Timeout");
        assertThat(c.getMessage()).contains("cluster west is unreachable");
      });
      assertThat(unreachable("app-east")).isFalse();
      assertThat(unreachable("app-in-cluster")).isFalse();
      assertThat(runtime.agent().clusters()).filteredOn(c -> c.name().equals("west")).singleElement()
          .satisfies(c -> assertThat(c.reachable()).isFalse());
      String down = scrape();
      assertThat(sample(down, "capstan_cluster_up{cluster=\"west\"}")).isEqualTo(0.0);
      assertThat(sample(down, "capstan_cluster_up{cluster=\"east\"}")).isEqualTo(1.0);

      // Still syncing elsewhere while west is down.
      Map<String, String> v3 = Map.of("apps/east/values.yaml", "message: v3\n");
      String third = upstream.push("v3 in east", v3);
      await("east synced v3 with west down", WAIT, () -> "v3".equals(message(1, ns, "app-east-config")) && syncedAt("app-east", third));
    } finally {
      SERVERS.server(2).resume();
    }
    await("west back and synced", WAIT, () -> "v2".equals(message(2, ns, "app-west-config")) && !unreachable("app-west")
        && status("app-west").syncState() == SyncState.SYNCED);
    assertThat(new SecretReleaseStore(SERVERS.client(2)).list(ns, "app-west")).hasSize(2);
    assertThat(sample(scrape(), "capstan_syncs_total{cluster=\"west\",result=\"unreachable\"}")).isGreaterThanOrEqualTo(1);
  }

  @Test
  void unknownAndForbiddenClustersStallBeforeAnyRequest() throws Exception {
    Upstream upstream = Upstream.create(tmp, "policy");
    String first = upstream.push("one chart", configMapChart("apps/web", "web", "v1"));
    String ns = namespaceEverywhere("policy");
    start(Set.of("east"));
    load(app("to-nowhere", upstream.fileUrl(), "apps/web", ns, "nowhere") + "---\n"
        + app("to-west", upstream.fileUrl(), "apps/web", ns, "west") + "---\n"
        + app("to-east", upstream.fileUrl(), "apps/web", ns, "east"));
    await("to-east synced", WAIT, () -> syncedAt("to-east", first));
    await("to-nowhere stalled", WAIT, () -> stalled("to-nowhere", "UnknownCluster"));
    await("to-west stalled", WAIT, () -> stalled("to-west", "ClusterNotAllowed"));
    assertThat(condition("to-nowhere", "Stalled")).contains("no cluster named \"nowhere\" is registered");
    assertThat(condition("to-west", "Stalled")).contains("--allowed-cluster");
    assertThat(message(2, ns, "to-west-config")).isNull();
    assertThat(message(0, ns, "to-west-config")).isNull();
    assertThat(message(0, ns, "to-nowhere-config")).isNull();
    assertThat(new SecretReleaseStore(SERVERS.client(2)).list(ns, "to-west")).isEmpty();
  }

  @Test
  void theAgentsOwnClusterKeepsToTheSameRequestRateAsTheOthers() throws Exception {
    Upstream upstream = Upstream.create(tmp, "rate");
    Map<String, String> files = new HashMap<>(configMapChart("apps/own", "web", "v1"));
    files.putAll(configMapChart("apps/east", "web", "v1"));
    String commit = upstream.push("two charts", files);
    String ns = namespaceEverywhere("rate");
    // One request at a time, four a second: every request after the first waits for its slot.
    start(Set.of(), new ClusterLimits(4, 1, 2));
    load(app("own", upstream.fileUrl(), "apps/own", ns, null) + "---\n" + app("far", upstream.fileUrl(), "apps/east", ns, "east"));
    await("both synced", WAIT, () -> syncedAt("own", commit) && syncedAt("far", commit));
    String metrics = scrape();
    for (String c : new String[] {"in-cluster", "east"}) {
      assertThat(sample(metrics, "capstan_cluster_request_wait_seconds_count{cluster=\"" + c + "\"}")).as(c + " requests").isGreaterThan(2);
      assertThat(sample(metrics, "capstan_cluster_request_wait_seconds_sum{cluster=\"" + c + "\"}")).as(c + " held back").isGreaterThan(0);
    }
  }

  private boolean unreachable(String app) {
    ApplicationStatus s = status(app);
    return s != null && s.conditions() != null && s.conditions().stream()
        .anyMatch(c -> "ClusterUnreachable".equals(c.getType()) && "True".equals(c.getStatus()));
  }

  private boolean stalled(String app, String reason) {
    ApplicationStatus s = status(app);
    return s != null && s.conditions() != null && s.conditions().stream()
        .anyMatch(c -> "Stalled".equals(c.getType()) && "True".equals(c.getStatus()) && reason.equals(c.getReason()));
  }

  private String condition(String app, String type) {
    return status(app).conditions().stream().filter(c -> type.equals(c.getType())).findFirst().orElseThrow().getMessage();
  }
}
