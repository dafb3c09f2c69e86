package dev.capstan.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.bouncycastle.crypto.generators.OpenBSDBCrypt;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A real OCI registry for a test class: the CNCF distribution registry that
 * {@code tools/oci-registry.sh} builds, on 127.0.0.1 at a free port, plain HTTP, with its storage in a
 * temporary folder. {@link #anonymous()} lets anyone push and pull; {@link #withBasicAuth} requires the
 * user and password (an htpasswd file with a bcrypt hash, as the registry wants).
 *
 * <pre>{@code
 * @RegisterExtension static final OciRegistryExtension REGISTRY = OciRegistryExtension.withBasicAuth("ci", "s3cret");
 * ... REGISTRY.url("charts")  // oci://127.0.0.1:PORT/charts
 * }</pre>
 */
public final class OciRegistryExtension implements BeforeAllCallback, AfterAllCallback {
  private final String username;
  private final String password;
  private Process process;
  private Path dir;
  private int port;

  private OciRegistryExtension(String username, String password) {
    this.username = username;
    this.password = password;
  }

  public static OciRegistryExtension anonymous() {
    return new OciRegistryExtension(null, null);
  }

  public static OciRegistryExtension withBasicAuth(String username, String password) {
    return new OciRegistryExtension(username, password);
  }

  /** {@code 127.0.0.1:PORT}. */
  public String host() {
    return "127.0.0.1:" + port;
  }

  /** {@code oci://127.0.0.1:PORT/<path>}. */
  public String url(String path) {
    return "oci://" + host() + "/" + path;
  }

  public String username() {
    return username;
  }

  public String password() {
    return password;
  }

  @Override
  public void beforeAll(ExtensionContext context) throws Exception {
    Path binary = binary();
    dir = Files.createTempDirectory("capstan-oci-registry-");
    port = freePort();
    StringBuilder config = new StringBuilder("""
        version: 0.1
        log:
          level: warn
          accesslog:
            disabled: true
        storage:
          filesystem:
            rootdirectory: %s
          delete:
            enabled: true
        http:
          addr: 127.0.0.1:%d
          secret: %s
        """.formatted(dir.resolve("data"), port, Long.toHexString(new SecureRandom().nextLong())));
    if (username != null) {
      byte[] salt = new byte[16];
      new SecureRandom().nextBytes(salt);
      // The registry's htpasswd reader accepts bcrypt hashes only ($2y$).
      String hash = OpenBSDBCrypt.generate("2y", password.toCharArray(), salt, 6);
      Files.writeString(dir.resolve("htpasswd"), username + ":" + hash + "\n");
      config.append("""
          auth:
            htpasswd:
              realm: capstan-test
              path: %s
          """.formatted(dir.resolve("htpasswd")));
    }
    Path configFile = dir.resolve("config.yml");
    Files.writeString(configFile, config.toString());
    ProcessBuilder pb = new ProcessBuilder(binary.toString(), "serve", configFile.toString())
        .redirectErrorStream(true).redirectOutput(dir.resolve("registry.log").toFile());
    pb.environment().put("OTEL_TRACES_EXPORTER", "none");
    pb.environment().put("OTEL_SDK_DISABLED", "true");
    process = pb.start();
    awaitReady();
  }

  private void awaitReady() throws IOException, InterruptedException {
    HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
    Instant deadline = Instant.now().plusSeconds(30);
    URI probe = URI.create("http://" + host() + "/v2/");
    while (Instant.now().isBefore(deadline)) {
      if (!process.isAlive()) {
        throw new IllegalStateException("the registry exited: " + Files.readString(dir.resolve("registry.log")));
      }
      try {
        int status = client.send(HttpRequest.newBuilder(probe).timeout(Duration.ofSeconds(1)).build(),
            HttpResponse.BodyHandlers.discarding()).statusCode();
        if (status == 200 || status == 401) {
          return;
        }
      } catch (IOException notYet) {
        // not listening yet
      }
      process.waitFor(50, TimeUnit.MILLISECONDS);
    }
    throw new IllegalStateException("the registry did not answer on " + probe + " within 30 s: "
        + Files.readString(dir.resolve("registry.log"), StandardCharsets.UTF_8));
  }

  @Override
  public void afterAll(ExtensionContext context) throws Exception {
    if (process != null) {
      process.destroy();
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    }
    if (dir != null) {
      try (Stream<Path> walk = Files.walk(dir)) {
        walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }

  /** The registry binary: {@code $CAPSTAN_OCI_REGISTRY}, else what {@code tools/oci-registry.sh --print-path} builds. */
  static Path binary() {
    String env = System.getenv("CAPSTAN_OCI_REGISTRY");
    if (env != null && !env.isBlank()) {
      return Path.of(env);
    }
    Path script = RepoTools.find("tools/oci-registry.sh");
    try {
      Process p = new ProcessBuilder("bash", script.toString(), "--print-path")
          .redirectError(ProcessBuilder.Redirect.INHERIT).start();
      String path = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
      if (!p.waitFor(15, TimeUnit.MINUTES) || p.exitValue() != 0 || path.isEmpty()) {
        throw new IllegalStateException(script + " could not build the registry (it needs Go)");
      }
      return Path.of(path);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
