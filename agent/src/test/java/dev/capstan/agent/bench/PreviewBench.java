package dev.capstan.agent.bench;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import dev.capstan.agent.Agent;
import dev.capstan.agent.application.AgentPolicy;
import dev.capstan.agent.application.ApplicationFiles;
import dev.capstan.agent.application.SyncState;
import dev.capstan.agent.preview.PullRequestPreviews;
import dev.capstan.agent.runtime.AgentRuntime;
import dev.capstan.chart.create.ChartScaffold;
import dev.capstan.git.testing.GitDaemon;
import dev.capstan.git.testing.Upstream;
import dev.capstan.testsupport.KubeApiServerTest;
import dev.capstan.testsupport.KubeEnv;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Pull-request previews, timed: five Applications of the scaffold's size ({@code capstan create}) in
 * one repository served by {@code git daemon}, deployed by the real agent into the local API server;
 * a pull request changes all five. Timed from the signed {@code pull_request} delivery to the moment
 * WireMock, standing in for GitHub's API, receives the comment naming the new head. Then a burst: 20
 * pushes to the request, their 20 deliveries back to back, must cost at most two previews. Not part
 * of {@code verify}; docs/performance.md has the command. Prints {@code BENCH} lines.
 */
@KubeApiServerTest
class PreviewBench {
  private static final int APPS = 5;
  private static final String SECRET = "bench-secret";

  KubeEnv env;
  KubernetesClient client;

  @Test
  void pullRequestEventToCommentAndABurstOfPushes(@TempDir Path tmp) throws Exception {
    WireMockServer github = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort().containerThreads(16));
    Map<String, Long> commentSeen = new ConcurrentHashMap<>();
    github.addMockServiceRequestListener((request, response) -> {
      if (request.getUrl().contains("/comments") && !request.getMethod().getName().equals("GET")) {
        String body = request.getBodyAsString();
        int at = body.indexOf("preview of `");
        if (at >= 0) {
          commentSeen.putIfAbsent(body.substring(at + 12, at + 24), System.nanoTime());
        }
      }
    });
    github.start();
    github.stubFor(get(urlPathMatching("/repos/acme/fleet/issues/\\d+/comments")).willReturn(aResponse().withBody("[]")));
    github.stubFor(post(urlPathMatching("/repos/acme/fleet/issues/\\d+/comments")).willReturn(aResponse().withStatus(201).withBody("{\"id\": 1}")));
    github.stubFor(patch(urlPathMatching("/repos/acme/fleet/issues/comments/1")).willReturn(aResponse().withBody("{\"id\": 1}")));
    github.stubFor(post(urlPathMatching("/repos/acme/fleet/statuses/.*")).willReturn(aResponse().withStatus(201)));
    try {
      Path served = Files.createDirectories(tmp.resolve("served"));
      Upstream upstream = Upstream.create(Files.createDirectories(served.resolve("acme")), "fleet");
      Map<String, String> values = new HashMap<>();
      Map<String, String> files = new HashMap<>();
      for (int i = 0; i < APPS; i++) {
        Map<String, String> chart = scaffold(tmp.resolve("scaffold"), "app" + i);
        files.putAll(chart);
        values.put("app" + i + "/values.yaml", chart.get("app" + i + "/values.yaml"));
      }
      upstream.push("five scaffold charts", files);
      try (GitDaemon daemon = GitDaemon.start(served)) {
        String repo = daemon.url("acme/fleet.git");
        StringBuilder apps = new StringBuilder();
        for (int i = 0; i < APPS; i++) {
          apps.append(i == 0 ? "" : "---\n").append("""
              apiVersion: capstan.dev/v1alpha1
              kind: Application
              metadata: {name: app%1$d}
              spec:
                source: {repoURL: "%2$s", ref: main, path: app%1$d}
                destination: {namespace: %3$s}
                syncPolicy: {automated: true, interval: 1h}
                preview: {enabled: true}
              """.formatted(i, repo, env.namespace()));
        }
        Path appFile = Files.writeString(tmp.resolve("apps.yaml"), apps.toString());
        var settings = new AgentRuntime.Settings(tmp.resolve("cache"), tmp.resolve("creds"), AgentPolicy.permissive(), 2, "127.0.0.1", 0,
            false, Map.of("CAPSTAN_WEBHOOK_SECRET", SECRET, "CAPSTAN_STATUS_GITHUB_TOKEN", "t", "CAPSTAN_STATUS_GITHUB_HOSTS", "127.0.0.1",
                "CAPSTAN_STATUS_GITHUB_API_URL", github.baseUrl()));
        try (AgentRuntime runtime = AgentRuntime.start(client, settings)) {
          Agent agent = runtime.agent();
          for (ApplicationFiles.Loaded loaded : ApplicationFiles.load(appFile)) {
            agent.upsert(loaded.application());
          }
          agent.markReady();
          BenchSupport.await(Duration.ofMinutes(3), Duration.ofMillis(100), () -> agent.applications().stream()
              .allMatch(a -> a.getStatus() != null && a.getStatus().sync() != null && a.getStatus().sync().status() == SyncState.SYNCED));
          HttpClient http = HttpClient.newHttpClient();
          URI hook = runtime.server().uri().resolve("/hooks/github");
          PullRequestPreviews previews = runtime.previews().service();
          upstream.git("checkout", "-q", "-b", "scale");

          int rounds = Integer.getInteger("bench.rounds", 15);
          List<Double> latencies = new ArrayList<>();
          for (int round = 1; round <= rounds; round++) {
            String head = commitAll(upstream, values, round + 1);
            upstream.git("push", "-q", "--force", "origin", "HEAD:refs/pull/7/head");
            long t0 = System.nanoTime();
            deliver(http, hook, repo, head);
            String key = head.substring(0, 12);
            try {
              BenchSupport.await(Duration.ofSeconds(60), Duration.ofMillis(2), () -> commentSeen.containsKey(key));
            } catch (AssertionError e) {
              throw new AssertionError("no comment for " + key + "; host saw " + github.getAllServeEvents().stream()
                  .map(ev -> ev.getRequest().getMethod() + " " + ev.getRequest().getUrl() + " " + ev.getRequest().getBodyAsString()).toList()
                  + "; events handled " + previews.eventsHandled() + "; previews " + runtime.previews().store().list(), e);
            }
            latencies.add((commentSeen.get(key) - t0) / 1e6);
          }
          List<Double> sorted = new ArrayList<>(latencies);
          Collections.sort(sorted);
          System.out.printf("BENCH preview apps=%d event-to-comment (%d rounds): p50=%.0fms p90=%.0fms max=%.0fms first=%.0fms%n", APPS,
              rounds, sorted.get(sorted.size() / 2), sorted.get((int) Math.ceil(sorted.size() * 0.9) - 1), sorted.get(sorted.size() - 1),
              latencies.get(0));

          // A burst: 20 pushes land, then their 20 deliveries arrive back to back.
          List<String> heads = new ArrayList<>();
          for (int push = 1; push <= 20; push++) {
            heads.add(commitAll(upstream, values, 100 + push));
            upstream.git("push", "-q", "--force", "origin", "HEAD:refs/pull/7/head");
          }
          long before = previews.previewsRun();
          long t0 = System.nanoTime();
          for (String head : heads) {
            deliver(http, hook, repo, head);
          }
          String last = heads.get(heads.size() - 1).substring(0, 12);
          BenchSupport.await(Duration.ofSeconds(60), Duration.ofMillis(2), () -> commentSeen.containsKey(last));
          long handledAtEnd = previews.eventsHandled();
          BenchSupport.await(Duration.ofSeconds(10), Duration.ofMillis(20), () -> previews.eventsHandled() == handledAtEnd);
          long cost = previews.previewsRun() - before;
          System.out.printf("BENCH preview burst: 20 deliveries -> %d previews, last head's comment after %.0fms%n", cost,
              (commentSeen.get(last) - t0) / 1e6);
          assertThat(cost).as("previews for a burst of 20 pushes").isLessThanOrEqualTo(2);
        }
      }
    } finally {
      github.stop();
    }
  }

  /** Sets every app's replicaCount to {@code n} and commits; returns the commit. */
  private static String commitAll(Upstream upstream, Map<String, String> values, int n) {
    Map<String, String> changed = new HashMap<>();
    values.forEach((path, text) -> changed.put(path, text.replace("replicaCount: 1", "replicaCount: " + n)));
    return upstream.commit("scale to " + n, changed);
  }

  private static Map<String, String> scaffold(Path dir, String name) throws Exception {
    Files.createDirectories(dir);
    new ChartScaffold().create(dir, name);
    Map<String, String> out = new HashMap<>();
    try (Stream<Path> walk = Files.walk(dir.resolve(name))) {
      for (Path file : walk.filter(Files::isRegularFile).toList()) {
        out.put(name + "/" + dir.resolve(name).relativize(file).toString().replace('\\', '/'), Files.readString(file));
      }
    }
    return out;
  }

  private static void deliver(HttpClient http, URI hook, String repo, String head) throws Exception {
    ObjectNode body = JsonNodeFactory.instance.objectNode().put("action", "synchronize").put("number", 7);
    ObjectNode pr = body.putObject("pull_request").put("number", 7).put("title", "scale").put("state", "open");
    pr.putObject("head").put("ref", "scale").put("sha", head).putObject("repo").put("clone_url", repo);
    pr.putObject("base").put("ref", "main");
    body.putObject("repository").put("clone_url", repo);
    String text = body.toString();
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    HttpResponse<String> r = http.send(HttpRequest.newBuilder(hook).header("Content-Type", "application/json")
        .header("X-GitHub-Event", "pull_request")
        .header("X-Hub-Signature-256", "sha256=" + HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8))))
        .POST(HttpRequest.BodyPublishers.ofString(text)).build(), HttpResponse.BodyHandlers.ofString());
    if (r.statusCode() != 202) {
      throw new AssertionError("webhook answered " + r.statusCode() + ": " + r.body());
    }
  }
}
