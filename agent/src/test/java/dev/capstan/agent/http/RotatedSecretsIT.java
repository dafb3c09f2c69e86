package dev.capstan.agent.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.capstan.webhook.dispatch.CoalescingDispatcher;
import dev.capstan.webhook.receive.ReceiverOptions;
import dev.capstan.webhook.receive.WebhookHandler;
import dev.capstan.webhook.verify.RefreshingValue;
import dev.capstan.webhook.verify.WebhookSecrets;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntSupplier;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The API token and the shared webhook secret given as mounted Secret files ({@code CAPSTAN_API_TOKEN_FILE},
 * {@code CAPSTAN_WEBHOOK_SECRET_FILE}): rotated as the kubelet does it, the running server refuses the
 * old value and takes the new one, without a restart.
 */
class RotatedSecretsIT {
  private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  @TempDir Path dir;
  private Path apiMount;
  private Path hookMount;
  private CoalescingDispatcher dispatcher;
  private AgentHttpServer server;

  @BeforeEach
  void start() throws Exception {
    apiMount = Files.createDirectories(dir.resolve("api"));
    hookMount = Files.createDirectories(dir.resolve("webhook"));
    Path token = mount(apiMount, "token", "v1", "old-token");
    Path secret = mount(hookMount, "secret", "v1", "old-secret");
    Map<String, String> environment = Map.of("CAPSTAN_API_TOKEN_FILE", token.toString(), "CAPSTAN_WEBHOOK_SECRET_FILE", secret.toString());
    dispatcher = new CoalescingDispatcher(push -> { }, 1, 100);
    WebhookHandler hooks = new WebhookHandler(WebhookSecrets.fromEnvironment(environment).build(), dispatcher, ReceiverOptions.defaults());
    server = AgentHttpServer.start(AgentHttpServer.Options.defaults().withHost("127.0.0.1").withPort(0).withApiTokenFrom(environment),
        new NoApplications(), hooks, new PrometheusMeterRegistry(PrometheusConfig.DEFAULT));
  }

  @AfterEach
  void stop() throws Exception {
    server.close();
    dispatcher.close();
  }

  @Test
  void aRotatedApiTokenFileRefusesTheOldTokenAndTakesTheNewOne() throws Exception {
    assertThat(api("old-token")).isEqualTo(200);
    assertThat(api("new-token")).isEqualTo(401);

    swap(apiMount, "token", "v2", "new-token");

    awaitStatus(() -> api("new-token"), 200);
    assertThat(api("old-token")).isEqualTo(401);
  }

  @Test
  void aRotatedSharedWebhookSecretFileRefusesTheOldSignatureAndTakesTheNewOne() throws Exception {
    assertThat(hook("old-secret", 1)).isEqualTo(202);
    assertThat(hook("new-secret", 2)).isEqualTo(401);

    swap(hookMount, "secret", "v2", "new-secret");

    awaitStatus(() -> hook("new-secret", 3), 202);
    assertThat(hook("old-secret", 4)).isEqualTo(401);
  }

  private static void awaitStatus(IntSupplier call, int expected) {
    long deadline = System.nanoTime() + RefreshingValue.MAX_AGE.multipliedBy(4).toNanos();
    int last;
    while ((last = call.getAsInt()) != expected) {
      assertThat(System.nanoTime()).as("status %d within 4 x MAX_AGE, last %d", expected, last).isLessThan(deadline);
      LockSupport.parkNanos(Duration.ofMillis(100).toNanos());
    }
  }

  private int api(String token) {
    return send(HttpRequest.newBuilder(server.uri().resolve("/api/v1/applications")).header("Authorization", "Bearer " + token));
  }

  private int hook(String secret, int n) {
    byte[] body = ("{\"repository\": \"https://git.example.com/org/repo.git\", \"ref\": \"refs/heads/main\", \"commit\": \""
        + String.format("%040x", n) + "\"}").getBytes(StandardCharsets.UTF_8);
    return send(HttpRequest.newBuilder(server.uri().resolve("/hooks/generic")).header("Content-Type", "application/json")
        .header("X-Capstan-Signature", "sha256=" + hmac(secret, body)).POST(HttpRequest.BodyPublishers.ofByteArray(body)));
  }

  private static int send(HttpRequest.Builder request) {
    try {
      return HTTP.send(request.timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  private static String hmac(String secret, byte[] body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return HexFormat.of().formatHex(mac.doFinal(body));
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  /** A Secret volume's key: {@code mount/key} links into {@code ..data}, which the kubelet swaps atomically. */
  private static Path mount(Path mount, String key, String version, String value) throws Exception {
    swap(mount, key, version, value);
    return Files.createSymbolicLink(mount.resolve(key), Path.of("..data", key));
  }

  private static void swap(Path mount, String key, String version, String value) throws Exception {
    Path data = Files.createDirectories(mount.resolve("..2026_12_04_" + version));
    Files.writeString(data.resolve(key), value + "\n");
    Path link = Files.createSymbolicLink(mount.resolve("..data_tmp"), data.getFileName());
    Files.move(link, mount.resolve("..data"), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
  }
}
