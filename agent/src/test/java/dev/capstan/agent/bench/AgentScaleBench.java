package dev.capstan.agent.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.management.OperatingSystemMXBean;
import dev.capstan.agent.Agent;
import dev.capstan.agent.application.AgentPolicy;
import dev.capstan.agent.application.Application;
import dev.capstan.agent.application.ApplicationFiles;
import dev.capstan.agent.application.SyncState;
import dev.capstan.agent.runtime.AgentRuntime;
import dev.capstan.engine.cluster.KubeConfigs;
import dev.capstan.git.testing.GitDaemon;
import dev.capstan.git.testing.Upstream;
import dev.capstan.testsupport.KubeApiServerTest;
import dev.capstan.testsupport.KubeEnv;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.http.BasicBuilder;
import io.fabric8.kubernetes.client.http.HttpRequest;
import io.fabric8.kubernetes.client.http.Interceptor;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The agent at scale, in the shape of Flux's public MTTP benchmark: N Applications of one chart
 * (ServiceAccount, Service, Deployment scaled to zero, Ingress) in one Git repository served by
 * {@code git daemon}, synced into the local kube-apiserver + etcd. Not part of {@code verify} (the
 * name matches neither {@code *Test} nor {@code *IT}); docs/performance.md has the command. Prints
 * {@code BENCH} lines; asserts behaviour (everything Synced, a no-change pass writes nothing), never
 * timings. {@code -Dbench.apps=100,500,1000} picks N; {@code -Dbench.namespaces=K} spreads the apps
 * over K namespaces (default 1).
 */
@KubeApiServerTest
class AgentScaleBench {
  KubeEnv env;

  /** Counts requests leaving the agent's client, by whether they change anything. */
  static final class RequestCounter implements Interceptor {
    final AtomicInteger reads = new AtomicInteger();
    final AtomicInteger writes = new AtomicInteger();
    /** Requests by verb and resource ({@code GET secrets (list)}), to show where reads go. */
    final Map<String, AtomicInteger> byKind = new ConcurrentHashMap<>();
    /** When set, when each request left, to show where a push's time goes. */
    volatile List<Sent> sent;

    @Override
    public void before(BasicBuilder builder, HttpRequest request, RequestTags tags) {
      boolean dryRun = request.uri().getQuery() != null && request.uri().getQuery().contains("dryRun");
      (request.method().equals("GET") || dryRun ? reads : writes).incrementAndGet();
      byKind.computeIfAbsent(kind(request.method(), request.uri().getPath(), request.uri().getQuery()), k -> new AtomicInteger()).incrementAndGet();
      List<Sent> log = sent;
      if (log != null) {
        log.add(new Sent(System.nanoTime(), request.method(), request.uri().getPath()));
      }
    }
  }

  record Sent(long nanos, String method, String path) {}

  /**
   * {@code GET secrets (list)}, {@code GET configmaps (get)}, {@code GET deployments (watch)}, {@code PATCH
   * applications/status}: the verb and the resource of a request path ({@code /api/v1/namespaces/ns/secrets/name},
   * {@code /apis/group/version/...}), with a read's kind (one object, a list, a watch); {@code GET /version} (the
   * fleet's probe of a cluster) apart, other paths naming no resource are {@code GET discovery}.
   */
  static String kind(String method, String path, String query) {
    String[] parts = path.replaceAll("^/+|/+$", "").split("/");
    int i = parts[0].equals("api") ? 2 : parts[0].equals("apis") ? 3 : parts.length;
    if (i < parts.length && parts[i].equals("namespaces") && parts.length > i + 2) {
      i += 2;
    }
    if (i >= parts.length) {
      return method + " " + (path.equals("/version") ? "/version" : "discovery");
    }
    String resource = parts[i] + (parts.length > i + 2 ? "/" + parts[i + 2] : "");
    boolean dryRun = query != null && query.contains("dryRun");
    if (!method.equals("GET")) {
      return method + " " + resource + (dryRun ? " (dry run)" : "");
    }
    boolean watch = query != null && query.contains("watch=true");
    return "GET " + resource + (watch ? " (watch)" : parts.length > i + 1 ? " (get)" : " (list)");
  }

  private static String breakdown(RequestCounter counter) {
    var sorted = new ArrayList<>(counter.byKind.entrySet());
    sorted.sort((a, b) -> Integer.compare(b.getValue().get(), a.getValue().get()));
    StringBuilder out = new StringBuilder();
    for (var e : sorted) {
      out.append(out.isEmpty() ? "" : ", ").append(e.getKey()).append(' ').append(e.getValue().get());
    }
    return out.toString();
  }

  @Test
  void syncsManyApplicationsAndPassesWithNothingNewWriteNothing(@TempDir Path tmp) throws Exception {
    for (String n : System.getProperty("bench.apps", "100").split(",")) {
      run(tmp.resolve("n" + n.strip()), Integer.parseInt(n.strip()));
    }
  }

  private void run(Path tmp, int apps) throws Exception {
    Path served = Files.createDirectories(tmp.resolve("served"));
    Upstream upstream = Upstream.create(served, "fleet");
    Map<String, String> files = new HashMap<>(Charts.fleetChart("chart"));
    files.putAll(Charts.twentyConfigMaps("pushed", "v0"));
    upstream.push("fleet", files);
    String ns = env.newNamespace("fleet");
    List<String> namespaces = new ArrayList<>(List.of(ns));
    for (int i = 1; i < Integer.getInteger("bench.namespaces", 1); i++) {
      namespaces.add(env.newNamespace("fleet" + i));
    }
    RequestCounter counter = new RequestCounter();
    try (GitDaemon daemon = GitDaemon.start(served);
        KubernetesClient client = new KubernetesClientBuilder().withConfig(KubeConfigs.tuned(env.server().clientConfig(ns)))
            .withHttpClientBuilderConsumer(b -> b.addOrReplaceInterceptor("count", counter)).build()) {
      String repo = daemon.url("fleet.git");
      Path appFiles = Files.writeString(tmp.resolve("apps.yaml"), Charts.applications(apps, repo, namespaces));
      var settings = new AgentRuntime.Settings(tmp.resolve("cache"), tmp.resolve("creds"), AgentPolicy.permissive(), 8, "127.0.0.1", 0, false,
          Map.of("CAPSTAN_WEBHOOK_SECRET", WebhookPush.SECRET));
      resetPeaks();
      long cpu0 = cpu();
      long start = System.nanoTime();
      try (AgentRuntime runtime = AgentRuntime.start(client, settings)) {
        Agent agent = runtime.agent();
        for (ApplicationFiles.Loaded loaded : ApplicationFiles.load(appFiles)) {
          agent.upsert(loaded.application());
        }
        agent.markReady();
        BenchSupport.await(Duration.ofMinutes(15), Duration.ofMillis(100), () -> synced(agent) == apps + 1);
        double allSynced = (System.nanoTime() - start) / 1e9;
        System.out.printf("BENCH apps=%d namespaces=%d all-synced=%.1fs cpu=%.1fs peak-heap=%dMiB writes=%d reads=%d%n",
            apps, namespaces.size(), allSynced, (cpu() - cpu0) / 1e9, peakHeapMiB(), counter.writes.get(), counter.reads.get());
        System.out.printf("BENCH apps=%d first-sync requests by kind: %s%n", apps, breakdown(counter));

        counter.writes.set(0);
        counter.reads.set(0);
        counter.byKind.clear();
        double unchanged0 = unchanged(runtime);
        long cpu1 = cpu();
        long pass = System.nanoTime();
        BenchSupport.await(Duration.ofMinutes(5), Duration.ofMillis(100), () -> unchanged(runtime) >= unchanged0 + apps);
        System.out.printf("BENCH apps=%d no-change-pass: %.1fs wall, cpu=%.2fs, writes=%d, reads=%d%n", apps,
            (System.nanoTime() - pass) / 1e9, (cpu() - cpu1) / 1e9, counter.writes.get(), counter.reads.get());
        System.out.printf("BENCH apps=%d no-change-pass requests by kind: %s%n", apps, breakdown(counter));
        assertThat(counter.writes.get()).as("writes in a pass with nothing new").isZero();

        List<Double> latencies = pushLatencies(runtime, client, counter, upstream, repo, ns, 20);
        Collections.sort(latencies);
        System.out.printf("BENCH apps=%d push-to-applied (20 objects, %d pushes): p50=%.0fms p99=%.0fms max=%.0fms%n", apps,
            latencies.size(), latencies.get(latencies.size() / 2), latencies.get((int) Math.ceil(latencies.size() * 0.99) - 1),
            latencies.get(latencies.size() - 1));
        System.out.printf("BENCH apps=%d process memory: %s%n", apps, BenchSupport.memory("self"));
        if (Boolean.getBoolean("bench.nmt")) { // with -XX:NativeMemoryTracking=summary in the argLine
          System.out.println(ManagementFactory.getPlatformMBeanServer().invoke(
              new javax.management.ObjectName("com.sun.management:type=DiagnosticCommand"), "vmNativeMemory",
              new Object[] {new String[] {"summary"}}, new String[] {String[].class.getName()}));
        }
      }
    }
  }

  private static List<Double> pushLatencies(AgentRuntime runtime, KubernetesClient client, RequestCounter counter, Upstream upstream,
      String repo, String ns, int pushes) throws Exception {
    List<Double> out = new ArrayList<>();
    List<Double> toFirstRequest = new ArrayList<>();
    List<Double> toLastApply = new ArrayList<>();
    HttpClient http = HttpClient.newHttpClient();
    for (int i = 1; i <= pushes; i++) {
      String value = "v" + i;
      String commit = WebhookPush.commit(upstream, value);
      List<Sent> log = Collections.synchronizedList(new ArrayList<>());
      long t0 = System.nanoTime();
      counter.sent = log;
      WebhookPush.announce(http, runtime.server().uri(), repo, commit);
      try {
        BenchSupport.await(Duration.ofSeconds(60), Duration.ofMillis(5), () -> value.equals(message(client, ns, "pushed-cm-19")) && value.equals(message(client, ns, "pushed-cm-0")));
      } catch (AssertionError e) {
        throw new AssertionError(e.getMessage() + " for push " + i + "; app status: " + runtime.agent().application("pushed").orElseThrow().getStatus()
            + "; cm-0=" + message(client, ns, "pushed-cm-0"));
      }
      out.add((System.nanoTime() - t0) / 1e6);
      counter.sent = null;
      synchronized (log) {
        // The pass's first request (reading the release history) comes once Git was fetched and the chart rendered.
        log.stream().filter(s -> s.path().contains("/secrets")).findFirst()
            .ifPresent(s -> toFirstRequest.add((s.nanos() - t0) / 1e6));
        log.stream().filter(s -> s.method().equals("PATCH") && s.path().contains("/configmaps/")).reduce((a, b) -> b)
            .ifPresent(s -> toLastApply.add((s.nanos() - t0) / 1e6));
      }
    }
    Collections.sort(toFirstRequest);
    Collections.sort(toLastApply);
    System.out.printf("BENCH push breakdown (p50): webhook to first API request of the pass (queue, fetch, render) %.0f ms;"
        + " to the last ConfigMap apply sent %.0f ms%n", toFirstRequest.get(toFirstRequest.size() / 2), toLastApply.get(toLastApply.size() / 2));
    return out;
  }

  private static String message(KubernetesClient client, String ns, String name) {
    ConfigMap cm = client.configMaps().inNamespace(ns).withName(name).get();
    return cm == null ? null : cm.getData().get("message");
  }

  private static long synced(Agent agent) {
    return agent.applications().stream().map(Application::getStatus)
        .filter(s -> s != null && s.sync() != null && s.sync().status() == SyncState.SYNCED).count();
  }

  private static double unchanged(AgentRuntime runtime) {
    var counter = runtime.metrics().find("capstan.syncs").tag("result", "unchanged").counter();
    return counter == null ? 0 : counter.count();
  }

  private static long cpu() {
    return ((OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
  }

  private static void resetPeaks() {
    System.gc();
    ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
  }

  private static long peakHeapMiB() {
    return ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP)
        .mapToLong(p -> p.getPeakUsage().getUsed()).sum() >> 20;
  }
}
