package dev.capstan.agent.cluster;

import static dev.capstan.agent.AgentFixture.await;
import static dev.capstan.agent.AgentFixture.configMapChart;
import static dev.capstan.agent.cluster.ClusterAgent.message;
import static dev.capstan.agent.cluster.ClusterAgent.secret;
import static dev.capstan.agent.cluster.ClusterAgent.stalled;
import static dev.capstan.agent.cluster.ClusterAgent.synced;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.capstan.git.testing.HttpGitServer;
import dev.capstan.git.testing.Upstream;
import dev.capstan.testsupport.KubeApiServerTest;
import dev.capstan.testsupport.KubeEnv;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.transport.UsernamePasswordCredentialsProvider;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue #14, hole 1, in cluster mode: {@code spec.source.secretRef} names a Secret read through the API,
 * and a smart-HTTP Git server records every Authorization header it is sent. Credentials reach only
 * the host their Secret's {@code url} binds them to, only after the server asked for them; a Secret
 * without a {@code url} (the shape of a ServiceAccount token) is never sent anywhere.
 */
@KubeApiServerTest
class RepositoryCredentialsIT {
  private static final Duration WAIT = Duration.ofSeconds(60);
  private static final String AGENT_TOKEN = "eyJhbGciOiJSUzI1NiJ9.agent-service-account-token";

  KubernetesClient client;
  KubeEnv env;

  @BeforeEach
  void crd() throws Exception {
    ClusterAgent.installCrd(client);
  }

  private static String app(String name, String repoURL, String secretRef, String ns) {
    return """
        apiVersion: capstan.dev/v1alpha1
        kind: Application
        metadata: {name: %s}
        spec:
          source: {repoURL: "%s", ref: main, path: apps/web, secretRef: %s}
          destination: {namespace: %s, releaseName: %s}
          syncPolicy: {automated: true, interval: 1s}
        """.formatted(name, repoURL, secretRef, ns, name);
  }

  @Test
  void credentialsFromASecretReachOnlyTheHostItsUrlBindsThemTo(@TempDir Path tmp) throws Exception {
    String ns = env.newNamespace("creds");
    Path srv = Files.createDirectories(tmp.resolve("srv"));
    Upstream upstream = Upstream.create(srv, "shop");
    String commit = upstream.push("web", configMapChart("apps/web", "web", "hello"));
    try (HttpGitServer hostA = HttpGitServer.start(srv); HttpGitServer hostB = HttpGitServer.start(srv);
        ClusterAgent agent = new ClusterAgent(tmp.resolve("cache"), env.server().newClient(ns), ns)) {
      secret(client, ns, "team-a-git", Map.of("url", hostA.url(""), "username", HttpGitServer.USER, "password", HttpGitServer.PASSWORD));
      secret(client, ns, "agent-token", Map.of("token", AGENT_TOKEN, "namespace", ns, "ca.crt", "-----BEGIN CERTIFICATE-----"));
      String onHostB = hostB.url("shop.git").replace("127.0.0.1", "localhost");

      ClusterAgent.create(client, ns, app("web", hostA.url("shop.git"), "team-a-git", ns));
      ClusterAgent.create(client, ns, app("borrowed", onHostB, "team-a-git", ns));
      ClusterAgent.create(client, ns, app("token", hostA.url("shop.git"), "agent-token", ns));

      await("web Synced with team A's credentials", WAIT, () -> synced(client, ns, "web", commit));
      assertThat(message(client, ns, "web-config")).isEqualTo("hello");
      await("borrowed stalled", WAIT, () -> stalled(client, ns, "borrowed") != null);
      await("token stalled", WAIT, () -> stalled(client, ns, "token") != null);

      assertThat(stalled(client, ns, "borrowed").getReason()).isEqualTo("CredentialsRefused");
      assertThat(stalled(client, ns, "borrowed").getMessage()).startsWith("spec.source.secretRef: ")
          .contains("credentials(Secret " + ns + "/team-a-git): key \"url\" binds these credentials to http://127.0.0.1:")
          .doesNotContain(HttpGitServer.PASSWORD);
      assertThat(stalled(client, ns, "token").getMessage()).startsWith("spec.source.secretRef: ")
          .contains("credentials(Secret " + ns + "/agent-token): key \"url\" is missing").doesNotContain(AGENT_TOKEN);
      assertThat(hostB.requests()).isZero();
      String tokenHeader = Base64.getEncoder().encodeToString(("git:" + AGENT_TOKEN).getBytes(StandardCharsets.UTF_8));
      assertThat(hostA.authorizations()).first().isEqualTo("");
      assertThat(hostA.authorizations()).allMatch(h -> h.isEmpty() || h.equals(HttpGitServer.basicHeader()))
          .noneMatch(h -> h.contains(tokenHeader));
    }
  }

  /**
   * A rotation as it happens: the Git host changes the password first, then the Secret is edited.
   * The agent keeps running; the fetch after the edit uses the new password, read through the API.
   */
  @Test
  void aRotatedSecretIsUsedAtTheNextFetchWithoutARestart(@TempDir Path tmp) throws Exception {
    String ns = env.newNamespace("rotate");
    Path srv = Files.createDirectories(tmp.resolve("srv"));
    Upstream upstream = Upstream.create(srv, "shop");
    String first = upstream.push("first", configMapChart("apps/web", "web", "first"));
    try (HttpGitServer host = HttpGitServer.start(srv);
        ClusterAgent agent = new ClusterAgent(tmp.resolve("cache"), env.server().newClient(ns), ns)) {
      secret(client, ns, "git", Map.of("url", host.url(""), "username", HttpGitServer.USER, "password", HttpGitServer.PASSWORD));
      ClusterAgent.create(client, ns, app("web", host.url("shop.git"), "git", ns));
      await("Synced with the first password", WAIT, () -> synced(client, ns, "web", first));

      String rotated = "r0tated-Pa55word";
      host.password(rotated);
      String second = upstream.push("second", configMapChart("apps/web", "web", "second"));
      host.resetCounts();
      await("the old password sent and refused", WAIT, () -> host.authorizations().contains(HttpGitServer.basicHeader()));
      assertThat(synced(client, ns, "web", second)).as("not with the old password").isFalse();
      assertThatThrownBy(() -> Git.lsRemoteRepository().setRemote(host.url("shop.git"))
          .setCredentialsProvider(new UsernamePasswordCredentialsProvider(HttpGitServer.USER, HttpGitServer.PASSWORD)).call())
          .as("the server refuses the old password").hasMessageContaining("not authorized");

      client.secrets().inNamespace(ns).withName("git").edit(s -> new SecretBuilder(s).withData(null)
          .withStringData(Map.of("url", host.url(""), "username", HttpGitServer.USER, "password", rotated)).build());

      await("Synced with the rotated password", WAIT, () -> synced(client, ns, "web", second));
      assertThat(message(client, ns, "web-config")).isEqualTo("second");
      assertThat(host.authorizations()).contains(HttpGitServer.basicHeader(rotated));
    }
  }
}
