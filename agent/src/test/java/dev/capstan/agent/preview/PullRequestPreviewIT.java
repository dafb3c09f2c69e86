package dev.capstan.agent.preview;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static dev.capstan.agent.AgentFixture.await;
import static dev.capstan.agent.AgentFixture.configMapChart;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.capstan.agent.Agent;
import dev.capstan.agent.application.AgentPolicy;
import dev.capstan.agent.application.ApplicationFiles;
import dev.capstan.agent.application.SyncState;
import dev.capstan.agent.runtime.AgentRuntime;
import dev.capstan.git.testing.GitDaemon;
import dev.capstan.git.testing.Upstream;
import dev.capstan.testsupport.KubeApiServerTest;
import dev.capstan.testsupport.KubeEnv;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A pull request end to end: a real Git server with the request's head under {@code refs/pull/N/head},
 * the agent's real webhook endpoint, the real API server for the dry-run diff, and WireMock as
 * GitHub's comments and statuses API. The cluster must see no write from a preview.
 */
@KubeApiServerTest
class PullRequestPreviewIT {
  private static final String SECRET = "pr-webhook-secret";
  private static final String TOKEN = "api-token";
  private static final ObjectMapper JSON = new ObjectMapper();

  KubernetesClient client;
  KubeEnv env;

  @Test
  void aPullRequestGetsOneCommentEditedPerPushAndStatusesAndTheClusterSeesNoWrite(@TempDir Path tmp) throws Exception {
    WireMockServer github = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
    github.start();
    github.stubFor(get(urlPathMatching("/repos/acme/deploy/issues/\\d+/comments")).willReturn(aResponse().withBody("[]")));
    github.stubFor(post(urlPathMatching("/repos/acme/deploy/issues/\\d+/comments"))
        .willReturn(aResponse().withStatus(201).withBody("{\"id\": 901}")));
    github.stubFor(patch(urlPathMatching("/repos/acme/deploy/issues/comments/901")).willReturn(aResponse().withBody("{\"id\": 901}")));
    github.stubFor(post(urlPathMatching("/repos/acme/deploy/statuses/.*")).willReturn(aResponse().withStatus(201)));
    Path served = Files.createDirectories(tmp.resolve("served"));
    Upstream upstream = Upstream.create(Files.createDirectories(served.resolve("acme")), "deploy");
    Map<String, String> files = new HashMap<>(configMapChart("web", "web", "hello"));
    files.putAll(configMapChart("cache", "cache", "warm"));
    files.put("docs/README.md", "deploy repository\n");
    upstream.push("two apps", files);
    String ns = env.namespace();
    try (GitDaemon daemon = GitDaemon.start(served)) {
      String repo = daemon.url("acme/deploy.git");
      Map<String, String> environment = Map.of("CAPSTAN_WEBHOOK_SECRET", SECRET, "CAPSTAN_API_TOKEN", TOKEN,
          "CAPSTAN_STATUS_GITHUB_TOKEN", "gh-token", "CAPSTAN_STATUS_GITHUB_HOSTS", "127.0.0.1",
          "CAPSTAN_STATUS_GITHUB_API_URL", github.baseUrl());
      var settings = new AgentRuntime.Settings(tmp.resolve("cache"), tmp.resolve("creds"), AgentPolicy.permissive(), 2,
          "127.0.0.1", 0, false, environment);
      try (AgentRuntime runtime = AgentRuntime.start(client, settings)) {
        Agent agent = runtime.agent();
        Path apps = Files.writeString(tmp.resolve("apps.yaml"), """
            apiVersion: capstan.dev/v1alpha1
            kind: Application
            metadata: {name: web}
            spec:
              source: {repoURL: "%1$s", ref: main, path: web}
              destination: {namespace: %2$s}
              syncPolicy: {automated: true, interval: 1h}
              preview: {enabled: true}
            ---
            apiVersion: capstan.dev/v1alpha1
            kind: Application
            metadata: {name: cache}
            spec:
              source: {repoURL: "%1$s", ref: main, path: cache}
              destination: {namespace: %2$s}
              syncPolicy: {automated: true, interval: 1h}
              preview: {enabled: true}
            ---
            apiVersion: capstan.dev/v1alpha1
            kind: Application
            metadata: {name: web-copy}
            spec:
              source: {repoURL: "%1$s", ref: main, path: web}
              destination: {namespace: %2$s, releaseName: web-copy}
              syncPolicy: {automated: true, interval: 1h}
            """.formatted(repo, ns));
        for (ApplicationFiles.Loaded loaded : ApplicationFiles.load(apps)) {
          agent.upsert(loaded.application());
        }
        agent.markReady();
        await("all synced", Duration.ofSeconds(90), () -> agent.applications().stream()
            .allMatch(a -> a.getStatus() != null && a.getStatus().sync() != null && a.getStatus().sync().status() == SyncState.SYNCED));
        Map<String, String> before = resourceVersions(ns);
        HttpClient http = HttpClient.newHttpClient();
        URI hooks = runtime.server().uri().resolve("/hooks/github");
        PullRequestPreviews previews = runtime.previews().service();

        // The request changes web's values on a branch that only exists as GitHub's pull ref.
        upstream.git("checkout", "-q", "-b", "bump");
        String head1 = upstream.commit("web: new message", Map.of("web/values.yaml", "message: hello-from-pr\n"));
        upstream.git("push", "-q", "origin", "HEAD:refs/pull/7/head");
        assertThat(deliver(http, hooks, pullRequest(repo, 7, "opened", head1, "bump", repo))).isEqualTo(202);

        await("comment created", Duration.ofSeconds(60), () -> requests(github, "POST", "/issues/7/comments").size() == 1
            && requests(github, "POST", "/statuses/" + head1).size() == 1);
        String comment = JSON.readTree(requests(github, "POST", "/issues/7/comments").get(0).getBodyAsString()).get("body").asText();
        assertThat(comment).startsWith("<!-- capstan-preview -->")
            .contains("### Capstan preview of `" + head1.substring(0, 12) + "`")
            .contains("| web | 0 | 1 | 0 | ok |")
            .contains("+  message: hello-from-pr")
            .doesNotContain("| cache |").doesNotContain("web-copy");
        JsonNode status = JSON.readTree(requests(github, "POST", "/statuses/" + head1).get(0).getBodyAsString());
        assertThat(status.get("state").asText()).isEqualTo("success");
        assertThat(status.get("context").asText()).isEqualTo("capstan-preview/web");
        assertThat(status.get("description").asText()).isEqualTo("0 to create, 1 to change, 0 to delete in " + ns);

        assertThat(http.send(HttpRequest.newBuilder(runtime.server().uri().resolve("/api/v1/previews")).build(),
            HttpResponse.BodyHandlers.ofString()).statusCode()).as("a read like the others needs the token").isEqualTo(401);
        JsonNode listed = apiPreviews(http, runtime.server().uri());
        assertThat(listed).hasSize(1);
        assertThat(listed.get(0).get("number").asLong()).isEqualTo(7);
        assertThat(listed.get(0).get("headCommit").asText()).isEqualTo(head1);
        assertThat(listed.get(0).get("applications").get(0).get("change").asInt()).isEqualTo(1);

        // A second push breaks the template: the same comment is edited, the status fails with file:line.
        String head2 = upstream.commit("web: typo", Map.of("web/templates/configmap.yaml", """
            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: {{ release.name }}-config
            data:
              message: {{ values.message | nosuchfilter }}
            """));
        upstream.git("push", "-q", "--force", "origin", "HEAD:refs/pull/7/head");
        assertThat(deliver(http, hooks, pullRequest(repo, 7, "synchronize", head2, "bump", repo))).isEqualTo(202);
        await("comment edited", Duration.ofSeconds(60), () -> requests(github, "PATCH", "/issues/comments/901").size() == 1
            && requests(github, "POST", "/statuses/" + head2).size() == 1);
        String edited = JSON.readTree(requests(github, "PATCH", "/issues/comments/901").get(0).getBodyAsString()).get("body").asText();
        assertThat(edited).contains("| web | – | – | – | **failed**: web/templates/configmap.yaml:6");
        JsonNode failed = JSON.readTree(requests(github, "POST", "/statuses/" + head2).get(0).getBodyAsString());
        assertThat(failed.get("state").asText()).isEqualTo("failure");
        assertThat(failed.get("description").asText()).startsWith("web/templates/configmap.yaml:6");
        assertThat(requests(github, "POST", "/issues/7/comments")).as("never a second comment").hasSize(1);

        // A third push fixes the template but breaks the values' schema: failed again, naming the schema.
        String head3 = upstream.commit("web: schema", Map.of(
            "web/templates/configmap.yaml", configMapChart("web", "web", "x").get("web/templates/configmap.yaml"),
            "web/values.schema.json", "{\"type\": \"object\", \"properties\": {\"message\": {\"type\": \"integer\"}}}"));
        upstream.git("push", "-q", "--force", "origin", "HEAD:refs/pull/7/head");
        assertThat(deliver(http, hooks, pullRequest(repo, 7, "synchronize", head3, "bump", repo))).isEqualTo(202);
        await("schema failure reported", Duration.ofSeconds(60), () -> requests(github, "POST", "/statuses/" + head3).size() == 1
            && requests(github, "PATCH", "/issues/comments/901").size() == 2);
        JsonNode schema = JSON.readTree(requests(github, "POST", "/statuses/" + head3).get(0).getBodyAsString());
        assertThat(schema.get("state").asText()).isEqualTo("failure");
        assertThat(schema.get("description").asText()).contains("values.schema.json");

        // A request touching no Application's folder gets nothing; handled after it, request 9 shows it was seen.
        upstream.git("checkout", "-q", "main");
        upstream.git("checkout", "-q", "-b", "docs");
        String docs = upstream.commit("docs only", Map.of("docs/README.md", "deploy repository, documented\n"));
        upstream.git("push", "-q", "origin", "HEAD:refs/pull/8/head");
        long handled = previews.eventsHandled();
        assertThat(deliver(http, hooks, pullRequest(repo, 8, "opened", docs, "docs", repo))).isEqualTo(202);
        await("request 8 handled", Duration.ofSeconds(60), () -> previews.eventsHandled() > handled);
        assertThat(requests(github, "POST", "/issues/8/comments")).isEmpty();
        assertThat(requests(github, "POST", "/statuses/" + docs)).isEmpty();

        // Closing stops the preview and drops it from the API.
        assertThat(deliver(http, hooks, pullRequest(repo, 7, "closed", head2, "bump", repo))).isEqualTo(202);
        await("closed request dropped", Duration.ofSeconds(30), () -> apiPreviews(http, runtime.server().uri()).isEmpty());

        assertThat(resourceVersions(ns)).as("no object written by a preview").isEqualTo(before);
        assertThat(client.configMaps().inNamespace(ns).withName("web-config").get().getData()).containsEntry("message", "hello");
      }
    } finally {
      github.stop();
    }
  }

  /** A GitHub {@code pull_request} payload, as the host would send it for this repository. */
  private static String pullRequest(String repo, long number, String action, String head, String branch, String headRepo) {
    ObjectNode body = JSON.createObjectNode().put("action", action).put("number", number);
    ObjectNode pr = body.putObject("pull_request").put("number", number).put("title", "change " + number)
        .put("state", action.equals("closed") ? "closed" : "open").put("html_url", "https://example.test/pull/" + number);
    pr.putObject("head").put("ref", branch).put("sha", head).putObject("repo").put("clone_url", headRepo);
    pr.putObject("base").put("ref", "main").putObject("repo").put("clone_url", repo);
    body.putObject("repository").put("clone_url", repo);
    return body.toString();
  }

  private static int deliver(HttpClient http, URI hooks, String body) throws Exception {
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    String signature = "sha256=" + HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
    return http.send(HttpRequest.newBuilder(hooks).header("Content-Type", "application/json").header("X-GitHub-Event", "pull_request")
        .header("X-Hub-Signature-256", signature).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
        HttpResponse.BodyHandlers.ofString()).statusCode();
  }

  private static JsonNode apiPreviews(HttpClient http, URI agent) {
    try {
      HttpResponse<String> response = http.send(HttpRequest.newBuilder(agent.resolve("/api/v1/previews"))
          .header("Authorization", "Bearer " + TOKEN).build(), HttpResponse.BodyHandlers.ofString());
      assertThat(response.statusCode()).isEqualTo(200);
      return JSON.readTree(response.body());
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  private static List<LoggedRequest> requests(WireMockServer server, String method, String pathPart) {
    return server.findAll(anyRequestedFor(anyUrl())).stream()
        .filter(r -> r.getMethod().getName().equals(method) && r.getUrl().contains(pathPart)).toList();
  }

  /** Every ConfigMap and Secret (release history included) in the namespace, by name, with its resourceVersion. */
  private Map<String, String> resourceVersions(String ns) {
    Map<String, String> out = new TreeMap<>();
    Stream.concat(client.configMaps().inNamespace(ns).list().getItems().stream().map(HasMetadata.class::cast),
            client.secrets().inNamespace(ns).list().getItems().stream().map(HasMetadata.class::cast))
        .forEach(o -> out.put(o.getKind() + "/" + o.getMetadata().getName(), o.getMetadata().getResourceVersion()));
    return out;
  }
}
