package dev.capstan.agent.preview;

import static dev.capstan.agent.AgentFixture.await;
import static dev.capstan.agent.AgentFixture.configMapChart;
import static dev.capstan.agent.preview.PreviewFixture.deliver;
import static dev.capstan.agent.preview.PreviewFixture.hostApi;
import static dev.capstan.agent.preview.PreviewFixture.load;
import static dev.capstan.agent.preview.PreviewFixture.previewOf;
import static dev.capstan.agent.preview.PreviewFixture.resourceVersions;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import dev.capstan.agent.application.ApplicationStatus;
import dev.capstan.agent.application.SyncState;
import dev.capstan.agent.fleet.ClusterFlag;
import dev.capstan.agent.fleet.ClusterLimits;
import dev.capstan.agent.preview.PreviewHost.Act;
import dev.capstan.agent.runtime.AgentRuntime;
import dev.capstan.git.testing.GitDaemon;
import dev.capstan.git.testing.Upstream;
import dev.capstan.testsupport.KubeApiServers;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Previews of Applications deployed to registered clusters: two real API servers, {@code a} the
 * agent's own (server 0) and {@code b} registered by flag (server 1, also registered as {@code c},
 * which the agent's policy forbids); a real {@code git daemon} holding the request's head; WireMock
 * as GitHub's comments and statuses API. Each Application is diffed in its own cluster, one that
 * cannot be used fails its preview as its sync fails, and neither cluster sees a write. Lint reads
 * the release's history in b too: a template that fails on a first install lints as an upgrade there.
 */
class ClusterPreviewIT {
  private static final Duration WAIT = Duration.ofSeconds(90);
  private static final PreviewHost HOST = PreviewHost.GITHUB;

  @RegisterExtension
  static final KubeApiServers SERVERS = new KubeApiServers(2);

  @Test
  void anApplicationOnRegisteredClusterBIsDiffedInBAndOneOnAnUnknownForbiddenOrUnreachableClusterFailsAsItsSyncDoes(@TempDir Path tmp)
      throws Exception {
    WireMockServer api = hostApi(HOST);
    Path served = Files.createDirectories(tmp.resolve("served"));
    Upstream upstream = Upstream.create(Files.createDirectories(served.resolve("acme")), "deploy");
    upstream.push("web", configMapChart("web", "web", "hello"));
    String ns = "preview-" + Long.toString(System.nanoTime() % 1_000_000, 36);
    for (int i = 0; i < SERVERS.count(); i++) {
      SERVERS.client(i).namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(ns).endMetadata().build()).create();
    }
    // In a, an object of the same name already holds what the request brings: a diff there would not show the change.
    SERVERS.client(0).configMaps().inNamespace(ns).resource(new ConfigMapBuilder().withNewMetadata().withName("web-config").endMetadata()
        .addToData("message", "hello-from-pr").build()).create();
    try (GitDaemon daemon = GitDaemon.start(served); AgentRuntime runtime = start(tmp, api)) {
      String repo = daemon.url("acme/deploy.git");
      load(runtime.agent(), tmp, app("web", repo, ns, "b") + "---\n" + app("web-c", repo, ns, "c") + "---\n" + app("web-nowhere", repo, ns, "nowhere"));
      await("web synced in b", WAIT, () -> status(runtime, "web") != null && status(runtime, "web").syncState() == SyncState.SYNCED);
      await("web-c and web-nowhere stalled", WAIT, () -> stalled(runtime, "web-c") != null && stalled(runtime, "web-nowhere") != null);
      assertThat(SERVERS.client(1).configMaps().inNamespace(ns).withName("web-config").get().getData()).containsEntry("message", "hello");
      Map<String, String> beforeA = resourceVersions(SERVERS.client(0), ns);
      Map<String, String> beforeB = resourceVersions(SERVERS.client(1), ns);
      HttpClient http = HttpClient.newHttpClient();
      URI hooks = runtime.server().uri().resolve("/hooks/github");

      upstream.git("checkout", "-q", "-b", "bump");
      // The release exists in b only: lint, like the render, must see it there (.Release.IsUpgrade true), not in a.
      String head = upstream.commit("web: new message", Map.of("web/values.yaml", "message: hello-from-pr\n",
          "web/templates/upgrade-only.yaml", "{%- if not release.isUpgrade %}{{ fail(\"web must be an upgrade here\") }}{%- endif %}\n"));
      upstream.git("push", "-q", "origin", "HEAD:" + HOST.headRef(7, "bump"));
      assertThat(deliver(http, HOST, hooks, repo, 7, Act.OPEN, head, "bump", repo)).isEqualTo(202);
      await("previewed", WAIT, () -> previewOf(http, runtime.server().uri(), head) != null);
      Map<String, JsonNode> apps = previewOf(http, runtime.server().uri(), head);
      JsonNode web = apps.get("web");
      assertThat(web.hasNonNull("error")).as("web previewed: %s", web).isFalse();
      assertThat(List.of(web.get("create").asInt(), web.get("change").asInt(), web.get("delete").asInt())).containsExactly(0, 1, 0);
      assertThat(web.get("diff").asText()).contains("-  message: hello").contains("+  message: hello-from-pr");
      assertThat(apps.get("web-c").get("error").asText()).as("forbidden, as the sync says, before any request to it")
          .isEqualTo("ClusterNotAllowed: " + stalled(runtime, "web-c")).contains("--allowed-cluster");
      assertThat(apps.get("web-nowhere").get("error").asText()).isEqualTo("UnknownCluster: " + stalled(runtime, "web-nowhere"));
      await("comment posted", WAIT, () -> api.getAllServeEvents().stream()
          .anyMatch(e -> e.getRequest().getMethod().getName().equals("POST") && e.getRequest().getUrl().endsWith("/comments")));

      // b stops answering: the next push's preview of web fails as the cluster's, not the chart's.
      String head2 = upstream.commit("web: newer message", Map.of("web/values.yaml", "message: hello-again\n"));
      upstream.git("push", "-q", "--force", "origin", "HEAD:" + HOST.headRef(7, "bump"));
      SERVERS.server(1).pause();
      try {
        assertThat(deliver(http, HOST, hooks, repo, 7, Act.PUSH, head2, "bump", repo)).isEqualTo(202);
        await("previewed while b is down", WAIT, () -> previewOf(http, runtime.server().uri(), head2) != null);
        assertThat(previewOf(http, runtime.server().uri(), head2).get("web").get("error").asText()).startsWith("ClusterUnreachable: cluster b is unreachable: ");
      } finally {
        SERVERS.server(1).resume();
      }

      assertThat(resourceVersions(SERVERS.client(0), ns)).as("nothing written in a").isEqualTo(beforeA);
      assertThat(resourceVersions(SERVERS.client(1), ns)).as("nothing written in b").isEqualTo(beforeB);
    } finally {
      api.stop();
    }
  }

  private AgentRuntime start(Path tmp, WireMockServer api) {
    ClusterLimits limits = ClusterLimits.defaults();
    String b = SERVERS.server(1).kubeconfig().toString();
    return AgentRuntime.start(SERVERS.client(0), PreviewFixture.settings(tmp, PreviewFixture.environment(HOST, api)),
        new AgentRuntime.Clusters(List.of(ClusterFlag.parse("b=" + b, limits), ClusterFlag.parse("c=" + b, limits)), limits, Set.of("b"), null));
  }

  private static String app(String name, String repo, String ns, String cluster) {
    return """
        apiVersion: capstan.dev/v1alpha1
        kind: Application
        metadata: {name: %s}
        spec:
          source: {repoURL: "%s", ref: main, path: web}
          destination: {namespace: %s, cluster: %s, releaseName: web}
          syncPolicy: {automated: true, interval: 1h}
          preview: {enabled: true}
        """.formatted(name, repo, ns, cluster);
  }

  private static ApplicationStatus status(AgentRuntime runtime, String app) {
    return runtime.agent().application(app).orElseThrow().getStatus();
  }

  /** The message of {@code app}'s Stalled condition, as its sync set it; null while it is not stalled. */
  private static String stalled(AgentRuntime runtime, String app) {
    ApplicationStatus s = status(runtime, app);
    return s == null || s.conditions() == null ? null : s.conditions().stream()
        .filter(c -> "Stalled".equals(c.getType()) && "True".equals(c.getStatus())).map(c -> c.getMessage()).findFirst().orElse(null);
  }
}
