package dev.capstan.agent.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.capstan.agent.Agent;
import dev.capstan.agent.application.AgentPolicy;
import dev.capstan.agent.application.Application;
import dev.capstan.agent.application.ApplicationFiles;
import dev.capstan.agent.application.SyncState;
import dev.capstan.agent.fleet.ClusterFlag;
import dev.capstan.agent.fleet.ClusterLimits;
import dev.capstan.agent.runtime.AgentRuntime;
import dev.capstan.git.testing.GitDaemon;
import dev.capstan.git.testing.Upstream;
import dev.capstan.testsupport.KubeApiServers;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link AgentScaleBench}'s fleet over three clusters from one agent: three local API servers, the
 * first the agent's own ({@code in-cluster}), the others registered as {@code east} and {@code west};
 * N Applications round-robin over the three. Not part of {@code verify}; docs/performance.md has the
 * command. Prints {@code BENCH} lines; asserts behaviour (all Synced, a no-change pass writes nothing
 * to any cluster, the pushed app keeps syncing with {@code west} paused), never timings. Writes are
 * counted by each API server ({@code apiserver_request_total} for the kinds the charts hold and the
 * history Secrets), so they include every client of the agent.
 */
class FleetScaleBench {
  private static final List<String> CLUSTERS = List.of("in-cluster", "east", "west");
  private static final Set<String> WRITES = Set.of("POST", "PUT", "PATCH", "APPLY", "DELETE");
  private static final Set<String> CHART_RESOURCES = Set.of("configmaps", "secrets", "services", "serviceaccounts", "deployments",
      "ingresses");
  private static final Pattern REQUESTS = Pattern.compile("^apiserver_request_total\\{([^}]*)} (\\S+)$");

  @RegisterExtension
  static final KubeApiServers SERVERS = new KubeApiServers(3);

  @Test
  void syncsManyApplicationsOverThreeClustersAndOneDownSlowsNoOther(@TempDir Path tmp) throws Exception {
    int apps = Integer.getInteger("bench.apps", 300);
    Path served = Files.createDirectories(tmp.resolve("served"));
    Upstream upstream = Upstream.create(served, "fleet");
    Map<String, String> files = new HashMap<>(Charts.fleetChart("chart"));
    files.putAll(Charts.twentyConfigMaps("pushed", "v0"));
    upstream.push("fleet", files);
    String ns = "fleet";
    for (int i = 0; i < 3; i++) {
      SERVERS.client(i).namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(ns).endMetadata().build()).create();
    }
    try (GitDaemon daemon = GitDaemon.start(served)) {
      String repo = daemon.url("fleet.git");
      Path appFiles = Files.writeString(tmp.resolve("apps.yaml"), Charts.applications(apps, repo, ns, CLUSTERS, "east"));
      var settings = new AgentRuntime.Settings(tmp.resolve("cache"), tmp.resolve("creds"), AgentPolicy.permissive(), 8, "127.0.0.1", 0,
          false, Map.of("CAPSTAN_WEBHOOK_SECRET", WebhookPush.SECRET));
      ClusterLimits limits = ClusterLimits.defaults().withConcurrency(Integer.getInteger("bench.clusterConcurrency", 4));
      var clusters = new AgentRuntime.Clusters(List.of(
          ClusterFlag.parse("east=" + SERVERS.server(1).kubeconfig(), limits),
          ClusterFlag.parse("west=" + SERVERS.server(2).kubeconfig(), limits)), limits, Set.of(), null);
      long[] writes0 = writes();
      long start = System.nanoTime();
      try (AgentRuntime runtime = AgentRuntime.start(SERVERS.client(0), settings, clusters)) {
        Agent agent = runtime.agent();
        for (ApplicationFiles.Loaded loaded : ApplicationFiles.load(appFiles)) {
          agent.upsert(loaded.application());
        }
        agent.markReady();
        BenchSupport.await(Duration.ofMinutes(15), Duration.ofMillis(100), () -> synced(agent) == apps + 1);
        double allSynced = (System.nanoTime() - start) / 1e9;
        long[] writes1 = writes();
        System.out.printf("BENCH fleet apps=%d clusters=3 all-synced=%.1fs writes per cluster=%d/%d/%d%n", apps, allSynced,
            writes1[0] - writes0[0], writes1[1] - writes0[1], writes1[2] - writes0[2]);

        double unchanged0 = count(runtime, "unchanged");
        long pass = System.nanoTime();
        BenchSupport.await(Duration.ofMinutes(5), Duration.ofMillis(100), () -> count(runtime, "unchanged") >= unchanged0 + apps);
        long[] writes2 = writes();
        long passWrites = writes2[0] - writes1[0] + writes2[1] - writes1[1] + writes2[2] - writes1[2];
        System.out.printf("BENCH fleet apps=%d no-change-pass: %.1fs wall, writes=%d%n", apps, (System.nanoTime() - pass) / 1e9, passWrites);
        assertThat(passWrites).as("writes to any cluster in a pass with nothing new").isZero();

        List<Double> allUp = pushLatencies(runtime, upstream, repo, ns, 0, 20);
        report(apps, "all clusters up", allUp);
        SERVERS.server(2).pause();
        try {
          long paused = System.nanoTime();
          long westApps = agent.applications().stream().filter(a -> "west".equals(a.getSpec().destination().cluster())).count();
          BenchSupport.await(Duration.ofMinutes(2), Duration.ofMillis(100), () -> unreachable(agent) == westApps);
          System.out.printf("BENCH fleet apps=%d west paused: all %d of its apps marked ClusterUnreachable after %.1fs%n", apps, westApps,
              (System.nanoTime() - paused) / 1e9);
          List<Double> westDown = pushLatencies(runtime, upstream, repo, ns, 20, 20);
          report(apps, "west paused", westDown);
          assertThat(unreachable(agent)).as("only west's apps are unreachable").isEqualTo(westApps);
        } finally {
          SERVERS.server(2).resume();
        }
        System.out.printf("BENCH fleet apps=%d process memory: %s%n", apps, BenchSupport.memory("self"));
      }
    }
  }

  private static void report(int apps, String when, List<Double> latencies) {
    Collections.sort(latencies);
    System.out.printf("BENCH fleet apps=%d push-to-applied in east, %s (20 objects, %d pushes): p50=%.0fms p99=%.0fms max=%.0fms%n",
        apps, when, latencies.size(), latencies.get(latencies.size() / 2),
        latencies.get((int) Math.ceil(latencies.size() * 0.99) - 1), latencies.get(latencies.size() - 1));
  }

  private static List<Double> pushLatencies(AgentRuntime runtime, Upstream upstream, String repo, String ns, int first, int pushes)
      throws Exception {
    KubernetesClient east = SERVERS.client(1);
    List<Double> out = new ArrayList<>();
    HttpClient http = HttpClient.newHttpClient();
    for (int i = first + 1; i <= first + pushes; i++) {
      String value = "v" + i;
      String commit = WebhookPush.commit(upstream, value);
      long t0 = System.nanoTime();
      WebhookPush.announce(http, runtime.server().uri(), repo, commit);
      BenchSupport.await(Duration.ofSeconds(60), Duration.ofMillis(5),
          () -> value.equals(message(east, ns, "pushed-cm-19")) && value.equals(message(east, ns, "pushed-cm-0")));
      out.add((System.nanoTime() - t0) / 1e6);
    }
    return out;
  }

  private static String message(KubernetesClient client, String ns, String name) {
    ConfigMap cm = client.configMaps().inNamespace(ns).withName(name).get();
    return cm == null ? null : cm.getData().get("message");
  }

  /** Writes each API server has answered so far to the kinds the charts hold and the history Secrets. */
  private static long[] writes() {
    long[] out = new long[3];
    for (int i = 0; i < 3; i++) {
      String metrics = SERVERS.client(i).raw("/metrics");
      long sum = 0;
      for (String line : metrics.split("\n")) {
        Matcher m = REQUESTS.matcher(line);
        if (m.matches() && WRITES.contains(label(m.group(1), "verb")) && CHART_RESOURCES.contains(label(m.group(1), "resource"))) {
          sum += (long) Double.parseDouble(m.group(2));
        }
      }
      out[i] = sum;
    }
    return out;
  }

  private static String label(String labels, String name) {
    Matcher m = Pattern.compile("(?:^|,)" + name + "=\"([^\"]*)\"").matcher(labels);
    return m.find() ? m.group(1) : "";
  }

  private static long unreachable(Agent agent) {
    return agent.applications().stream().filter(a -> a.getStatus() != null && a.getStatus().conditions() != null
        && a.getStatus().conditions().stream().anyMatch(c -> "ClusterUnreachable".equals(c.getType()))).count();
  }

  private static long synced(Agent agent) {
    return agent.applications().stream().map(Application::getStatus)
        .filter(s -> s != null && s.sync() != null && s.sync().status() == SyncState.SYNCED).count();
  }

  private static double count(AgentRuntime runtime, String result) {
    return runtime.metrics().find("capstan.syncs").tag("result", result).counters().stream().mapToDouble(c -> c.count()).sum();
  }
}
