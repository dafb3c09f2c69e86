package dev.capstan.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.capstan.agent.http.SelfSignedCert;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The image's Java runtime: {@code tools/jlink-runtime.sh}, the script the Dockerfile runs, links
 * it from the shaded jar, and capstan then runs on it: {@code --version}, a render of a Pebble and
 * a Go-template chart, and the agent serving HTTPS with an EC key (a JCA provider jdeps cannot
 * see). A module the runtime lacks fails here rather than in a cluster.
 */
class JlinkRuntimeIT {
  private static final Path JAR = Path.of("target", "capstan.jar").toAbsolutePath();
  private static final Path RUNTIME = Path.of("target", "jlink-runtime").toAbsolutePath();
  private static final Duration RUN = Duration.ofSeconds(60);

  @BeforeAll
  static void link() throws Exception {
    Result linked = run(List.of("bash", Path.of("..", "tools", "jlink-runtime.sh").toString(), JAR.toString(), RUNTIME.toString()),
        Duration.ofMinutes(4));
    assertThat(linked.exit()).as(linked.output()).isZero();
    assertThat(linked.output()).contains("capstan runtime modules: java.base,");
    assertThat(RUNTIME.resolve("bin/java")).isExecutable();
    assertThat(RUNTIME.resolve("bin/javac")).as("a runtime, not a JDK").doesNotExist();
  }

  private static List<String> capstan(String... args) {
    List<String> command = new ArrayList<>(List.of(RUNTIME.resolve("bin/java").toString(), "-XX:TieredStopAtLevel=1",
        "-XX:+UseSerialGC", "-jar", JAR.toString()));
    command.addAll(List.of(args));
    return command;
  }

  @Test
  void versionAndRenderRunOnTheLinkedRuntime(@TempDir Path tmp) throws Exception {
    Result version = run(capstan("--version"), RUN);
    assertThat(version.exit()).as(version.output()).isZero();
    assertThat(version.output()).startsWith("capstan ");

    Result pebble = run(capstan("render", Path.of("..", "examples", "dockercoins").toString()), RUN);
    assertThat(pebble.exit()).as(pebble.output()).isZero();
    assertThat(pebble.output()).contains("kind: Deployment");

    Path go = tmp.resolve("go-chart");
    Files.createDirectories(go.resolve("templates"));
    Files.writeString(go.resolve("Chart.yaml"), "apiVersion: v2\nname: go-chart\nversion: 0.1.0\n"
        + "annotations: {capstan.dev/template-language: go}\n");
    Files.writeString(go.resolve("values.yaml"), "greeting: hello\nitems: [a, b]\n");
    Files.writeString(go.resolve("templates/cm.yaml"), "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: {{ .Release.Name }}\n"
        + "data:\n  greeting: {{ .Values.greeting | upper | quote }}\n  sum: {{ sha256sum \"x\" | trunc 8 | quote }}\n"
        + "  items: {{ regexReplaceAll \"[ab]\" (join \",\" .Values.items) \"z\" | quote }}\n");
    Result goRender = run(capstan("render", go.toString()), RUN);
    assertThat(goRender.exit()).as(goRender.output()).isZero();
    assertThat(goRender.output()).contains("greeting: \"HELLO\"").contains("items: \"z,z\"");
  }

  @Test
  void theAgentServesHttpsOnTheLinkedRuntime(@TempDir Path tmp) throws Exception {
    SelfSignedCert cert = SelfSignedCert.write(tmp, "agent");
    Path apps = Files.createDirectories(tmp.resolve("apps"));
    ProcessBuilder builder = new ProcessBuilder(capstan("agent", "--applications", apps.toString(), "--http-host", "127.0.0.1",
        "--http-port", "0", "--cache-dir", tmp.resolve("cache").toString(), "--tls-cert", cert.certFile().toString(),
        "--tls-key", cert.keyFile().toString())).redirectErrorStream(true);
    builder.environment().put("HOME", tmp.toString());
    Process agent = builder.start();
    try {
      BufferedReader out = new BufferedReader(new InputStreamReader(agent.getInputStream(), StandardCharsets.UTF_8));
      CompletableFuture<String> serving = CompletableFuture.supplyAsync(() -> firstMatch(out, Pattern.compile("serving (https://\\S+)")));
      URI base = URI.create(serving.get(RUN.toSeconds(), TimeUnit.SECONDS));
      HttpClient client = HttpClient.newBuilder().sslContext(cert.clientContext()).build();
      HttpResponse<String> health = client.send(HttpRequest.newBuilder(base.resolve("/healthz")).timeout(Duration.ofSeconds(10)).build(),
          HttpResponse.BodyHandlers.ofString());
      assertThat(health.statusCode()).isEqualTo(200);
    } finally {
      agent.destroy();
      if (!agent.waitFor(20, TimeUnit.SECONDS)) {
        agent.destroyForcibly();
      }
    }
  }

  private static String firstMatch(BufferedReader out, Pattern pattern) {
    StringBuilder seen = new StringBuilder();
    try {
      for (String line = out.readLine(); line != null; line = out.readLine()) {
        Matcher m = pattern.matcher(line);
        if (m.find()) {
          return m.group(1);
        }
        seen.append(line).append('\n');
      }
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    throw new IllegalStateException("the agent exited without serving:\n" + seen);
  }

  record Result(int exit, String output) {}

  static Result run(List<String> command, Duration limit) throws Exception {
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.environment().put("JAVA_HOME", System.getProperty("java.home")); // jdeps and jlink of the JDK running the tests
    Process process = builder.start();
    CompletableFuture<String> output = CompletableFuture.supplyAsync(() -> {
      try {
        return new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new IllegalStateException(e);
      }
    });
    if (!process.waitFor(limit.toSeconds(), TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError(String.join(" ", command) + " did not finish within " + limit);
    }
    return new Result(process.exitValue(), output.get(10, TimeUnit.SECONDS));
  }
}
