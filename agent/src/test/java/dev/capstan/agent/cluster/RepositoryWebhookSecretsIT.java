package dev.capstan.agent.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.capstan.agent.AgentFixture;
import dev.capstan.agent.application.AgentPolicy;
import dev.capstan.agent.runtime.AgentRuntime;
import dev.capstan.testsupport.KubeApiServerTest;
import dev.capstan.testsupport.KubeEnv;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Per-repository webhook secrets in cluster mode come from Secrets read through the API: the agent
 * named by the chart's {@code webhook.repositorySecrets} accepts a repository's deliveries signed with
 * that repository's own secret, and no longer with the shared one.
 */
@KubeApiServerTest
class RepositoryWebhookSecretsIT {
  private static final String SHOP = "https://git.example.com/acme/shop.git";
  private static final String OTHER = "https://git.example.com/acme/other.git";

  KubernetesClient client;
  KubeEnv env;

  private static int push(URI server, String repo, String secret) throws Exception {
    return push(server, repo, secret, "0123456789abcdef0123456789abcdef01234567");
  }

  /** A delivery about {@code commit}: a new commit is a new body, not a replay of one already counted. */
  private static int push(URI server, String repo, String secret, String commit) throws Exception {
    String body = """
        {"repository": "%s", "ref": "refs/heads/main", "commit": "%s"}
        """.formatted(repo, commit);
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    HttpRequest request = HttpRequest.newBuilder(server.resolve("/hooks/generic")).header("Content-Type", "application/json")
        .header("X-Capstan-Delivery", UUID.randomUUID().toString())
        .header("X-Capstan-Signature", "sha256=" + HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8))))
        .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
  }

  private AgentRuntime.Settings settings(Path tmp, String ns, String names) {
    return new AgentRuntime.Settings(tmp.resolve("cache"), tmp.resolve("creds"), AgentPolicy.permissive(), 1, "127.0.0.1", 0, true,
        Map.of("CAPSTAN_WEBHOOK_SECRET", "shared-secret", ClusterWebhookSecrets.VARIABLE, names, "POD_NAMESPACE", ns));
  }

  @Test
  void aRepositorysOwnSecretIsReadThroughTheApiAndIsTheOnlyOneItsDeliveriesAreAcceptedWith(@TempDir Path tmp) throws Exception {
    String ns = env.newNamespace("hooks");
    client.secrets().inNamespace(ns).resource(new SecretBuilder().withNewMetadata().withName("shop-hook").endMetadata()
        .withStringData(Map.of("repository", SHOP, "secret", "team-secret\n")).build()).create();

    try (AgentRuntime runtime = AgentRuntime.start(env.server().newClient(ns), settings(tmp, ns, "shop-hook"))) {
      URI server = runtime.server().uri();

      assertThat(push(server, SHOP, "team-secret")).isBetween(200, 202);
      assertThat(push(server, SHOP, "shared-secret")).isEqualTo(401);
      assertThat(push(server, OTHER, "shared-secret")).isBetween(200, 202);
    }
  }

  @Test
  void aRotatedSecretAppliesWithoutARestartAndTheOldOneIsThenRefused(@TempDir Path tmp) throws Exception {
    String ns = env.newNamespace("hooks");
    client.secrets().inNamespace(ns).resource(new SecretBuilder().withNewMetadata().withName("shop-hook").endMetadata()
        .withStringData(Map.of("repository", SHOP, "secret", "team-secret")).build()).create();

    try (AgentRuntime runtime = AgentRuntime.start(env.server().newClient(ns), settings(tmp, ns, "shop-hook"))) {
      URI server = runtime.server().uri();
      assertThat(push(server, SHOP, "team-secret", commit())).isEqualTo(202);

      client.secrets().inNamespace(ns).withName("shop-hook").edit(s -> new SecretBuilder(s).withData(null)
          .withStringData(Map.of("repository", SHOP, "secret", "rotated-secret\n")).build());

      AgentFixture.await("a delivery signed with the rotated secret accepted", Duration.ofSeconds(30),
          () -> status(server, "rotated-secret") == 202);
      assertThat(push(server, SHOP, "team-secret", commit())).isEqualTo(401);
      assertThat(push(server, SHOP, "shared-secret", commit())).isEqualTo(401);
      assertThat(push(server, SHOP, "rotated-secret", commit())).isEqualTo(202);
    }
  }

  private static String commit() {
    return HexFormat.of().formatHex(UUID.randomUUID().toString().getBytes(StandardCharsets.UTF_8), 0, 20);
  }

  private static int status(URI server, String secret) {
    try {
      return push(server, SHOP, secret, commit());
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void aNamedSecretThatIsMissingOrIncompleteStopsTheAgentNamingIt(@TempDir Path tmp) {
    String ns = env.newNamespace("hooks");
    client.secrets().inNamespace(ns).resource(new SecretBuilder().withNewMetadata().withName("no-url").endMetadata()
        .withStringData(Map.of("secret", "team-secret")).build()).create();

    assertThatThrownBy(() -> AgentRuntime.start(env.server().newClient(ns), settings(tmp.resolve("a"), ns, "gone")).close())
        .hasMessage("$CAPSTAN_WEBHOOK_REPOSITORY_SECRETS: Secret " + ns + "/gone: not found");
    assertThatThrownBy(() -> AgentRuntime.start(env.server().newClient(ns), settings(tmp.resolve("b"), ns, "no-url")).close())
        .hasMessage("$CAPSTAN_WEBHOOK_REPOSITORY_SECRETS: Secret " + ns + "/no-url: key \"repository\" is missing or empty");
  }
}
