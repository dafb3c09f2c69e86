package dev.capstan.agent.preview;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlMatching;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static dev.capstan.agent.AgentFixture.await;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.capstan.agent.application.AgentPolicy;
import dev.capstan.agent.application.ApplicationFiles;
import dev.capstan.agent.application.ApplicationStatus;
import dev.capstan.agent.application.SyncState;
import dev.capstan.agent.preview.PreviewHost.Act;
import dev.capstan.agent.runtime.AgentRuntime;
import dev.capstan.chart.ChartPackager;
import dev.capstan.chartrepo.ChartPusher;
import dev.capstan.chartrepo.http.Credentials;
import dev.capstan.chartrepo.http.HttpTransport;
import dev.capstan.chartrepo.http.TransportOptions;
import dev.capstan.chartrepo.oci.OciReference;
import dev.capstan.chartrepo.oci.OciRegistryClient;
import dev.capstan.git.testing.GitDaemon;
import dev.capstan.git.testing.Upstream;
import dev.capstan.testsupport.KubeApiServerTest;
import dev.capstan.testsupport.KubeEnv;
import dev.capstan.testsupport.OciRegistryExtension;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
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
  private static final String TOKEN = "api-token";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final PreviewHost HOST = PreviewHost.GITHUB;

  @RegisterExtension
  static final OciRegistryExtension REGISTRY = OciRegistryExtension.anonymous();

  KubernetesClient client;
  KubeEnv env;

  @Test
  void aRequestChangingTheValuesOfARegistryChartGetsItsDiffAndOneTouchingAnotherFileGetsNothing(@TempDir Path tmp) throws Exception {
    push(tmp, "1.0.0");
    Path served = Files.createDirectories(tmp.resolve("served"));
    Upstream config = Upstream.create(Files.createDirectories(served.resolve("acme")), "config");
    config.push("prod values", Map.of("env/prod.yaml", "message: prod-v1\n", "README.md", "values of acme's apps\n"));
    WireMockServer api = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
    api.start();
    api.stubFor(get(urlMatching(".*/comments(\\?.*)?")).willReturn(aResponse().withBody(HOST.emptyCommentList())));
    api.stubFor(post(urlPathMatching(".*/comments")).willReturn(aResponse().withStatus(201).withBody("{\"id\": 901}")));
    api.stubFor(patch(urlPathMatching(".*/901")).willReturn(aResponse().withBody("{\"id\": 901}")));
    api.stubFor(post(urlPathMatching(".*/statuses/.*")).willReturn(aResponse().withStatus(201).withBody("{}")));
    String ns = env.namespace();
    try (GitDaemon daemon = GitDaemon.start(served); AgentRuntime runtime = start(tmp, api)) {
      String repo = daemon.url("acme/config.git");
      for (ApplicationFiles.Loaded loaded : ApplicationFiles.load(Files.writeString(tmp.resolve("apps.yaml"), """
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
          """.formatted(REGISTRY.url("charts/web"), repo, ns)))) {
        runtime.agent().upsert(loaded.application());
      }
      runtime.agent().markReady();
      await("web synced: chart 1.0.0 with the values from Git", WAIT, () -> synced(runtime) && "prod-v1".equals(data("message"))
          && "web-1.0.0".equals(configMap().getMetadata().getLabels().get("chart")));
      // A newer chart in range, not deployed (the next poll is an hour away): the preview must not show it.
      push(tmp, "1.1.0");
      Map<String, String> before = resourceVersions(ns);
      HttpClient http = HttpClient.newHttpClient();
      URI hooks = runtime.server().uri().resolve("/hooks/github");

      config.git("checkout", "-q", "-b", "bump");
      String head = config.commit("prod: v2", Map.of("env/prod.yaml", "message: prod-v2\n"));
      config.git("push", "-q", "origin", "HEAD:" + HOST.headRef(7, "bump"));
      assertThat(deliver(http, hooks, repo, 7, Act.OPEN, head, "bump")).isEqualTo(202);
      await("previewed", WAIT, () -> previewOf(http, runtime, head) != null);
      JsonNode web = previewOf(http, runtime, head).get("web");
      assertThat(web.hasNonNull("error")).as("web previewed: %s", web).isFalse();
      assertThat(List.of(web.get("create").asInt(), web.get("change").asInt(), web.get("delete").asInt())).containsExactly(0, 1, 0);
      String diff = web.get("diff").asText();
      assertThat(diff).contains("-  message: prod-v1").contains("+  message: prod-v2").as("the chart as deployed").doesNotContain("1.1.0");
      await("comment posted", WAIT, () -> !created(api, 7).isEmpty());
      assertThat(HOST.commentBody(created(api, 7).get(0).getBodyAsString())).contains("| web | 0 | 1 | 0 |")
          .contains("+  message: prod-v2");
      await("status posted", WAIT, () -> !statuses(api, head).isEmpty());
      JsonNode status = JSON.readTree(statuses(api, head).get(0).getBodyAsString());
      assertThat(HOST.statusContext(status)).isEqualTo("capstan-preview/web");

      // A request to a file the Application does not read gets nothing; handled after it, request 8 shows it was seen.
      config.git("checkout", "-q", "main");
      config.git("checkout", "-q", "-b", "docs");
      String docs = config.commit("docs only", Map.of("README.md", "values of acme's apps, documented\n"));
      config.git("push", "-q", "origin", "HEAD:" + HOST.headRef(8, "docs"));
      PullRequestPreviews previews = runtime.previews().service();
      long handled = previews.eventsHandled();
      assertThat(deliver(http, hooks, repo, 8, Act.OPEN, docs, "docs")).isEqualTo(202);
      await("request 8 handled", WAIT, () -> previews.eventsHandled() > handled);
      assertThat(created(api, 8)).isEmpty();
      assertThat(statuses(api, docs)).isEmpty();
      assertThat(previewOf(http, runtime, docs)).isNull();

      assertThat(resourceVersions(ns)).as("no object written by a preview").isEqualTo(before);
      assertThat(data("message")).isEqualTo("prod-v1");
    } finally {
      api.stop();
    }
  }

  /** Packages chart "web" at {@code version} and pushes it as {@code helm push} does. */
  private static void push(Path tmp, String version) throws Exception {
    Path dir = tmp.resolve("web-" + version);
    Files.createDirectories(dir.resolve("templates"));
    Files.writeString(dir.resolve("Chart.yaml"), "apiVersion: v2\nname: web\nversion: " + version + "\n");
    Files.writeString(dir.resolve("values.yaml"), "message: from-chart\n");
    Files.writeString(dir.resolve("templates/configmap.yaml"), """
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: {{ .Release.Name }}-config
          labels:
            chart: {{ .Chart.Name }}-{{ .Chart.Version }}
        data:
          message: {{ .Values.message | quote }}
        """);
    Path archive = ChartPackager.pack(dir, Files.createDirectories(tmp.resolve("packages")));
    OciRegistryClient registry = new OciRegistryClient(HttpTransport.create(TransportOptions.defaults().withPlainHttp(true)));
    new ChartPusher(registry).push(Files.readAllBytes(archive), archive.getFileName().toString(),
        OciReference.parse(REGISTRY.url("charts")), Credentials.NONE);
  }

  private AgentRuntime start(Path tmp, WireMockServer api) {
    Map<String, String> environment = Map.of("CAPSTAN_WEBHOOK_SECRET", PreviewHost.SECRET, "CAPSTAN_API_TOKEN", TOKEN,
        HOST.environmentPrefix() + "_TOKEN", "host-token", HOST.environmentPrefix() + "_HOSTS", "127.0.0.1",
        HOST.environmentPrefix() + "_API_URL", api.baseUrl());
    return AgentRuntime.start(client, new AgentRuntime.Settings(tmp.resolve("cache"), tmp.resolve("creds"), AgentPolicy.permissive(), 2,
        "127.0.0.1", 0, false, environment));
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

  private static int deliver(HttpClient http, URI hooks, String repo, long number, Act act, String head, String branch) throws Exception {
    return http.send(HOST.delivery(HttpRequest.newBuilder(hooks), repo, number, act, head, branch, repo).build(),
        HttpResponse.BodyHandlers.ofString()).statusCode();
  }

  /** The stored preview of {@code head}, by Application, from {@code GET /api/v1/previews}; null until there is one. */
  private static Map<String, JsonNode> previewOf(HttpClient http, AgentRuntime runtime, String head) {
    try {
      HttpResponse<String> response = http.send(HttpRequest.newBuilder(runtime.server().uri().resolve("/api/v1/previews"))
          .header("Authorization", "Bearer " + TOKEN).build(), HttpResponse.BodyHandlers.ofString());
      assertThat(response.statusCode()).isEqualTo(200);
      for (JsonNode preview : JSON.readTree(response.body())) {
        if (preview.get("headCommit").asText().equals(head)) {
          Map<String, JsonNode> out = new TreeMap<>();
          preview.get("applications").forEach(a -> out.put(a.get("application").asText(), a));
          return out;
        }
      }
      return null;
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  /** Comments created on request {@code number}. */
  private static List<LoggedRequest> created(WireMockServer api, long number) {
    return api.findAll(anyRequestedFor(anyUrl())).stream()
        .filter(r -> r.getMethod().getName().equals("POST") && HOST.isCommentCollection(URI.create(r.getUrl()).getRawPath(), number))
        .toList();
  }

  private static List<LoggedRequest> statuses(WireMockServer api, String sha) {
    return api.findAll(anyRequestedFor(anyUrl())).stream()
        .filter(r -> r.getMethod().getName().equals("POST") && HOST.isStatusOf(URI.create(r.getUrl()).getRawPath(), sha)).toList();
  }

  /** Every ConfigMap and Secret (release history included) in the namespace, by kind and name, with its resourceVersion. */
  private Map<String, String> resourceVersions(String ns) {
    Map<String, String> out = new TreeMap<>();
    Stream.concat(client.configMaps().inNamespace(ns).list().getItems().stream().map(HasMetadata.class::cast),
            client.secrets().inNamespace(ns).list().getItems().stream().map(HasMetadata.class::cast))
        .forEach(o -> out.put(o.getKind() + "/" + o.getMetadata().getName(), o.getMetadata().getResourceVersion()));
    return out;
  }
}
