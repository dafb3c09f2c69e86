package dev.capstan.agent.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.capstan.agent.AgentOperations;
import dev.capstan.agent.UnknownApplicationException;
import dev.capstan.agent.application.Application;
import dev.capstan.agent.application.ApplicationSpec;
import dev.capstan.agent.application.ApplicationStatus.HistoryEntry;
import dev.capstan.agent.application.Destination;
import dev.capstan.agent.application.Source;
import dev.capstan.engine.diff.DiffReport;
import dev.capstan.engine.health.Health;
import dev.capstan.engine.release.ObjectNode;
import dev.capstan.engine.resource.ObjectRef;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class AgentHttpServerIT {
  private static final String TOKEN = "s3cret-token";
  private static final AtomicBoolean READY = new AtomicBoolean(false);
  private static final List<String> SYNCS = new CopyOnWriteArrayList<>();
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static AgentHttpServer server;
  private static PrometheusMeterRegistry metrics;

  /** An in-memory stand-in for the agent: one application "web", whose sync is held unless overridden. */
  private static final class OneApp implements AgentOperations {
    private final Application web = new Application();

    OneApp() {
      web.setMetadata(new ObjectMetaBuilder().withName("web").build());
      web.setSpec(new ApplicationSpec(new Source("file:///repo", "main", "web", null, null, null),
          new Destination("web", null), null, null, null, null));
    }

    private Application known(String name) {
      if (!name.equals("web")) {
        throw new UnknownApplicationException(name);
      }
      return web;
    }

    @Override public List<Application> applications() {
      return List.of(web);
    }

    @Override public Optional<Application> application(String name) {
      return name.equals("web") ? Optional.of(web) : Optional.empty();
    }

    @Override public DiffReport diff(String name) {
      known(name);
      return new DiffReport(List.of());
    }

    @Override public List<ObjectNode> tree(String name) {
      known(name);
      return List.of(new ObjectNode(new ObjectRef("v1", "ConfigMap", "web", "web-config"), Health.healthy(), true, List.of()));
    }

    @Override public List<HistoryEntry> history(String name) {
      known(name);
      return List.of(new HistoryEntry(2, "abc123", "2026-11-26T08:00:00Z", "deployed"),
          new HistoryEntry(1, "0f0f0f", "2026-11-25T08:00:00Z", "superseded"));
    }

    @Override public Optional<String> requestSync(String name, boolean override) {
      known(name);
      if (!override) {
        return Optional.of("deny window \"0 22 * * *\" for 8h is open");
      }
      SYNCS.add(name);
      return Optional.empty();
    }

    @Override public HistoryEntry rollback(String name, int revision) {
      known(name);
      return new HistoryEntry(3, "0f0f0f", "2026-11-26T09:00:00Z", "deployed");
    }

    @Override public boolean ready() {
      return READY.get();
    }
  }

  @BeforeAll
  static void start() {
    metrics = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    metrics.counter("capstan_syncs", "result", "success").increment();
    server = AgentHttpServer.start(AgentHttpServer.Options.defaults().withHost("127.0.0.1").withPort(0).withApiToken(TOKEN),
        new OneApp(), null, metrics);
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private static HttpResponse<String> get(String path) throws Exception {
    return HTTP.send(HttpRequest.newBuilder(server.uri().resolve(path)).header("Authorization", "Bearer " + TOKEN).GET().build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static HttpResponse<String> anonymousGet(AgentHttpServer on, String path) throws Exception {
    return HTTP.send(HttpRequest.newBuilder(on.uri().resolve(path)).GET().build(), HttpResponse.BodyHandlers.ofString());
  }

  private static HttpResponse<String> post(String path, String body, String token) throws Exception {
    var request = HttpRequest.newBuilder(server.uri().resolve(path)).POST(HttpRequest.BodyPublishers.ofString(body))
        .header("Content-Type", "application/json");
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void probesTellLivenessAndReadiness() throws Exception {
    assertThat(get("/healthz").statusCode()).isEqualTo(200);
    READY.set(false);
    assertThat(get("/readyz").statusCode()).isEqualTo(503);
    READY.set(true);
    assertThat(get("/readyz").statusCode()).isEqualTo(200);
    assertThat(post("/healthz", "{}", null).statusCode()).as("a probe is read, never written to").isEqualTo(405);
    assertThat(post("/readyz", "{}", TOKEN).statusCode()).isEqualTo(405);
  }

  @Test
  void metricsArePrometheusText() throws Exception {
    HttpResponse<String> r = get("/metrics");
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("text/plain"));
    assertThat(r.body()).contains("capstan_syncs_total{result=\"success\"} 1.0");
  }

  @Test
  void readingIsOpenOnLoopback() throws Exception {
    HttpResponse<String> list = get("/api/v1/applications");
    assertThat(list.statusCode()).isEqualTo(200);
    assertThat(list.body()).contains("\"name\" : \"web\"").contains("\"repoURL\" : \"file:///repo\"");

    assertThat(get("/api/v1/applications/web").body()).contains("\"kind\" : \"Application\"");
    assertThat(get("/api/v1/applications/web/history").body()).contains("\"revision\" : 2").contains("\"gitRevision\" : \"abc123\"");
    HttpResponse<String> diff = get("/api/v1/applications/web/diff");
    assertThat(diff.statusCode()).isEqualTo(200);
    assertThat(diff.headers().firstValue("Content-Type")).hasValue("application/json");
    assertThat(diff.body()).contains("\"inSync\" : true");
    assertThat(get("/api/v1/applications/web/diff?format=text").headers().firstValue("Content-Type"))
        .hasValueSatisfying(v -> assertThat(v).startsWith("text/plain"));
  }

  @Test
  void unknownApplicationsAndEndpointsAre404() throws Exception {
    HttpResponse<String> r = get("/api/v1/applications/nope");
    assertThat(r.statusCode()).isEqualTo(404);
    assertThat(r.body()).contains("Application/nope: no such application");
    assertThat(get("/api/v1/applications/nope/history").statusCode()).isEqualTo(404);
    assertThat(get("/api/v1/applications/web/logs").statusCode()).isEqualTo(404);
    assertThat(get("/api/v1/other").statusCode()).isEqualTo(404);
  }

  /** Issue #14: reads were open to anything on loopback, which a sidecar proxy in the Pod is. */
  @Test
  void readingNeedsTheTokenUnlessReadsWereOpenedDeliberately() throws Exception {
    assertThat(anonymousGet(server, "/api/v1/applications").statusCode()).isEqualTo(401);
    assertThat(get("/api/v1/applications").statusCode()).isEqualTo(200);
    try (AgentHttpServer open = AgentHttpServer.start(AgentHttpServer.Options.defaults().withHost("127.0.0.1").withPort(0)
        .withApiToken(TOKEN).withOpenReads(true), new OneApp(), null, metrics)) {
      assertThat(anonymousGet(open, "/api/v1/applications").statusCode()).isEqualTo(200);
      assertThat(anonymousGet(open, "/healthz").statusCode()).as("probes stay open").isEqualTo(200);
    }
  }

  /** Issue #14: a chunked body declares no length, and was read whole whatever its size. */
  @Test
  void aChunkedBodyIsHeldToTheSameLimit() throws Exception {
    byte[] big = ("{\"pad\": \"" + "x".repeat(2 << 20) + "\"}").getBytes(java.nio.charset.StandardCharsets.UTF_8);
    HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(server.uri().resolve("/api/v1/applications/web/sync"))
        .header("Authorization", "Bearer " + TOKEN).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(big))).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(r.body()).contains("body larger than");
  }

  @Test
  void writingNeedsTheToken() throws Exception {
    HttpResponse<String> refused = post("/api/v1/applications/web/sync", "{\"overrideSyncWindows\": true}", null);
    assertThat(refused.statusCode()).isEqualTo(401);
    // The unread body stays on the connection; the server says so, and clients open a new one.
    assertThat(refused.headers().firstValue("Connection")).hasValue("close");
    assertThat(post("/api/v1/applications/web/sync", "{\"overrideSyncWindows\": true}", "wrong").statusCode()).isEqualTo(401);
    int before = SYNCS.size();

    HttpResponse<String> ok = post("/api/v1/applications/web/sync", "{\"overrideSyncWindows\": true}", TOKEN);
    assertThat(ok.statusCode()).isEqualTo(202);
    assertThat(SYNCS).hasSize(before + 1);
  }

  @Test
  void aHeldSyncSaysWhy() throws Exception {
    HttpResponse<String> held = post("/api/v1/applications/web/sync", "", TOKEN);
    assertThat(held.statusCode()).isEqualTo(409);
    assertThat(held.body()).contains("deny window");
  }

  @Test
  void rollbackValidatesItsBody() throws Exception {
    assertThat(post("/api/v1/applications/web/rollback", "{\"revision\": \"one\"}", TOKEN).statusCode()).isEqualTo(400);
    assertThat(post("/api/v1/applications/web/rollback", "not json", TOKEN).statusCode()).isEqualTo(400);
    HttpResponse<String> ok = post("/api/v1/applications/web/rollback", "{\"revision\": 1}", TOKEN);
    assertThat(ok.statusCode()).isEqualTo(200);
    assertThat(ok.body()).contains("\"revision\" : 3");
  }

  @Test
  void wrongMethodsAre405() throws Exception {
    assertThat(post("/api/v1/applications/web/history", "", TOKEN).statusCode()).isEqualTo(405);
    assertThat(get("/api/v1/applications/web/sync").statusCode()).isEqualTo(405);
  }
}
