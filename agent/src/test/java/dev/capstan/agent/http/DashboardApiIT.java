package dev.capstan.agent.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.capstan.agent.InMemoryAgent;
import dev.capstan.agent.application.Application;
import dev.capstan.agent.application.ApplicationSpec;
import dev.capstan.agent.application.ApplicationStatus.HealthSummary;
import dev.capstan.agent.application.ApplicationStatus.SyncSummary;
import dev.capstan.agent.application.Destination;
import dev.capstan.agent.application.HealthState;
import dev.capstan.agent.application.Source;
import dev.capstan.agent.application.SyncState;
import dev.capstan.agent.application.SyncWindow;
import dev.capstan.agent.feed.ActivityFeed;
import dev.capstan.agent.feed.FeedingRecorder;
import dev.capstan.agent.feed.FeedingSink;
import dev.capstan.agent.status.EventRecorder;
import dev.capstan.agent.status.StatusSink;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The API calls the dashboard uses, and the page itself, over real HTTP. */
class DashboardApiIT {
  private static final String TOKEN = "dash-token";
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final Map<String, Application> APPS = new LinkedHashMap<>();
  private static final ActivityFeed FEED = new ActivityFeed(Clock.systemUTC());
  private static AgentHttpServer server;

  private static Application app(String name, String namespace, SyncState sync, HealthState health, boolean ready, String message) {
    return InMemoryAgent.app(name, new Source("https://github.com/acme/shop.git", "main", name, null, null, null), namespace,
        new SyncSummary(sync, "0123456789abcdef0123456789abcdef01234567"),
        new HealthSummary(health, health == HealthState.HEALTHY ? null : "Deployment/" + namespace + "/web: 0/1 ready"),
        InMemoryAgent.ready(ready, message));
  }

  @BeforeAll
  static void start() {
    APPS.put("api", app("api", "shop", SyncState.SYNCED, HealthState.HEALTHY, true, "revision 3 applied 0123456 (Scale up)"));
    APPS.put("cart", app("cart", "shop", SyncState.OUT_OF_SYNC, HealthState.DEGRADED, false, "0123456: field is immutable"));
    Application cart = APPS.get("cart");
    cart.setSpec(new ApplicationSpec(cart.getSpec().source(), new Destination("shop", null, "edge"), null, null, null, null));
    Application api = APPS.get("api");
    api.setSpec(new ApplicationSpec(api.getSpec().source(), api.getSpec().destination(), null, null, null,
        List.of(new SyncWindow(SyncWindow.Kind.deny, "0 22 * * *", "8h", null))));
    APPS.put("web", app("web", "front", SyncState.SYNCED, HealthState.PROGRESSING, true, "revision 1 applied 0123456 (First)"));
    server = AgentHttpServer.start(AgentHttpServer.Options.defaults().withHost("127.0.0.1").withPort(0).withApiToken(TOKEN),
        new InMemoryAgent(APPS), null, new PrometheusMeterRegistry(PrometheusConfig.DEFAULT), FEED);
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private static HttpResponse<String> get(String path, String token) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(server.uri().resolve(path)).GET();
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static JsonNode json(HttpResponse<String> response) throws Exception {
    return Replies.JSON.readTree(response.body());
  }

  @Test
  void thePageIsServedWithAStrictContentSecurityPolicy() throws Exception {
    HttpResponse<String> page = get("/", null);
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.headers().firstValue("Content-Type")).hasValue("text/html; charset=utf-8");
    assertThat(page.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(csp ->
        assertThat(csp).contains("script-src 'self'").contains("default-src 'none'").doesNotContain("unsafe-inline"));
    assertThat(page.body()).contains("<script src=\"/ui/app.js\" defer></script>");
    HttpResponse<String> script = get("/ui/app.js", null);
    assertThat(script.headers().firstValue("Content-Type")).hasValue("text/javascript; charset=utf-8");
    assertThat(script.body()).contains("textContent").doesNotContain("innerHTML");
    assertThat(get("/ui/app.css", null).statusCode()).isEqualTo(200);
    assertThat(get("/ui/nothing.js", null).statusCode()).isEqualTo(404);
  }

  @Test
  void thePageAndTheOverviewAreCompressedAndTheStreamIsNot() throws Exception {
    for (String path : List.of("/ui/app.js", "/api/v1/overview")) {
      HttpResponse<byte[]> r = HTTP.send(HttpRequest.newBuilder(server.uri().resolve(path)).header("Accept-Encoding", "gzip")
          .header("Authorization", "Bearer " + TOKEN).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
      assertThat(r.headers().firstValue("Content-Encoding")).as(path).hasValue("gzip");
      String text = new String(new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(r.body())).readAllBytes(), StandardCharsets.UTF_8);
      assertThat(text).as(path).isNotBlank();
    }
    HttpResponse<InputStream> stream = HTTP.send(HttpRequest.newBuilder(server.uri().resolve("/api/v1/stream")).header("Accept-Encoding", "gzip")
        .header("Authorization", "Bearer " + TOKEN).GET().build(), HttpResponse.BodyHandlers.ofInputStream());
    try {
      assertThat(stream.headers().firstValue("Content-Encoding")).isEmpty();
    } finally {
      stream.body().close();
    }
  }

  @Test
  void theSessionSaysWhatTheTokenAllowsAndRefusesAWrongOne() throws Exception {
    JsonNode anonymous = json(get("/api/v1/session", null));
    assertThat(anonymous.path("mayRead").asBoolean()).isFalse();
    assertThat(anonymous.path("mayWrite").asBoolean()).isFalse();
    assertThat(anonymous.path("whyNotWrite").asText()).isEqualTo("sign in with the API token to act");

    HttpResponse<String> wrong = get("/api/v1/session", "nope");
    assertThat(wrong.statusCode()).isEqualTo(401);
    assertThat(json(wrong).path("error").asText()).isEqualTo("the token was refused");

    JsonNode signedIn = json(get("/api/v1/session", TOKEN));
    assertThat(signedIn.path("signedIn").asBoolean()).isTrue();
    assertThat(signedIn.path("mayWrite").asBoolean()).isTrue();
  }

  @Test
  void theOverviewCountsEverythingAndListsWhatIsBrokenFirst() throws Exception {
    assertThat(get("/api/v1/overview", null).statusCode()).isEqualTo(401);
    assertThat(get("/api/v1/overview", "nope").statusCode()).isEqualTo(401);

    JsonNode page = json(get("/api/v1/overview", TOKEN));
    assertThat(page.path("total").asInt()).isEqualTo(3);
    assertThat(page.path("sync").path("Synced").asInt()).isEqualTo(2);
    assertThat(page.path("health").path("Degraded").asInt()).isEqualTo(1);
    List<String> names = new ArrayList<>();
    page.path("rows").forEach(r -> names.add(r.path("name").asText()));
    assertThat(names).containsExactly("cart", "web", "api");
    JsonNode cart = page.path("rows").get(0);
    assertThat(cart.path("message").asText()).isEqualTo("0123456: field is immutable");
    assertThat(cart.path("readyReason").asText()).isEqualTo("SyncFailed");

    JsonNode filtered = json(get("/api/v1/overview?namespace=shop&health=Healthy", TOKEN));
    assertThat(filtered.path("matched").asInt()).isEqualTo(1);
    assertThat(filtered.path("rows").get(0).path("name").asText()).isEqualTo("api");
    assertThat(json(get("/api/v1/overview?name=AR", TOKEN)).path("rows").get(0).path("name").asText()).isEqualTo("cart");

    JsonNode edge = json(get("/api/v1/overview?cluster=edge", TOKEN));
    assertThat(edge.path("matched").asInt()).isEqualTo(1);
    assertThat(edge.path("rows").get(0).path("name").asText()).isEqualTo("cart");
    assertThat(edge.path("rows").get(0).path("cluster").asText()).isEqualTo("edge");
    JsonNode own = json(get("/api/v1/overview?cluster=in-cluster", TOKEN));
    assertThat(own.path("rows").findValuesAsText("name")).containsExactly("web", "api");
    assertThat(own.path("rows").findValuesAsText("cluster")).containsOnly("in-cluster");

    HttpResponse<String> bad = get("/api/v1/overview?sync=Green", TOKEN);
    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(json(bad).path("error").asText()).isEqualTo("sync: unknown status \"Green\"");
  }

  @Test
  void theTreeAndTheRecentEventsOfAnApplication() throws Exception {
    JsonNode tree = json(get("/api/v1/applications/web/tree", TOKEN));
    assertThat(tree.get(0).path("kind").asText()).isEqualTo("Deployment");
    assertThat(tree.get(0).path("health").asText()).isEqualTo("Progressing");
    assertThat(tree.get(0).path("managed").asBoolean()).isTrue();
    JsonNode pod = tree.get(0).path("children").get(0).path("children").get(0);
    assertThat(pod.path("name").asText()).isEqualTo("web-1-a");
    assertThat(pod.path("message").asText()).isEqualTo("not ready (Pending)");
    assertThat(pod.path("managed").asBoolean()).isFalse();
    assertThat(get("/api/v1/applications/nope/tree", TOKEN).statusCode()).isEqualTo(404);

    new FeedingRecorder(EventRecorder.none(), FEED).warning(APPS.get("api"), "SyncFailed", "Deployment/shop/web: field is immutable");
    JsonNode events = json(get("/api/v1/applications/api/events", TOKEN));
    assertThat(events.get(0).path("type").asText()).isEqualTo("Warning");
    assertThat(events.get(0).path("reason").asText()).isEqualTo("SyncFailed");
    assertThat(events.get(0).path("message").asText()).isEqualTo("Deployment/shop/web: field is immutable");
    assertThat(get("/api/v1/applications/api/events", null).statusCode()).isEqualTo(401);
  }

  @Test
  void theStreamSendsARowWhenASyncStartsAndWhenTheStatusChanges() throws Exception {
    assertThat(get("/api/v1/stream", "nope").statusCode()).isEqualTo(401);
    HttpRequest request = HttpRequest.newBuilder(server.uri().resolve("/api/v1/stream")).header("Authorization", "Bearer " + TOKEN).GET().build();
    HttpResponse<InputStream> response = HTTP.send(request, HttpResponse.BodyHandlers.ofInputStream());
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("text/event-stream; charset=utf-8");
    BlockingQueue<String> events = new ArrayBlockingQueue<>(100);
    Thread reader = new Thread(() -> {
      try (BufferedReader lines = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
        StringBuilder event = new StringBuilder();
        for (String line = lines.readLine(); line != null; line = lines.readLine()) {
          if (line.isEmpty()) {
            events.add(event.toString());
            event.setLength(0);
          } else {
            event.append(line).append('\n');
          }
        }
      } catch (Exception closed) {
        // the test closed the stream
      }
    });
    reader.setDaemon(true);
    reader.start();
    try {
      assertThat(events.poll(10, TimeUnit.SECONDS)).startsWith("event: hello\n");

      new FeedingRecorder(EventRecorder.none(), FEED).normal(APPS.get("web"), "Syncing", "applying 0123456 (Scale)");
      String syncing = events.poll(10, TimeUnit.SECONDS);
      assertThat(syncing).startsWith("event: app\ndata: {");
      JsonNode row = Replies.JSON.readTree(syncing.substring(syncing.indexOf("data: ") + 6));
      assertThat(row.path("name").asText()).isEqualTo("web");
      assertThat(row.path("syncing").asBoolean()).isTrue();

      APPS.put("web", app("web", "front", SyncState.SYNCED, HealthState.HEALTHY, true, "revision 2 applied 0123456 (Scale)"));
      new FeedingSink(StatusSink.inMemory(), FEED).publish(APPS.get("web"), APPS.get("web").getStatus());
      String synced = events.poll(10, TimeUnit.SECONDS);
      JsonNode after = Replies.JSON.readTree(synced.substring(synced.indexOf("data: ") + 6));
      assertThat(after.path("syncing").asBoolean()).isFalse();
      assertThat(after.path("health").asText()).isEqualTo("Healthy");
      assertThat(events.poll(Duration.ofMillis(300).toMillis(), TimeUnit.MILLISECONDS)).as("nothing more while nothing changes").isNull();
    } finally {
      response.body().close();
      APPS.put("web", app("web", "front", SyncState.SYNCED, HealthState.PROGRESSING, true, "revision 1 applied 0123456 (First)"));
    }
  }

  @Test
  void theSyncWindowInForceSaysWhetherSyncsMayRunAndUntilWhen() throws Exception {
    Instant before = Instant.now();
    JsonNode window = json(get("/api/v1/applications/api/window", TOKEN));
    Instant after = Instant.now();
    // A nightly deny window, 22:00 to 06:00 UTC: held inside it until 06:00, else allowed until 22:00.
    ZonedDateTime now = after.atZone(ZoneOffset.UTC);
    boolean night = now.getHour() >= 22 || now.getHour() < 6;
    assertThat(night).as("the test did not straddle a window's edge").isEqualTo(before.atZone(ZoneOffset.UTC).getHour() >= 22
        || before.atZone(ZoneOffset.UTC).getHour() < 6);
    ZonedDateTime until = night
        ? (now.getHour() >= 22 ? now.plusDays(1) : now).truncatedTo(ChronoUnit.DAYS).withHour(6)
        : now.truncatedTo(ChronoUnit.DAYS).withHour(22);
    assertThat(window.path("allowed").asBoolean()).isEqualTo(!night);
    assertThat(window.path("until").asText()).isEqualTo(until.toInstant().toString());
    assertThat(window.path("windows").get(0).path("schedule").asText()).isEqualTo("0 22 * * *");
    if (night) {
      assertThat(window.path("heldBecause").asText()).isEqualTo("deny window \"0 22 * * *\" for 8h is open");
    }

    JsonNode none = json(get("/api/v1/applications/web/window", TOKEN));
    assertThat(none.path("allowed").asBoolean()).isTrue();
    assertThat(none.has("until")).as("no window, nothing changes").isFalse();
    assertThat(get("/api/v1/applications/nope/window", TOKEN).statusCode()).isEqualTo(404);
  }

  @Test
  void suspendIsRefusedWithTheReasonWhenTheApplicationsAreFiles() throws Exception {
    assertThat(json(get("/api/v1/session", TOKEN)).path("whyNoSuspend").asText()).startsWith("the agent reads this Application from files");
    HttpResponse<String> anonymous = post("/api/v1/applications/web/suspend", null);
    assertThat(anonymous.statusCode()).isEqualTo(401);
    HttpResponse<String> refused = post("/api/v1/applications/web/suspend", TOKEN);
    assertThat(refused.statusCode()).isEqualTo(409);
    assertThat(json(refused).path("error").asText())
        .isEqualTo("Application/web: the agent reads this Application from files: set spec.suspend there (in Git or on disk), "
            + "so the record stays true");
    assertThat(post("/api/v1/applications/nope/resume", TOKEN).statusCode()).isEqualTo(404);
    assertThat(get("/api/v1/applications/web/suspend", TOKEN).statusCode()).isEqualTo(405);
  }

  private static HttpResponse<String> post(String path, String token) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(server.uri().resolve(path)).POST(HttpRequest.BodyPublishers.ofString("{}"))
        .header("Content-Type", "application/json");
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }
}
