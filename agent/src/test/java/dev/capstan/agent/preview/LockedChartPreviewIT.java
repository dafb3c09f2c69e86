package dev.capstan.agent.preview;

import static dev.capstan.agent.AgentFixture.await;
import static dev.capstan.agent.preview.PreviewFixture.application;
import static dev.capstan.agent.preview.PreviewFixture.deliver;
import static dev.capstan.agent.preview.PreviewFixture.hostApi;
import static dev.capstan.agent.preview.PreviewFixture.load;
import static dev.capstan.agent.preview.PreviewFixture.previewOf;
import static dev.capstan.agent.preview.PreviewFixture.start;
import static dev.capstan.agent.preview.PreviewFixture.statuses;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import dev.capstan.agent.application.ApplicationStatus;
import dev.capstan.agent.application.SyncState;
import dev.capstan.agent.preview.PreviewHost.Act;
import dev.capstan.agent.runtime.AgentRuntime;
import dev.capstan.chart.ChartPackager;
import dev.capstan.git.testing.GitDaemon;
import dev.capstan.git.testing.Upstream;
import dev.capstan.testsupport.HelmOracle;
import dev.capstan.testsupport.HelmRepositoryServer;
import dev.capstan.testsupport.KubeApiServerTest;
import dev.capstan.testsupport.KubeEnv;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A pull request to a chart kept in Git with only the Chart.lock real Helm wrote (no
 * {@code charts/*.tgz}), previewed: the chart is rendered and linted with its locked dependency fetched
 * once from a Helm repository (a real HTTP server, its index from {@code helm repo index}), so the
 * request gets a success status, no lint error, and a diff of the dependency's objects. Git is served by
 * {@code git daemon}, WireMock stands for GitHub's comments and statuses API, the API server is real.
 */
@KubeApiServerTest
class LockedChartPreviewIT {
  private static final Duration WAIT = Duration.ofSeconds(90);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final PreviewHost HOST = PreviewHost.GITHUB;

  KubernetesClient client;
  KubeEnv env;

  @Test
  void aPullRequestToALockOnlyChartIsRenderedAndLintedWithItsFetchedDependency(@TempDir Path tmp)
      throws Exception {
    Path repoDir = Files.createDirectories(tmp.resolve("repo"));
    Path web = Files.createDirectories(tmp.resolve("src/web/templates")).getParent();
    Files.writeString(web.resolve("Chart.yaml"), "apiVersion: v2\nname: web\nversion: 1.0.0\n");
    Files.writeString(web.resolve("values.yaml"), "message: from-web\n");
    Files.writeString(web.resolve("templates/configmap.yaml"), """
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: {{ .Release.Name }}-web
        data:
          message: {{ .Values.message | quote }}
        """);
    ChartPackager.pack(web, repoDir);
    HelmOracle helm = HelmOracle.in(tmp.resolve("helm"));
    helm.run("repo", "index", repoDir.toString()).ok();
    WireMockServer api = hostApi(HOST);
    Path served = Files.createDirectories(tmp.resolve("served"));
    try (HelmRepositoryServer charts = HelmRepositoryServer.serve(repoDir); GitDaemon daemon = GitDaemon.start(served)) {
      String chartsUrl = charts.url().toString().replaceAll("/$", "");
      helm.run("repo", "add", "deps", chartsUrl).ok();
      // The chart as a team keeps it: Chart.yaml, the Chart.lock `helm dependency update` wrote, no charts/.
      String chartYaml = """
          apiVersion: v2
          name: app
          version: 1.0.0
          dependencies:
            - name: web
              version: "^1.0.0"
              repository: %s
          """.formatted(chartsUrl);
      Path work = Files.createDirectories(tmp.resolve("work/app/templates")).getParent();
      Files.writeString(work.resolve("Chart.yaml"), chartYaml);
      helm.run("dependency", "update", work.toString()).ok();
      Upstream config = Upstream.create(Files.createDirectories(served.resolve("acme")), "config");
      config.push("app chart, locked", Map.of("app/Chart.yaml", chartYaml, "app/Chart.lock", Files.readString(work.resolve("Chart.lock")),
          "app/values.yaml", "web:\n  message: v1\n", "app/templates/NOTES.txt", "app\n"));
      String repo = daemon.url("acme/config.git");
      String ns = env.namespace();
      try (AgentRuntime runtime = start(client, tmp, HOST, api)) {
        load(runtime.agent(), tmp, application("app", repo, "app", ns));
        await("app synced with its locked dependency", WAIT, () -> synced(runtime) && "v1".equals(message()));

        config.git("checkout", "-q", "-b", "bump");
        String head = config.commit("app: v2", Map.of("app/values.yaml", "web:\n  message: v2\n"));
        config.git("push", "-q", "origin", "HEAD:" + HOST.headRef(5, "bump"));
        int indexReads = charts.requests("/index.yaml");
        HttpClient http = HttpClient.newHttpClient();
        URI hooks = runtime.server().uri().resolve("/hooks/github");
        assertThat(deliver(http, HOST, hooks, repo, 5, Act.OPEN, head, "bump", repo)).isEqualTo(202);

        await("status posted", WAIT, () -> !statuses(api, HOST, head).isEmpty());
        JsonNode status = JSON.readTree(statuses(api, HOST, head).get(0).getBodyAsString());
        assertThat(status.get("state").asText()).as("status: %s", status).isEqualTo(HOST.success);
        Map<String, JsonNode> previewed = previewOf(http, runtime.server().uri(), head);
        assertThat(previewed).as("a preview of %s", head).isNotNull();
        JsonNode preview = previewed.get("app");
        assertThat(preview.hasNonNull("error")).as("previewed: %s", preview).isFalse();
        assertThat(preview.get("lint").toString()).doesNotContain("not found in charts/");
        preview.get("lint").forEach(f -> assertThat(f.get("severity").asText()).as("lint: %s", f).isNotEqualToIgnoringCase("error"));
        assertThat(preview.get("diff").asText()).contains("ConfigMap " + ns + "/app-web").contains("-  message: v1").contains("+  message: v2");
        assertThat(charts.requests("/index.yaml") - indexReads).as("render and lint share one fetch of the dependency").isEqualTo(1);
        assertThat(message()).as("nothing applied by a preview").isEqualTo("v1");
      }
    } finally {
      api.stop();
    }
  }

  private static boolean synced(AgentRuntime runtime) {
    ApplicationStatus s = runtime.agent().application("app").orElseThrow().getStatus();
    return s != null && s.syncState() == SyncState.SYNCED;
  }

  private String message() {
    ConfigMap cm = client.configMaps().inNamespace(env.namespace()).withName("app-web").get();
    return cm == null ? null : cm.getData().get("message");
  }
}
