package dev.capstan.testsupport;

import java.io.IOException;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.ssl.SslContextFactory;

/**
 * A Helm HTTP repository for tests: Jetty on 127.0.0.1 serving a folder (an {@code index.yaml} made by
 * real {@code helm repo index}, and the chart archives), with strong ETags and
 * {@code If-None-Match} → 304 as static hosts (GitHub Pages, S3, ChartMuseum) answer, optionally
 * behind HTTP basic auth. Counts the requests per path and status so tests can assert what a client
 * cost the server.
 */
public final class HelmRepositoryServer implements AutoCloseable {
  private final Server server;
  private final Path dir;
  private final String authorization;
  private final Map<String, AtomicInteger> counts = new ConcurrentHashMap<>();
  private final AtomicInteger withAuthorization = new AtomicInteger();

  private final boolean tls;

  private HelmRepositoryServer(Path dir, String username, String password, SelfSignedCertificate certificate) {
    this.dir = dir.toAbsolutePath().normalize();
    this.authorization = username == null ? null
        : "Basic " + Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
    this.server = new Server();
    this.tls = certificate != null;
    ServerConnector connector;
    if (certificate == null) {
      connector = new ServerConnector(server);
    } else {
      SslContextFactory.Server ssl = new SslContextFactory.Server();
      ssl.setKeyStorePath(certificate.keyStore().toString());
      ssl.setKeyStorePassword(certificate.password());
      ssl.setKeyStoreType("PKCS12");
      connector = new ServerConnector(server, ssl);
    }
    connector.setHost("127.0.0.1");
    connector.setPort(0);
    server.addConnector(connector);
    server.setHandler(new Files0());
  }

  /** Serves {@code dir} to anyone. */
  public static HelmRepositoryServer serve(Path dir) throws Exception {
    return start(new HelmRepositoryServer(dir, null, null, null));
  }

  /** Serves {@code dir} to anyone over HTTPS with {@code certificate}. */
  public static HelmRepositoryServer serveTls(Path dir, SelfSignedCertificate certificate) throws Exception {
    return start(new HelmRepositoryServer(dir, null, null, certificate));
  }

  /** Serves {@code dir} to requests that carry this user and password. */
  public static HelmRepositoryServer serve(Path dir, String username, String password) throws Exception {
    return start(new HelmRepositoryServer(dir, username, password, null));
  }

  private static HelmRepositoryServer start(HelmRepositoryServer s) throws Exception {
    s.server.start();
    return s;
  }

  /** {@code http://127.0.0.1:PORT/} (https for {@link #serveTls}). */
  public URI url() {
    return URI.create((tls ? "https" : "http") + "://127.0.0.1:" + ((ServerConnector) server.getConnectors()[0]).getLocalPort() + "/");
  }

  /** How many requests for {@code path} ({@code /index.yaml}) were answered with {@code status}. */
  public int requests(String path, int status) {
    AtomicInteger n = counts.get(path + " " + status);
    return n == null ? 0 : n.get();
  }

  /** How many requests for {@code path} there were, whatever the answer. */
  public int requests(String path) {
    return counts.entrySet().stream().filter(e -> e.getKey().startsWith(path + " ")).mapToInt(e -> e.getValue().get()).sum();
  }

  /** How many requests there were, for any path and whatever the answer (0: nothing reached this host). */
  public int requests() {
    return counts.values().stream().mapToInt(AtomicInteger::get).sum();
  }

  /** How many requests carried an {@code Authorization} header (credentials leaking to this host show here). */
  public int requestsWithAuthorization() {
    return withAuthorization.get();
  }

  @Override
  public void close() throws Exception {
    server.stop();
  }

  private final class Files0 extends Handler.Abstract {
    @Override
    public boolean handle(Request request, Response response, Callback callback) throws IOException {
      String path = Request.getPathInContext(request);
      if (request.getHeaders().get(HttpHeader.AUTHORIZATION) != null) {
        withAuthorization.incrementAndGet();
      }
      answer(request, response, callback, path);
      return true;
    }

    private int answer(Request request, Response response, Callback callback, String path) throws IOException {
      if (authorization != null && !authorization.equals(request.getHeaders().get(HttpHeader.AUTHORIZATION))) {
        response.getHeaders().put(HttpHeader.WWW_AUTHENTICATE, "Basic realm=\"charts\"");
        return send(response, callback, 401, new byte[0]);
      }
      Path file = dir.resolve(path.substring(1)).normalize();
      if (!file.startsWith(dir) || !Files.isRegularFile(file)) {
        return send(response, callback, 404, new byte[0]);
      }
      byte[] bytes = Files.readAllBytes(file);
      String etag = "\"" + sha256(bytes) + "\"";
      response.getHeaders().put(HttpHeader.ETAG, etag);
      if (etag.equals(request.getHeaders().get(HttpHeader.IF_NONE_MATCH))) {
        return send(response, callback, 304, new byte[0]);
      }
      response.getHeaders().put(HttpHeader.CONTENT_TYPE, path.endsWith(".yaml") ? "application/x-yaml" : "application/gzip");
      return send(response, callback, 200, bytes);
    }

    private int send(Response response, Callback callback, int status, byte[] body) {
      // Counted before the answer leaves, so a client that has its answer sees the count.
      counts.computeIfAbsent(Request.getPathInContext(response.getRequest()) + " " + status, k -> new AtomicInteger())
          .incrementAndGet();
      response.setStatus(status);
      response.write(true, ByteBuffer.wrap(body), callback);
      return status;
    }
  }

  private static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
