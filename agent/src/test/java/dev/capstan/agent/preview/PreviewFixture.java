package dev.capstan.agent.preview;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.urlMatching;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.capstan.agent.Agent;
import dev.capstan.agent.AgentFixture;
import dev.capstan.agent.preview.PreviewHost.Act;
import dev.capstan.agent.runtime.AgentRuntime;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The setup every pull-request preview test shares: WireMock playing a Git host's comments and
 * statuses API, an agent started with that host's settings and a webhook secret, Applications loaded
 * from YAML, deliveries to the agent's real webhook endpoint, and what a user can read back (the
 * previews API, the host's recorded calls, the cluster's objects).
 */
public final class PreviewFixture {
  /** The agent's API token in these tests. */
  public static final String TOKEN = "api-token";
  /** The id the host API gives the agent's comment. */
  public static final String COMMENT_ID = "901";

  private static final ObjectMapper JSON = new ObjectMapper();

  private PreviewFixture() {}

  /** WireMock playing {@code host}'s API: no comment yet, then comment {@value #COMMENT_ID} created and edited; statuses accepted. */
  public static WireMockServer hostApi(PreviewHost host) {
    WireMockServer api = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
    api.start();
    stubHost(api, host);
    return api;
  }

  public static void stubHost(WireMockServer api, PreviewHost host) {
    api.stubFor(get(urlMatching(".*/(comments|notes)(\\?.*)?")).willReturn(aResponse().withBody(host.emptyCommentList())));
    api.stubFor(post(urlPathMatching(".*/(comments|notes)")).willReturn(aResponse().withStatus(201).withBody("{\"id\": 901}")));
    api.stubFor(patch(urlPathMatching(".*/" + COMMENT_ID)).willReturn(aResponse().withBody("{\"id\": 901}")));
    api.stubFor(put(urlPathMatching(".*/" + COMMENT_ID)).willReturn(aResponse().withBody("{\"id\": 901}")));
    api.stubFor(post(urlPathMatching(".*/statuses/.*")).willReturn(aResponse().withStatus(201).withBody("{}")));
  }

  /** The agent's environment: webhook secret, API token, and {@code host}'s token, hosts and API URL pointing at {@code api}. */
  public static Map<String, String> environment(PreviewHost host, WireMockServer api) {
    return Map.of("CAPSTAN_WEBHOOK_SECRET", PreviewHost.SECRET, "CAPSTAN_API_TOKEN", TOKEN,
        host.environmentPrefix() + "_TOKEN", "host-token", host.environmentPrefix() + "_HOSTS", "127.0.0.1",
        host.environmentPrefix() + "_API_URL", api.baseUrl());
  }

  /** A permissive agent on a free local port, its Git cache and credentials under {@code tmp}. */
  public static AgentRuntime.Settings settings(Path tmp, Map<String, String> environment) {
    return AgentFixture.runtimeSettings(tmp, environment);
  }

  /** An agent on {@code client}'s cluster that previews {@code host}'s pull requests, its host API being {@code api}. */
  public static AgentRuntime start(KubernetesClient client, Path tmp, PreviewHost host, WireMockServer api) {
    return AgentRuntime.start(client, settings(tmp, environment(host, api)));
  }

  /** An Application from folder {@code path} of {@code repo}'s main, synced automatically, previews enabled. */
  public static String application(String name, String repo, String path, String ns) {
    return """
        apiVersion: capstan.dev/v1alpha1
        kind: Application
        metadata: {name: %s}
        spec:
          source: {repoURL: "%s", ref: main, path: %s}
          destination: {namespace: %s}
          syncPolicy: {automated: true, interval: 1h}
          preview: {enabled: true}
        """.formatted(name, repo, path, ns);
  }

  /** Loads the Applications of {@code yaml} (written to {@code tmp/apps.yaml}) into the agent, then marks it ready. */
  public static void load(Agent agent, Path tmp, String yaml) throws IOException {
    AgentFixture.load(agent, Files.writeString(tmp.resolve("apps.yaml"), yaml));
  }

  /** Delivers {@code host}'s signed pull-request event to the agent's webhook endpoint {@code hooks}; returns the status code. */
  public static int deliver(HttpClient http, PreviewHost host, URI hooks, String repo, long number, Act act, String head,
      String branch, String headRepo) throws Exception {
    return http.send(host.delivery(HttpRequest.newBuilder(hooks), repo, number, act, head, branch, headRepo).build(),
        HttpResponse.BodyHandlers.ofString()).statusCode();
  }

  /** {@code GET /api/v1/previews} of the agent at {@code agent}, with the token; must answer 200. */
  public static JsonNode previews(HttpClient http, URI agent) {
    try {
      HttpResponse<String> response = http.send(HttpRequest.newBuilder(agent.resolve("/api/v1/previews"))
          .header("Authorization", "Bearer " + TOKEN).build(), HttpResponse.BodyHandlers.ofString());
      assertThat(response.statusCode()).isEqualTo(200);
      return JSON.readTree(response.body());
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  /** The stored preview of {@code head}, by Application, from {@code GET /api/v1/previews}; null until there is one. */
  public static Map<String, JsonNode> previewOf(HttpClient http, URI agent, String head) {
    for (JsonNode preview : previews(http, agent)) {
      if (preview.get("headCommit").asText().equals(head)) {
        Map<String, JsonNode> out = new TreeMap<>();
        preview.get("applications").forEach(a -> out.put(a.get("application").asText(), a));
        return out;
      }
    }
    return null;
  }

  /** The raw path a host API call was made to. */
  public static String path(LoggedRequest request) {
    return URI.create(request.getUrl()).getRawPath();
  }

  /** Every call the host API received, oldest first. */
  public static List<LoggedRequest> requests(WireMockServer api) {
    List<LoggedRequest> all = new ArrayList<>(api.findAll(anyRequestedFor(anyUrl())));
    all.sort(Comparator.comparing(LoggedRequest::getLoggedDate));
    return all;
  }

  /** Comments created on request {@code number}. */
  public static List<LoggedRequest> created(WireMockServer api, PreviewHost host, long number) {
    return requests(api).stream().filter(r -> r.getMethod().getName().equals("POST") && host.isCommentCollection(path(r), number))
        .toList();
  }

  /** Statuses posted for commit {@code sha}. */
  public static List<LoggedRequest> statuses(WireMockServer api, PreviewHost host, String sha) {
    return requests(api).stream().filter(r -> r.getMethod().getName().equals("POST") && host.isStatusOf(path(r), sha)).toList();
  }

  /** Every ConfigMap and Secret (release history included) in the namespace, by kind and name, with its resourceVersion. */
  public static Map<String, String> resourceVersions(KubernetesClient client, String ns) {
    Map<String, String> out = new TreeMap<>();
    Stream.concat(client.configMaps().inNamespace(ns).list().getItems().stream().map(HasMetadata.class::cast),
            client.secrets().inNamespace(ns).list().getItems().stream().map(HasMetadata.class::cast))
        .forEach(o -> out.put(o.getKind() + "/" + o.getMetadata().getName(), o.getMetadata().getResourceVersion()));
    return out;
  }
}
