package dev.capstan.agent.preview;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static dev.capstan.agent.AgentFixture.await;
import static dev.capstan.agent.AgentFixture.configMapChart;
import static dev.capstan.agent.preview.PreviewFixture.COMMENT_ID;
import static dev.capstan.agent.preview.PreviewFixture.application;
import static dev.capstan.agent.preview.PreviewFixture.created;
import static dev.capstan.agent.preview.PreviewFixture.deliver;
import static dev.capstan.agent.preview.PreviewFixture.hostApi;
import static dev.capstan.agent.preview.PreviewFixture.load;
import static dev.capstan.agent.preview.PreviewFixture.path;
import static dev.capstan.agent.preview.PreviewFixture.previews;
import static dev.capstan.agent.preview.PreviewFixture.requests;
import static dev.capstan.agent.preview.PreviewFixture.resourceVersions;
import static dev.capstan.agent.preview.PreviewFixture.start;
import static dev.capstan.agent.preview.PreviewFixture.statuses;
import static dev.capstan.agent.preview.PreviewFixture.stubHost;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.capstan.agent.Agent;
import dev.capstan.agent.application.SyncState;
import dev.capstan.agent.preview.PreviewHost.Act;
import dev.capstan.agent.runtime.AgentRuntime;
import dev.capstan.git.testing.GitDaemon;
import dev.capstan.git.testing.Upstream;
import dev.capstan.testsupport.KubeApiServerTest;
import dev.capstan.testsupport.KubeEnv;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Pull requests end to end, on each of the four hosts: a real Git server holding the request's head
 * where the host keeps it ({@code refs/pull/N/head}, {@code refs/merge-requests/N/head}, the source
 * branch), the agent's real webhook endpoint fed the host's own payloads, the real API server for the
 * dry-run diff, and WireMock as the host's comments and statuses API. The cluster must see no write
 * from a preview, and a closed request must leave the agent's Git cache.
 */
@KubeApiServerTest
class PullRequestPreviewIT {
  private static final ObjectMapper JSON = new ObjectMapper();

  KubernetesClient client;
  KubeEnv env;

  @ParameterizedTest
  @EnumSource(PreviewHost.class)
  void aPullRequestGetsOneCommentEditedPerPushAndAStatusPerApplicationAndTheClusterSeesNoWrite(PreviewHost host, @TempDir Path tmp)
      throws Exception {
    WireMockServer api = hostApi(host);
    Path served = Files.createDirectories(tmp.resolve("served"));
    Upstream upstream = Upstream.create(Files.createDirectories(served.resolve("acme")), "deploy");
    Map<String, String> files = new HashMap<>(configMapChart("web", "web", "hello"));
    files.putAll(configMapChart("cache", "cache", "warm"));
    files.put("docs/README.md", "deploy repository\n");
    upstream.push("two apps", files);
    String ns = namespace(host.path);
    try (GitDaemon daemon = GitDaemon.start(served)) {
      String repo = daemon.url("acme/deploy.git");
      try (AgentRuntime runtime = start(client, tmp, host, api)) {
        Agent agent = runtime.agent();
        load(agent, tmp, application("web", repo, "web", ns) + "---\n" + application("cache", repo, "cache", ns) + """
            ---
            apiVersion: capstan.dev/v1alpha1
            kind: Application
            metadata: {name: web-copy}
            spec:
              source: {repoURL: "%1$s", ref: main, path: web}
              destination: {namespace: %2$s, releaseName: web-copy}
              syncPolicy: {automated: true, interval: 1h}
            """.formatted(repo, ns));
        await("all synced", Duration.ofSeconds(90), () -> agent.applications().stream()
            .allMatch(a -> a.getStatus() != null && a.getStatus().sync() != null && a.getStatus().sync().status() == SyncState.SYNCED));
        Map<String, String> before = resourceVersions(client, ns);
        HttpClient http = HttpClient.newHttpClient();
        URI hooks = runtime.server().uri().resolve("/hooks/" + host.path);
        PullRequestPreviews previews = runtime.previews().service();
        String prRef = host.headRef(7, "bump");

        // The request changes web's values on a branch the host keeps under its own ref.
        upstream.git("checkout", "-q", "-b", "bump");
        String head1 = upstream.commit("web: new message, a token", Map.of("web/values.yaml", "message: hello-from-pr\n",
            "web/templates/secret.yaml", """
                apiVersion: v1
                kind: Secret
                metadata:
                  name: {{ release.name }}-token
                stringData:
                  token: s3cret-from-the-pull-request
                """));
        upstream.git("push", "-q", "origin", "HEAD:" + prRef);
        assertThat(deliver(http, host, hooks, repo, 7, Act.OPEN, head1, "bump", repo)).isEqualTo(202);

        await("comment created", Duration.ofSeconds(60), () -> created(api, host, 7).size() == 1 && statuses(api, host, head1).size() == 1);
        String comment = host.commentBody(created(api, host, 7).get(0).getBodyAsString());
        assertThat(comment).startsWith("<!-- capstan-preview -->")
            .contains("### Capstan preview of `" + head1.substring(0, 12) + "`")
            .contains("| web | 1 | 1 | 0 | ok |")
            .contains("+  message: hello-from-pr")
            .contains("*** (masked").doesNotContain("s3cret-from-the-pull-request")
            .doesNotContain("| cache |").doesNotContain("web-copy");
        JsonNode status = JSON.readTree(statuses(api, host, head1).get(0).getBodyAsString());
        assertThat(status.get("state").asText()).isEqualTo(host.success);
        assertThat(host.statusContext(status)).isEqualTo("capstan-preview/web");
        assertThat(status.get("description").asText()).isEqualTo("1 to create, 1 to change, 0 to delete in " + ns);

        assertThat(http.send(HttpRequest.newBuilder(runtime.server().uri().resolve("/api/v1/previews")).build(),
            HttpResponse.BodyHandlers.ofString()).statusCode()).as("a read like the others needs the token").isEqualTo(401);
        JsonNode listed = previews(http, runtime.server().uri());
        assertThat(listed).hasSize(1);
        assertThat(listed.get(0).get("number").asLong()).isEqualTo(7);
        assertThat(listed.get(0).get("provider").asText()).isEqualTo(host.path);
        assertThat(listed.get(0).get("headCommit").asText()).isEqualTo(head1);
        assertThat(listed.get(0).get("applications").get(0).get("change").asInt()).isEqualTo(1);
        assertThat(listed.get(0).get("applications").get(0).get("diff").asText()).contains("*** (masked")
            .doesNotContain("s3cret-from-the-pull-request");
        assertThat(listed.get(0).get("applications").get(0).get("lint")).isEmpty();

        // A second push breaks web's template and changes cache, with a file lint warns about: the same
        // comment is edited; web's status fails with file:line, cache's succeeds and counts the warning.
        String head2 = upstream.commit("web: typo, cache: colder", Map.of("web/templates/configmap.yaml", """
            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: {{ release.name }}-config
            data:
              message: {{ values.message | nosuchfilter }}
            """, "cache/values.yaml", "message: cold\n", "cache/templates/notes.txt", "not rendered\n"));
        upstream.git("push", "-q", "--force", "origin", "HEAD:" + prRef);
        assertThat(deliver(http, host, hooks, repo, 7, Act.PUSH, head2, "bump", repo)).isEqualTo(202);
        await("comment edited", Duration.ofSeconds(60), () -> edits(api).size() == 1 && statuses(api, host, head2).size() == 2);
        String edited = host.commentBody(edits(api).get(0).getBodyAsString());
        assertThat(edited).contains("| web | – | – | – | **failed**: web/templates/configmap.yaml:6")
            .contains("| cache | 0 | 1 | 0 | ok, 1 lint warning |")
            .contains("cache/templates/notes.txt: warning: neither rendered (.yaml, .yml, .json) nor a macro file");
        Map<String, JsonNode> byApp = byContext(host, statuses(api, host, head2));
        assertThat(byApp.get("capstan-preview/web").get("state").asText()).isEqualTo(host.failure);
        assertThat(byApp.get("capstan-preview/web").get("description").asText()).startsWith("web/templates/configmap.yaml:6");
        assertThat(byApp.get("capstan-preview/cache").get("state").asText()).isEqualTo(host.success);
        assertThat(byApp.get("capstan-preview/cache").get("description").asText())
            .isEqualTo("0 to create, 1 to change, 0 to delete in " + ns + "; 1 lint warning");
        assertThat(created(api, host, 7)).as("never a second comment").hasSize(1);

        // A third push fixes the template but breaks the values' schema: failed again, naming the schema.
        String head3 = upstream.commit("web: schema", Map.of(
            "web/templates/configmap.yaml", configMapChart("web", "web", "x").get("web/templates/configmap.yaml"),
            "web/values.schema.json", "{\"type\": \"object\", \"properties\": {\"message\": {\"type\": \"integer\"}}}"));
        upstream.git("push", "-q", "--force", "origin", "HEAD:" + prRef);
        assertThat(deliver(http, host, hooks, repo, 7, Act.PUSH, head3, "bump", repo)).isEqualTo(202);
        await("schema failure reported", Duration.ofSeconds(60), () -> statuses(api, host, head3).size() == 2 && edits(api).size() == 2);
        JsonNode schema = byContext(host, statuses(api, host, head3)).get("capstan-preview/web");
        assertThat(schema.get("state").asText()).isEqualTo(host.failure);
        assertThat(schema.get("description").asText()).contains("values.schema.json");

        // Then a values file that is no YAML: failed at its line.
        String head3b = upstream.commit("web: broken values", Map.of("web/values.schema.json", "{\"type\": \"object\"}",
            "web/values.yaml", "message: hello\nreplicas: [1, 2\n"));
        upstream.git("push", "-q", "--force", "origin", "HEAD:" + prRef);
        assertThat(deliver(http, host, hooks, repo, 7, Act.PUSH, head3b, "bump", repo)).isEqualTo(202);
        await("values failure reported", Duration.ofSeconds(60), () -> statuses(api, host, head3b).size() == 2 && edits(api).size() == 3);
        JsonNode values = byContext(host, statuses(api, host, head3b)).get("capstan-preview/web");
        assertThat(values.get("state").asText()).isEqualTo(host.failure);
        assertThat(values.get("description").asText()).startsWith("web/values.yaml:");

        // A fourth push renders, but an object breaks a rule capstan lint knows: failed at the template's line.
        String head4 = upstream.commit("web: team label", Map.of("web/values.yaml", "message: hello-from-pr\n",
            "web/templates/configmap.yaml", """
                apiVersion: v1
                kind: ConfigMap
                metadata:
                  name: {{ release.name }}-config
                  labels:
                    team: platform-engineering-and-developer-experience-for-the-whole-company
                data:
                  message: {{ values.message | quote }}
                """));
        upstream.git("push", "-q", "--force", "origin", "HEAD:" + prRef);
        assertThat(deliver(http, host, hooks, repo, 7, Act.PUSH, head4, "bump", repo)).isEqualTo(202);
        await("lint failure reported", Duration.ofSeconds(60), () -> statuses(api, host, head4).size() == 2 && edits(api).size() == 4);
        JsonNode lint = byContext(host, statuses(api, host, head4)).get("capstan-preview/web");
        assertThat(lint.get("state").asText()).isEqualTo(host.failure);
        assertThat(lint.get("description").asText())
            .startsWith("web/templates/configmap.yaml:6: error: ConfigMap/web-config: metadata.labels.team: label value");
        assertThat(host.commentBody(edits(api).get(3).getBodyAsString()))
            .contains("**web**: `capstan lint` found 1 error, 0 warnings");
        JsonNode web = null;
        for (JsonNode app : previews(http, runtime.server().uri()).get(0).get("applications")) {
          web = app.get("application").asText().equals("web") ? app : web;
        }
        assertThat(web).isNotNull();
        assertThat(web.get("lint").get(0).get("path").asText()).isEqualTo("web/templates/configmap.yaml");
        assertThat(web.get("lint").get(0).get("line").asInt()).isEqualTo(6);

        // A request touching no Application's folder gets nothing; handled after it, request 8 shows it was seen.
        upstream.git("checkout", "-q", "main");
        upstream.git("checkout", "-q", "-b", "docs");
        String docs = upstream.commit("docs only", Map.of("docs/README.md", "deploy repository, documented\n"));
        upstream.git("push", "-q", "origin", "HEAD:" + host.headRef(8, "docs"));
        long handled = previews.eventsHandled();
        assertThat(deliver(http, host, hooks, repo, 8, Act.OPEN, docs, "docs", repo)).isEqualTo(202);
        await("request 8 handled", Duration.ofSeconds(60), () -> previews.eventsHandled() > handled);
        assertThat(created(api, host, 8)).isEmpty();
        assertThat(statuses(api, host, docs)).isEmpty();
        assertThat(previews(http, runtime.server().uri())).hasSize(1);

        // Closing (merging) stops the preview, drops it from the API and takes its head out of the Git cache.
        assertThat(cacheHolds(tmp, prRef, head4)).as("the head was fetched into the cache").isTrue();
        assertThat(deliver(http, host, hooks, repo, 7, Act.CLOSE, head4, "bump", repo)).isEqualTo(202);
        await("closed request dropped", Duration.ofSeconds(30), () -> previews(http, runtime.server().uri()).isEmpty());
        // The eviction runs after the request leaves the API, and repacks: wait until no commit of it is left.
        List<String> heads = List.of(head1, head2, head3, head3b, head4);
        await("closed request's head evicted", Duration.ofSeconds(30),
            () -> heads.stream().noneMatch(head -> cacheHolds(tmp, prRef, head)));
        assertThat(cacheHolds(tmp, host.headRef(8, "docs"), docs)).as("the open request 8 keeps its head").isTrue();

        assertThat(resourceVersions(client, ns)).as("no object written by a preview").isEqualTo(before);
        assertThat(client.configMaps().inNamespace(ns).withName("web-config").get().getData()).containsEntry("message", "hello");
      }
    } finally {
      api.stop();
    }
  }

  @Test
  void aForkRendersInTheSandboxOnlyWhereAllowedAndAHostApiThatIsDownIsRetriedWithBackOffWhileSyncsGoOn(@TempDir Path tmp)
      throws Exception {
    PreviewHost host = PreviewHost.GITHUB;
    WireMockServer api = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
    api.start();
    api.stubFor(any(anyUrl()).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
    Path served = Files.createDirectories(tmp.resolve("served"));
    Upstream upstream = Upstream.create(Files.createDirectories(served.resolve("acme")), "deploy");
    Map<String, String> files = new HashMap<>(configMapChart("web", "web", "hello"));
    files.putAll(configMapChart("open", "open", "welcome"));
    upstream.push("two apps", files);
    String ns = namespace("forks");
    try (GitDaemon daemon = GitDaemon.start(served)) {
      String repo = daemon.url("acme/deploy.git");
      try (AgentRuntime runtime = start(client, tmp, host, api)) {
        Agent agent = runtime.agent();
        load(agent, tmp, application("web", repo, "web", ns) + """
            ---
            apiVersion: capstan.dev/v1alpha1
            kind: Application
            metadata: {name: open}
            spec:
              source: {repoURL: "%1$s", ref: main, path: open}
              destination: {namespace: %2$s}
              syncPolicy: {automated: true, interval: 1h}
              preview: {enabled: true, sameRepositoryOnly: false}
            """.formatted(repo, ns));
        await("all synced", Duration.ofSeconds(90), () -> agent.applications().stream()
            .allMatch(a -> a.getStatus() != null && a.getStatus().sync() != null && a.getStatus().sync().status() == SyncState.SYNCED));
        HttpClient http = HttpClient.newHttpClient();
        URI hooks = runtime.server().uri().resolve("/hooks/github");

        // A stranger's fork changes both folders, open's with a template that recurses for ever.
        upstream.git("checkout", "-q", "-b", "fork");
        String forkHead = upstream.commit("from a fork", Map.of("web/values.yaml", "message: from-a-fork\n",
            "open/templates/_helpers.tpl", "{% macro again(n) %}{{ again(n + 1) }}{% endmacro %}",
            "open/templates/configmap.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: boom\ndata:\n  x: \"{{ again(0) }}\"\n"));
        upstream.git("push", "-q", "origin", "HEAD:refs/pull/11/head");
        upstream.git("checkout", "-q", "main");
        assertThat(deliver(http, host, hooks, repo, 11, Act.OPEN, forkHead, "fork", "https://example.test/stranger/deploy.git"))
            .isEqualTo(202);
        await("fork previewed", Duration.ofSeconds(60), () -> previews(http, runtime.server().uri()).size() == 1);
        JsonNode apps = previews(http, runtime.server().uri()).get(0).get("applications");
        assertThat(apps).as("web refuses forks (sameRepositoryOnly by default)").hasSize(1);
        assertThat(apps.get(0).get("application").asText()).isEqualTo("open");
        assertThat(apps.get(0).get("error").asText()).startsWith("open/templates/_helpers.tpl:1: ")
            .contains("nested deeper than 100 calls");

        // The host's API is down: the comment is being retried while a push to main still syncs at once.
        String main = upstream.push("web: new message", Map.of("web/values.yaml", "message: hello-again\n"));
        assertThat(http.send(PreviewHost.githubPush(HttpRequest.newBuilder(hooks), repo, main).build(),
            HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(202);
        await("web synced while the host is down", Duration.ofSeconds(30), () -> "hello-again".equals(
            client.configMaps().inNamespace(ns).withName("web-config").get().getData().get("message")));
        await("the comment retried", Duration.ofSeconds(30), () -> commentAttempts(api, 11).size() >= 3);
        List<LoggedRequest> attempts = commentAttempts(api, 11);
        long first = attempts.get(1).getLoggedDate().getTime() - attempts.get(0).getLoggedDate().getTime();
        long second = attempts.get(2).getLoggedDate().getTime() - attempts.get(1).getLoggedDate().getTime();
        assertThat(second).as("waits grow between attempts (back-off)").isGreaterThan(first);

        // Back up: a later attempt posts the one comment.
        api.resetAll();
        stubHost(api, host);
        await("comment created once the host is back", Duration.ofSeconds(60), () -> created(api, host, 11).size() == 1);
        String comment = host.commentBody(created(api, host, 11).get(0).getBodyAsString());
        assertThat(comment).contains("| open | – | – | – | **failed**: open/templates/_helpers.tpl:1:").doesNotContain("| web |");
        assertThat(client.configMaps().inNamespace(ns).withName("boom").get()).as("nothing of the fork reached the cluster").isNull();
      }
    } finally {
      api.stop();
    }
  }

  /** A namespace of this test's own, so each host's run starts from an empty one. */
  private String namespace(String suffix) {
    String name = env.namespace() + "-" + suffix;
    client.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(name).endMetadata().build()).create();
    return name;
  }

  /** Every call about request {@code number}'s comments (listing first, as the agent does not know its comment yet). */
  private static List<LoggedRequest> commentAttempts(WireMockServer api, long number) {
    return requests(api).stream().filter(r -> PreviewHost.GITHUB.isCommentCollection(path(r), number)).toList();
  }

  /** Edits of the agent's comment. */
  private static List<LoggedRequest> edits(WireMockServer api) {
    return requests(api).stream().filter(r -> (r.getMethod().getName().equals("PATCH") || r.getMethod().getName().equals("PUT"))
        && path(r).endsWith("/" + COMMENT_ID)).toList();
  }

  private static Map<String, JsonNode> byContext(PreviewHost host, List<LoggedRequest> statuses) throws IOException {
    Map<String, JsonNode> out = new TreeMap<>();
    for (LoggedRequest r : statuses) {
      JsonNode status = JSON.readTree(r.getBodyAsString());
      out.put(host.statusContext(status), status);
    }
    return out;
  }

  /** Whether any repository of the agent's Git cache holds {@code ref} or the commit {@code sha}. */
  private static boolean cacheHolds(Path tmp, String ref, String sha) {
    try (Stream<Path> dirs = Files.list(tmp.resolve("cache"))) {
      for (Path dir : dirs.filter(d -> Files.isDirectory(d) && !d.getFileName().toString().startsWith(".")).toList()) {
        try (Repository repo = new FileRepositoryBuilder().setGitDir(dir.toFile()).setMustExist(true).setBare().build()) {
          if (repo.exactRef(ref) != null || repo.getObjectDatabase().has(ObjectId.fromString(sha))) {
            return true;
          }
        }
      }
      return false;
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }
}
