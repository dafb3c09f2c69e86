package dev.capstan.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.capstan.agent.application.AgentPolicy;
import dev.capstan.agent.application.ApplicationFiles;
import dev.capstan.agent.runtime.AgentRuntime;
import dev.capstan.git.testing.GitDaemon;
import dev.capstan.git.testing.Upstream;
import dev.capstan.testsupport.Await;
import dev.capstan.testsupport.KubeApiServerTest;
import dev.capstan.testsupport.KubeEnv;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.function.BooleanSupplier;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The agent through its front door: Application files, Git served by {@code git daemon}, a signed
 * webhook push over HTTP, and the {@code capstan app} client against the running server.
 */
@KubeApiServerTest
class AgentFrontDoorIT {
  private static final String SECRET = "webhook-secret";
  private static final String TOKEN = "api-token";
  private static final Duration WAIT = Duration.ofSeconds(60);

  KubernetesClient client;
  KubeEnv env;

  private final CliRunner cli = CliRunner.local();

  private String message() {
    ConfigMap cm = client.configMaps().inNamespace(env.namespace()).withName("web-config").get();
    return cm == null ? null : cm.getData().get("message");
  }

  private static HttpResponse<String> push(URI server, String repo, String commit, String signature) throws Exception {
    String body = """
        {"repository": "%s", "ref": "refs/heads/main", "commit": "%s", "changedPaths": ["web/values.yaml"]}
        """.formatted(repo, commit);
    var request = HttpRequest.newBuilder(server.resolve("/hooks/generic")).header("Content-Type", "application/json")
        .header("X-Capstan-Delivery", "d-" + commit).POST(HttpRequest.BodyPublishers.ofString(body));
    if (signature != null) {
      request.header("X-Capstan-Signature", "sha256=" + hmac(signature, body));
    }
    return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static String hmac(String secret, String body) throws Exception {
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    return HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
  }

  private static void await(String what, BooleanSupplier condition) throws InterruptedException {
    Await.until(what, WAIT, condition);
  }

  @Test
  void aSignedPushIsDeployedAndTheClientSeesIt(@TempDir Path tmp) throws Exception {
    Path served = Files.createDirectories(tmp.resolve("served"));
    Upstream upstream = Upstream.create(served, "apps");
    String first = upstream.push("web chart", Map.of(
        "web/Chart.yaml", "apiVersion: v2\nname: web\nversion: 1.0.0\n",
        "web/values.yaml", "message: hello\n",
        "web/templates/cm.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: web-config}\ndata: {message: {{ values.message | quote }}}\n"));
    try (GitDaemon daemon = GitDaemon.start(served)) {
      String repo = daemon.url("apps.git");
      Path apps = Files.writeString(tmp.resolve("web.yaml"), """
          apiVersion: capstan.dev/v1alpha1
          kind: Application
          metadata: {name: web}
          spec:
            source: {repoURL: "%s", ref: main, path: web}
            destination: {namespace: %s}
            syncPolicy: {automated: true, interval: 1h}
          """.formatted(repo, env.namespace()));
      var settings = new AgentRuntime.Settings(tmp.resolve("cache"), tmp.resolve("creds"), AgentPolicy.permissive(), 2, "127.0.0.1", 0, false,
          Map.of("CAPSTAN_WEBHOOK_SECRET", SECRET, "CAPSTAN_API_TOKEN", TOKEN));
      try (AgentRuntime runtime = AgentRuntime.start(client, settings)) {
        ApplicationFiles.load(apps).forEach(l -> runtime.agent().upsert(l.application()));
        runtime.agent().markReady();
        String server = runtime.server().uri().toString();
        await("first sync", () -> "hello".equals(message()));
        await("first sync reported", () -> {
          var status = runtime.agent().application("web").orElseThrow().getStatus();
          return status != null && status.sync() != null && first.equals(status.sync().revision());
        });

        assertThat(cli.run("app", "list", "--server", server)).as("reads need the token too").isNotZero();
        assertThat(cli.run("app", "list", "--server", server, "--token", TOKEN)).isZero();
        assertThat(cli.out()).contains("NAME").contains("web").contains("Synced").contains(first.substring(0, 12));

        String second = upstream.push("say world", Map.of("web/values.yaml", "message: world\n"));
        assertThat(push(runtime.server().uri(), repo, second, null).statusCode()).isEqualTo(401);
        assertThat(push(runtime.server().uri(), repo, second, "wrong-secret").statusCode()).isEqualTo(401);
        assertThat(message()).isEqualTo("hello");

        HttpResponse<String> accepted = push(runtime.server().uri(), repo, second, SECRET);
        assertThat(accepted.statusCode()).isBetween(200, 202);
        await("the pushed commit deployed", () -> "world".equals(message()));
        // Objects are applied before the revision is recorded deployed; the status comes last.
        await("the pushed commit reported", () -> {
          var status = runtime.agent().application("web").orElseThrow().getStatus();
          return status != null && status.sync() != null && second.equals(status.sync().revision());
        });

        cli.run("app", "history", "web", "--server", server, "--token", TOKEN);
        assertThat(cli.out()).contains("REVISION").contains(second.substring(0, 12)).contains("deployed").contains("superseded");

        cli.run("app", "get", "web", "--server", server, "-o", "json", "--token", TOKEN);
        assertThat(cli.out()).contains("\"revision\" : \"" + second + "\"");

        assertThat(cli.run("app", "sync", "web", "--server", server, "--token", "nope")).isEqualTo(1);
        assertThat(cli.err()).contains("401").contains("bearer token");
        cli.run("app", "sync", "web", "--server", server, "--token", TOKEN);
        assertThat(cli.out()).contains("sync of web queued");

        // An agent reading files cannot set spec.suspend: it says where to.
        assertThat(cli.run("app", "suspend", "web", "--server", server, "--token", TOKEN)).isEqualTo(1);
        assertThat(cli.err()).contains("409").contains("set spec.suspend there (in Git or on disk)");

        assertThat(cli.run("app", "get", "nope", "--server", server, "--token", TOKEN)).isEqualTo(1);
        assertThat(cli.err()).contains("404").contains("Application/nope: no such application");
      }
    }
  }
}
