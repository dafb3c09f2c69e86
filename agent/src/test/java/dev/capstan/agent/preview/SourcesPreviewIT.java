package dev.capstan.agent.preview;

import static dev.capstan.agent.AgentFixture.await;
import static dev.capstan.agent.preview.PreviewFixture.created;
import static dev.capstan.agent.preview.PreviewFixture.deliver;
import static dev.capstan.agent.preview.PreviewFixture.hostApi;
import static dev.capstan.agent.preview.PreviewFixture.load;
import static dev.capstan.agent.preview.PreviewFixture.previewOf;
import static dev.capstan.agent.preview.PreviewFixture.resourceVersions;
import static dev.capstan.agent.preview.PreviewFixture.start;
import static dev.capstan.agent.preview.PreviewFixture.statuses;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import dev.capstan.agent.RegistryCharts;
import dev.capstan.agent.application.ApplicationStatus;
import dev.capstan.agent.application.SyncState;
import dev.capstan.agent.preview.PreviewHost.Act;
import dev.capstan.agent.runtime.AgentRuntime;
import dev.capstan.git.testing.GitDaemon;
import dev.capstan.git.testing.Upstream;
import dev.capstan.testsupport.KubeApiServerTest;
import dev.capstan.testsupport.KubeEnv;
import dev.capstan.testsupport.OciRegistryExtension;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The most common multi-source Application previewed: its chart from a real OCI registry (the CNCF
 * distribution registry), its values from a Git repository ({@code $values/env/prod.yaml}) served by
 * {@code git daemon}; WireMock as GitHub's comments and statuses API; a real API server. A pull
 * request to the values repository is previewed with the chart at the version deployed (not a newer
 * one the registry has since received); one touching another file of that repository gets nothing;
 * nothing is written to the cluster.
 */
@KubeApiServerTest
class SourcesPreviewIT {
  private static final Duration WAIT = Duration.ofSeconds(90);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final PreviewHost HOST = PreviewHost.GITHUB;

  @RegisterExtension
  static final OciRegistryExtension REGISTRY = OciRegistryExtension.anonymous();

  KubernetesClient client;
  KubeEnv env;

  @Test
  void aRequestChangingTheValuesOfARegistryChartGetsItsDiffAndOneTouchingAnotherFileGetsNothing(@TempDir Path tmp) throws Exception {
    RegistryCharts.push(REGISTRY, tmp, "1.0.0");
    Path served = Files.createDirectories(tmp.resolve("served"));
    Upstream config = Upstream.create(Files.createDirectories(served.resolve("acme")), "config");
    config.push("prod values", Map.of("env/prod.yaml", "message: prod-v1\n", "README.md", "values of acme's apps\n"));
    WireMockServer api = hostApi(HOST);
    String ns = env.namespace();
    try (GitDaemon daemon = GitDaemon.start(served); AgentRuntime runtime = start(client, tmp, HOST, api)) {
      String repo = daemon.url("acme/config.git");
      load(runtime.agent(), tmp, """
          apiVersion: capstan.dev/v1alpha1
          kind: Application
          metadata: {name: web}
          spec:
            sources:
              - {repoURL: "%s", ref: "^1.0.0", insecure: true, valuesFiles: [$values/env/prod.yaml]}
              - {repoURL: "%s", ref: main, name: values}
            destination: {namespace: %s}
            syncPolicy: {automated: true, interval: 1h}
            preview: {enabled: true}
          """.formatted(REGISTRY.url("charts/web"), repo, ns));
      await("web synced: chart 1.0.0 with the values from Git", WAIT, () -> synced(runtime) && "prod-v1".equals(data("message"))
          && "web-1.0.0".equals(configMap().getMetadata().getLabels().get("chart")));
      // A newer chart in range, not deployed (the next poll is an hour away): the preview must not show it.
      RegistryCharts.push(REGISTRY, tmp, "1.1.0");
      Map<String, String> before = resourceVersions(client, ns);
      HttpClient http = HttpClient.newHttpClient();
      URI hooks = runtime.server().uri().resolve("/hooks/github");

      config.git("checkout", "-q", "-b", "bump");
      String head = config.commit("prod: v2", Map.of("env/prod.yaml", "message: prod-v2\n"));
      config.git("push", "-q", "origin", "HEAD:" + HOST.headRef(7, "bump"));
      assertThat(deliver(http, HOST, hooks, repo, 7, Act.OPEN, head, "bump", repo)).isEqualTo(202);
      await("previewed", WAIT, () -> previewOf(http, runtime.server().uri(), head) != null);
      JsonNode web = previewOf(http, runtime.server().uri(), head).get("web");
      assertThat(web.hasNonNull("error")).as("web previewed: %s", web).isFalse();
      assertThat(List.of(web.get("create").asInt(), web.get("change").asInt(), web.get("delete").asInt())).containsExactly(0, 1, 0);
      String diff = web.get("diff").asText();
      assertThat(diff).contains("-  message: prod-v1").contains("+  message: prod-v2").as("the chart as deployed").doesNotContain("1.1.0");
      await("comment posted", WAIT, () -> !created(api, HOST, 7).isEmpty());
      assertThat(HOST.commentBody(created(api, HOST, 7).get(0).getBodyAsString())).contains("| web | 0 | 1 | 0 |")
          .contains("+  message: prod-v2");
      await("status posted", WAIT, () -> !statuses(api, HOST, head).isEmpty());
      JsonNode status = JSON.readTree(statuses(api, HOST, head).get(0).getBodyAsString());
      assertThat(HOST.statusContext(status)).isEqualTo("capstan-preview/web");

      // A request to a file the Application does not read gets nothing; handled after it, request 8 shows it was seen.
      config.git("checkout", "-q", "main");
      config.git("checkout", "-q", "-b", "docs");
      String docs = config.commit("docs only", Map.of("README.md", "values of acme's apps, documented\n"));
      config.git("push", "-q", "origin", "HEAD:" + HOST.headRef(8, "docs"));
      PullRequestPreviews previews = runtime.previews().service();
      long handled = previews.eventsHandled();
      assertThat(deliver(http, HOST, hooks, repo, 8, Act.OPEN, docs, "docs", repo)).isEqualTo(202);
      await("request 8 handled", WAIT, () -> previews.eventsHandled() > handled);
      assertThat(created(api, HOST, 8)).isEmpty();
      assertThat(statuses(api, HOST, docs)).isEmpty();
      assertThat(previewOf(http, runtime.server().uri(), docs)).isNull();

      assertThat(resourceVersions(client, ns)).as("no object written by a preview").isEqualTo(before);
      assertThat(data("message")).isEqualTo("prod-v1");
    } finally {
      api.stop();
    }
  }

  private static boolean synced(AgentRuntime runtime) {
    ApplicationStatus s = runtime.agent().application("web").orElseThrow().getStatus();
    return s != null && s.syncState() == SyncState.SYNCED;
  }

  private ConfigMap configMap() {
    return client.configMaps().inNamespace(env.namespace()).withName("web-config").get();
  }

  private String data(String key) {
    ConfigMap cm = configMap();
    return cm == null ? null : cm.getData().get(key);
  }
}
