package dev.capstan.cli.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.capstan.agent.bench.BenchSupport;
import dev.capstan.agent.bench.Charts;
import dev.capstan.agent.bench.WebhookPush;
import dev.capstan.git.testing.GitDaemon;
import dev.capstan.git.testing.Upstream;
import dev.capstan.localcluster.ApiServerOptions;
import dev.capstan.localcluster.LocalApiServer;
import dev.capstan.testsupport.KubeApiServerTest;
import dev.capstan.testsupport.KubeEnv;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One whole {@code capstan agent} process at scale, measured from outside as a container's memory
 * limit sees it: the shaded jar ({@code target/capstan.jar}, built by {@code package} before the
 * integration tests) runs with the JVM options of {@code -Dbench.jvm}, syncs the scale benchmark's
 * Applications ({@link Charts}) from {@code git daemon} into the local API server, then serves
 * pushes. Its peak resident memory (VmHWM) and CPU come from {@code /proc/PID}. Not part of
 * {@code verify}; docs/performance.md has the command. Asserts behaviour (all Synced, every push
 * applied), never timings.
 */
@KubeApiServerTest
class AgentProcessBench {
  private static final Pattern UNCHANGED = Pattern.compile("^capstan_syncs_total\\{[^}]*result=\"unchanged\"[^}]*} (\\S+)$",
      Pattern.MULTILINE);
  private static final ObjectMapper JSON = new ObjectMapper();

  KubeEnv env;
  KubernetesClient client;

  @Test
  void oneAgentProcessSyncsAThousandApplications(@TempDir Path tmp) throws Exception {
    int apps = Integer.getInteger("bench.apps", 1000);
    Path served = Files.createDirectories(tmp.resolve("served"));
    Upstream upstream = Upstream.create(served, "fleet");
    Map<String, String> files = new HashMap<>(Charts.fleetChart("chart"));
    files.putAll(Charts.twentyConfigMaps("pushed", "v0"));
    upstream.push("fleet", files);
    String ns = env.namespace();
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    URI agentUri = URI.create("http://127.0.0.1:" + port);
    HttpClient http = HttpClient.newHttpClient();
    // -Dbench.clusters=3: the agent's own cluster plus two more local API servers, registered with --cluster.
    List<LocalApiServer> more = new ArrayList<>();
    List<String> clusterFlags = new ArrayList<>();
    List<String> clusterNames = new ArrayList<>(List.of("in-cluster"));
    try (GitDaemon daemon = GitDaemon.start(served); AutoCloseable stopMore = () -> more.forEach(LocalApiServer::stop)) {
      for (int i = 1; i < Integer.getInteger("bench.clusters", 1); i++) {
        LocalApiServer server = LocalApiServer.start(ApiServerOptions.defaults());
        more.add(server);
        try (KubernetesClient other = server.newClient("default")) {
          other.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(ns).endMetadata().build()).create();
        }
        clusterNames.add("c" + i);
        clusterFlags.addAll(List.of("--cluster", "c" + i + "=" + server.kubeconfig()));
      }
      String repo = daemon.url("fleet.git");
      Path appFiles = Files.writeString(tmp.resolve("apps.yaml"), clusterNames.size() == 1 ? Charts.applications(apps, repo, List.of(ns))
          : Charts.applications(apps, repo, ns, clusterNames, "in-cluster"));
      List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
      command.addAll(List.of(System.getProperty("bench.jvm", "").split("\\s+")).stream().filter(s -> !s.isBlank()).toList());
      command.addAll(List.of("-jar", Path.of("target", "capstan.jar").toAbsolutePath().toString(), "agent",
          "--applications", appFiles.toString(), "--kubeconfig", env.kubeconfig().toString(), "--http-host", "127.0.0.1",
          "--http-port", Integer.toString(port), "--api-open-reads", "--concurrency", "8", "--cache-dir", tmp.resolve("cache").toString(),
          "--credentials-dir", tmp.resolve("creds").toString()));
      command.addAll(clusterFlags);
      ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(tmp.resolve("agent.log").toFile());
      builder.environment().put("CAPSTAN_WEBHOOK_SECRET", WebhookPush.SECRET);
      long start = System.nanoTime();
      Process agent = builder.start();
      try {
        BenchSupport.await(Duration.ofMinutes(15), Duration.ofMillis(250), () -> synced(http, agentUri) == apps + 1 || !agent.isAlive());
        assertThat(agent.isAlive()).as("agent process alive; its log: " + tmp.resolve("agent.log")).isTrue();
        System.out.printf("BENCH process apps=%d clusters=%d all-synced=%.1fs cpu=%.1fs %s%n", apps, clusterNames.size(),
            (System.nanoTime() - start) / 1e9,
            cpuSeconds(agent.pid()), BenchSupport.memory(Long.toString(agent.pid())));

        double unchanged0 = unchanged(http, agentUri);
        long pass = System.nanoTime();
        double cpu0 = cpuSeconds(agent.pid());
        BenchSupport.await(Duration.ofMinutes(5), Duration.ofMillis(250), () -> unchanged(http, agentUri) >= unchanged0 + apps);
        System.out.printf("BENCH process apps=%d no-change-pass: %.1fs wall, cpu=%.2fs%n", apps, (System.nanoTime() - pass) / 1e9,
            cpuSeconds(agent.pid()) - cpu0);

        List<Double> latencies = new ArrayList<>();
        for (int i = 1; i <= 20; i++) {
          String value = "v" + i;
          String commit = WebhookPush.commit(upstream, value);
          long t0 = System.nanoTime();
          WebhookPush.announce(http, agentUri, repo, commit);
          BenchSupport.await(Duration.ofSeconds(60), Duration.ofMillis(5),
              () -> value.equals(message(ns, "pushed-cm-0")) && value.equals(message(ns, "pushed-cm-19")));
          latencies.add((System.nanoTime() - t0) / 1e6);
        }
        Collections.sort(latencies);
        System.out.printf("BENCH process apps=%d push-to-applied p50=%.0fms p99=%.0fms; %s, cpu=%.1fs in all%n", apps,
            latencies.get(latencies.size() / 2), latencies.get(latencies.size() - 1), BenchSupport.memory(Long.toString(agent.pid())), cpuSeconds(agent.pid()));
      } finally {
        agent.destroy();
        agent.onExit().get();
      }
    }
  }

  private String message(String ns, String name) {
    ConfigMap cm = client.configMaps().inNamespace(ns).withName(name).get();
    return cm == null ? null : cm.getData().get("message");
  }

  private static long synced(HttpClient http, URI agent) {
    try {
      JsonNode list = JSON.readTree(get(http, agent.resolve("/api/v1/applications")));
      long n = 0;
      for (JsonNode app : list) {
        n += "Synced".equals(app.path("status").path("sync").path("status").asText()) ? 1 : 0;
      }
      return n;
    } catch (Exception notUpYet) {
      return 0;
    }
  }

  private static double unchanged(HttpClient http, URI agent) {
    try {
      Matcher m = UNCHANGED.matcher(get(http, agent.resolve("/metrics")));
      double sum = 0;
      while (m.find()) { // one counter per cluster
        sum += Double.parseDouble(m.group(1));
      }
      return sum;
    } catch (Exception e) {
      return 0;
    }
  }

  private static String get(HttpClient http, URI uri) throws Exception {
    return http.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString()).body();
  }

  /** User and system CPU of the process, from /proc/PID/stat (clock ticks of 1/100 s). */
  private static double cpuSeconds(long pid) throws Exception {
    String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
    return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / 100.0;
  }

}
