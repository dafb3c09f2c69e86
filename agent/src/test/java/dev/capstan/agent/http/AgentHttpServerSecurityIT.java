package dev.capstan.agent.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.capstan.core.CapstanException;
import dev.capstan.core.Secret;
import dev.capstan.webhook.dispatch.CoalescingDispatcher;
import dev.capstan.webhook.event.Provider;
import dev.capstan.webhook.event.PushEvent;
import dev.capstan.webhook.receive.ReceiverOptions;
import dev.capstan.webhook.receive.WebhookHandler;
import dev.capstan.webhook.verify.WebhookSecrets;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue #14: the agent's server over real TLS (a certificate made for the test), bound to the
 * address it is told, with the same connection and body bounds on every route, and forwarded client
 * addresses believed only from listed proxies.
 */
class AgentHttpServerSecurityIT {
  private static final String TOKEN = "api-token";
  private static final String HOOK_SECRET = "hook-secret";
  @TempDir static Path dir;
  private static SelfSignedCert cert;
  private static HttpClient https;
  private static final HttpClient PLAIN = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  private final List<AutoCloseable> running = new ArrayList<>();
  private final LinkedBlockingQueue<PushEvent> pushes = new LinkedBlockingQueue<>();

  @BeforeAll
  static void certificate() {
    cert = SelfSignedCert.write(dir, "agent");
    https = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).sslContext(cert.clientContext())
        .connectTimeout(Duration.ofSeconds(5)).build();
  }

  @AfterEach
  void stop() throws Exception {
    for (AutoCloseable closeable : running) {
      closeable.close();
    }
  }

  private AgentHttpServer start(AgentHttpServer.Options options) {
    return start(options, ReceiverOptions.defaults());
  }

  private AgentHttpServer start(AgentHttpServer.Options options, ReceiverOptions receiver) {
    CoalescingDispatcher dispatcher = new CoalescingDispatcher(pushes::add, 1, 1000);
    running.add(dispatcher);
    WebhookHandler hooks = new WebhookHandler(WebhookSecrets.builder().provider(Provider.GENERIC, Secret.of(HOOK_SECRET)).build(),
        dispatcher, receiver);
    AgentHttpServer server = AgentHttpServer.start(options.withApiToken(TOKEN), new NoApplications(), hooks,
        new PrometheusMeterRegistry(PrometheusConfig.DEFAULT));
    running.add(0, server);
    return server;
  }

  private static AgentHttpServer.Options tls() {
    return AgentHttpServer.Options.defaults().withHost("127.0.0.1").withPort(0)
        .withTls(new AgentHttpServer.TlsFiles(cert.certFile(), cert.keyFile()));
  }

  private static HttpResponse<String> get(HttpClient client, AgentHttpServer server, String path) throws Exception {
    return client.send(HttpRequest.newBuilder(server.uri().resolve(path)).timeout(Duration.ofSeconds(10))
        .header("Authorization", "Bearer " + TOKEN).build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void servesEveryRouteOverHttpsAndNothingInPlainText() throws Exception {
    AgentHttpServer server = start(tls());

    assertThat(server.uri().getScheme()).isEqualTo("https");
    assertThat(get(https, server, "/healthz").statusCode()).isEqualTo(200);
    assertThat(get(https, server, "/readyz").statusCode()).isEqualTo(200);
    assertThat(get(https, server, "/metrics").statusCode()).isEqualTo(200);
    assertThat(get(https, server, "/api/v1/applications").body()).contains("[");
    assertThat(https.send(HttpRequest.newBuilder(server.uri().resolve("/api/v1/applications")).build(),
        HttpResponse.BodyHandlers.ofString()).statusCode()).as("the token is still required").isEqualTo(401);

    String plainUri = server.uri().toString().replace("https://", "http://");
    assertThatThrownBy(() -> PLAIN.send(HttpRequest.newBuilder(java.net.URI.create(plainUri + "/healthz"))
        .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString())).isInstanceOf(IOException.class);
    HttpClient trustsNothingOfOurs = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    assertThatThrownBy(() -> get(trustsNothingOfOurs, server, "/healthz")).isInstanceOf(SSLException.class);
  }

  /**
   * A chunked body declares no length. Over TLS the server answers (400 / 413, or 405 from a probe,
   * which takes no body) and closes once the
   * limit is passed; the close may reach the client before the answer does, so either is accepted,
   * but the client must not have been able to push the whole body through.
   */
  @Test
  void chunkedBodiesAreCutOffAtTheLimitOnEveryRouteOverTls() throws Exception {
    AgentHttpServer server = start(tls());
    long total = 64L << 20;

    for (String route : List.of("/api/v1/applications/web/sync", "/hooks/generic", "/healthz")) {
      Zeros body = new Zeros(total);
      HttpRequest request = HttpRequest.newBuilder(server.uri().resolve(route)).timeout(Duration.ofSeconds(20))
          .header("Authorization", "Bearer " + TOKEN).header("Content-Type", "application/json")
          .POST(HttpRequest.BodyPublishers.ofInputStream(() -> body)).build();
      try {
        HttpResponse<String> r = https.send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(route).isIn(400, 404, 405, 413);
      } catch (IOException cut) {
        // The connection was closed under the upload: the limit held.
      }
      assertThat(body.served).as(route + ": bytes the server let through").isLessThan(total / 2);
    }
    assertThat(get(https, server, "/healthz").statusCode()).isEqualTo(200);
  }

  /** An endless-looking body of zeros that counts what the client managed to send. */
  private static final class Zeros extends InputStream {
    private final long size;
    private volatile long served;

    Zeros(long size) {
      this.size = size;
    }

    @Override
    public int read() {
      return served < size ? (int) (0 * served++) : -1;
    }

    @Override
    public int read(byte[] b, int off, int len) {
      if (served >= size) {
        return -1;
      }
      int n = (int) Math.min(len, size - served);
      java.util.Arrays.fill(b, off, off + n, (byte) '0');
      served += n;
      return n;
    }
  }

  @Test
  void silentConnectionsAreClosedAtTheIdleTimeoutBeforeAndAfterTheHandshake() throws Exception {
    AgentHttpServer server = start(tls().withConnectionLimits(16, Duration.ofMillis(300)));

    try (Socket raw = new Socket("127.0.0.1", server.port())) {
      raw.setSoTimeout(10_000);
      assertThat(raw.getInputStream().read()).as("no handshake: closed").isEqualTo(-1);
    }
    try (SSLSocket tls = handshaken(server)) {
      tls.setSoTimeout(10_000);
      assertThat(readOrClosed(tls.getInputStream())).as("handshake, then silence: closed").isEqualTo(-1);
    }
  }

  @Test
  void connectionsBeyondTheLimitWaitUntilOneCloses() throws Exception {
    AgentHttpServer server = start(tls().withConnectionLimits(2, Duration.ofSeconds(20)));
    SSLSocket first = handshaken(server);
    try (SSLSocket second = handshaken(server)) {
      CompletableFuture<HttpResponse<String>> third = https.sendAsync(HttpRequest.newBuilder(server.uri().resolve("/healthz"))
          .timeout(Duration.ofSeconds(15)).build(), HttpResponse.BodyHandlers.ofString());
      assertThatThrownBy(() -> third.get(700, TimeUnit.MILLISECONDS)).as("held at the limit").isInstanceOf(TimeoutException.class);

      first.close();
      assertThat(third.get(10, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
    }
  }

  @Test
  void listensOnTheGivenAddressOnly() throws Exception {
    AgentHttpServer server = start(AgentHttpServer.Options.defaults().withHost("127.0.0.2").withPort(0));

    assertThat(server.uri().getHost()).isEqualTo("127.0.0.2");
    assertThat(get(PLAIN, server, "/healthz").statusCode()).isEqualTo(200);
    assertThatThrownBy(() -> new Socket().connect(new InetSocketAddress("127.0.0.1", server.port()), 5000))
        .isInstanceOf(ConnectException.class);
  }

  @Test
  void unusablePemFilesAreRefusedNamingTheFlagAndFile() throws Exception {
    Path garbage = Files.writeString(dir.resolve("garbage.crt"), "not a certificate\n");
    SelfSignedCert other = SelfSignedCert.write(dir, "other");

    assertThatThrownBy(() -> AgentHttpServer.start(tls().withTls(new AgentHttpServer.TlsFiles(garbage, cert.keyFile())),
        new NoApplications(), null, new PrometheusMeterRegistry(PrometheusConfig.DEFAULT)))
        .isInstanceOf(CapstanException.class).hasMessage("--tls-cert " + garbage + ": no PEM CERTIFICATE block");
    assertThatThrownBy(() -> AgentHttpServer.start(tls().withTls(new AgentHttpServer.TlsFiles(cert.certFile(), other.keyFile())),
        new NoApplications(), null, new PrometheusMeterRegistry(PrometheusConfig.DEFAULT)))
        .isInstanceOf(CapstanException.class)
        .hasMessage("--tls-key " + other.keyFile() + ": the private key does not belong to the certificate in " + cert.certFile());
    assertThatThrownBy(() -> AgentHttpServer.start(tls().withTrustedProxies(List.of("proxy.example.com")),
        new NoApplications(), null, new PrometheusMeterRegistry(PrometheusConfig.DEFAULT)))
        .isInstanceOf(CapstanException.class).hasMessageStartingWith("--trusted-proxy proxy.example.com: not an IP address");
  }

  /**
   * Behind a listed proxy, the client the proxy saw (the right-most address it appended) is who the
   * webhook rate limit counts: a flood of unsigned deliveries from one client is cut off with 429
   * whatever it writes to the left of the header, another client behind the same proxy is not, and
   * signed deliveries keep being accepted throughout.
   */
  @Test
  void behindATrustedProxyTheForwardedClientIsRateLimitedAndSignedDeliveriesGoThrough() throws Exception {
    AgentHttpServer server = start(tls().withTrustedProxies(List.of("127.0.0.1/32", "10.0.0.0/8")),
        ReceiverOptions.defaults().withRateLimit(3, 0.01));
    List<Integer> junk = new ArrayList<>();
    List<Integer> signed = new ArrayList<>();
    HttpResponse<String> limited = null;
    for (int i = 0; i < 8; i++) {
      // The flooder forges a different left-most address each time; the proxies append what they saw.
      HttpResponse<String> r = hook(server, push(i), "0".repeat(64), "198.51.100." + i + ", 203.0.113.7, 10.1.2.3");
      junk.add(r.statusCode());
      limited = r.statusCode() == 429 ? r : limited;
      byte[] body = push(100 + i);
      signed.add(hook(server, body, hmac(body), "203.0.113.7, 10.1.2.3").statusCode());
    }

    assertThat(junk.subList(0, 3)).containsOnly(401);
    assertThat(junk.subList(3, 8)).containsOnly(429);
    assertThat(limited.body()).contains("too many refused deliveries from 203.0.113.7");
    assertThat(signed).containsOnly(202);
    assertThat(hook(server, push(50), "0".repeat(64), "203.0.113.8").statusCode()).as("another client's budget").isEqualTo(401);
  }

  /** Without a trusted list the header is anyone's to write, so it is ignored: the flood is counted by its real address. */
  @Test
  void withoutTrustedProxiesForwardedForIsIgnored() throws Exception {
    AgentHttpServer server = start(tls(), ReceiverOptions.defaults().withRateLimit(3, 0.01));
    List<Integer> junk = new ArrayList<>();
    HttpResponse<String> last = null;
    for (int i = 0; i < 5; i++) {
      last = hook(server, push(i), "0".repeat(64), "198.51.100." + i);
      junk.add(last.statusCode());
    }

    assertThat(junk).containsExactly(401, 401, 401, 429, 429);
    assertThat(last.body()).contains("too many refused deliveries from 127.0.0.1");
  }

  private static HttpResponse<String> hook(AgentHttpServer server, byte[] body, String signatureHex, String forwardedFor)
      throws Exception {
    return https.send(HttpRequest.newBuilder(server.uri().resolve("/hooks/generic")).timeout(Duration.ofSeconds(10))
        .header("Content-Type", "application/json").header("X-Capstan-Signature", "sha256=" + signatureHex)
        .header("X-Forwarded-For", forwardedFor).POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static byte[] push(int n) {
    String sha = String.format("%040x", n);
    return ("{\"repository\": \"https://git.example.com/org/repo.git\", \"ref\": \"refs/heads/main\", \"commit\": \"" + sha + "\"}")
        .getBytes(StandardCharsets.UTF_8);
  }

  private static String hmac(byte[] body) throws GeneralSecurityException {
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(HOOK_SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    return HexFormat.of().formatHex(mac.doFinal(body));
  }

  private static SSLSocket handshaken(AgentHttpServer server) throws IOException {
    SSLSocket socket = (SSLSocket) cert.clientContext().getSocketFactory().createSocket("127.0.0.1", server.port());
    socket.startHandshake();
    return socket;
  }

  /** -1 once the server has closed the connection (TLS may say so with an alert the JDK reports as an exception). */
  private static int readOrClosed(InputStream in) throws IOException {
    try {
      return in.read();
    } catch (SSLException | java.net.SocketException closed) {
      return -1;
    }
  }
}
