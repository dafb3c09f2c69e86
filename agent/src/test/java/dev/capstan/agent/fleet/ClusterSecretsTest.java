package dev.capstan.agent.fleet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Cluster Secrets as users write them, good and bad: every problem is one line naming the Secret and the field. */
class ClusterSecretsTest {
  private static final String CA = base64(read("/fleet/ca.pem"));

  private static String read(String resource) {
    try (var in = ClusterSecretsTest.class.getResourceAsStream(resource)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static String base64(String s) {
    return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
  }

  private static Secret secret(String name, Map<String, String> data, Map<String, String> annotations) {
    return new SecretBuilder().withNewMetadata().withNamespace("capstan").withName(name).addToLabels(ClusterSecrets.TYPE_LABEL, "cluster")
        .withAnnotations(annotations).endMetadata().withStringData(data).build();
  }

  private static String kubeconfig(String context) {
    return """
        apiVersion: v1
        kind: Config
        clusters:
        - name: prod
          cluster: {server: "https://prod.example:6443", certificate-authority-data: "%s"}
        users:
        - name: admin
          user: {token: "s3cr3t-token"}
        contexts:
        - name: %s
          context: {cluster: prod, user: admin}
        current-context: %s
        """.formatted(CA, context, context);
  }

  @Test
  void argoShapedSecretGivesServerTokenCaPolicyAndLimits() {
    RegisteredCluster c = ClusterSecrets.parse(secret("cluster-prod", Map.of("name", "prod", "server", "https://prod.example:6443",
        "config", "{\"bearerToken\": \"s3cr3t-token\", \"tlsClientConfig\": {\"caData\": \"" + CA + "\"}}"),
        Map.of(ClusterSecrets.NAMESPACES_ANNOTATION, "team-a, team-b", ClusterSecrets.CONCURRENCY_ANNOTATION, "3",
            ClusterSecrets.QPS_ANNOTATION, "5")), ClusterLimits.defaults());
    assertThat(c.name()).isEqualTo("prod");
    assertThat(c.server()).isEqualTo("https://prod.example:6443");
    assertThat(c.config().getOauthToken()).isEqualTo("s3cr3t-token");
    assertThat(c.config().getCaCertData()).isEqualTo(CA);
    assertThat(c.config().getRequestTimeout()).isEqualTo(ClusterConfigs.REQUEST_TIMEOUT_MS);
    assertThat(c.limits()).isEqualTo(new ClusterLimits(5, ClusterLimits.defaults().burst(), 3));
    assertThat(c.source()).isEqualTo("Secret capstan/cluster-prod");
    assertThat(c.admits("team-a")).isTrue();
    assertThat(c.admits("team-c")).isFalse();
    assertThat(c.admits(null)).isFalse();
  }

  @Test
  void kubeconfigSecretUsesItsContextAndTheSecretNameByDefault() {
    RegisteredCluster c = ClusterSecrets.parse(secret("staging", Map.of("kubeconfig", kubeconfig("ctx"), "context", "ctx"), Map.of()),
        ClusterLimits.defaults());
    assertThat(c.name()).isEqualTo("staging");
    assertThat(c.server()).isEqualTo("https://prod.example:6443");
    assertThat(c.config().getAutoOAuthToken()).isEqualTo("s3cr3t-token");
    assertThat(c.admits("anything")).isTrue();
  }

  @Test
  void badSecretsAreOneLineNamingTheSecretAndTheField() {
    assertThatThrownBy(() -> ClusterSecrets.parse(secret("a", Map.of("config", "{}"), Map.of()), ClusterLimits.defaults()))
        .hasMessage("Secret capstan/a: data.server: is required (the API server's URL, https://host:port)");
    assertThatThrownBy(() -> ClusterSecrets.parse(secret("b", Map.of("server", "https://x:6443",
        "config", "{\"tlsClientConfig\": {\"caData\": \"" + base64("not a certificate") + "\"}}"), Map.of()), ClusterLimits.defaults()))
        .hasMessageStartingWith("Secret capstan/b: data.config.tlsClientConfig.caData: ")
        .hasMessageNotContaining("\n");
    assertThatThrownBy(() -> ClusterSecrets.parse(secret("c", Map.of("server", "https://x:6443",
        "config", "{\"tlsClientConfig\": {\"caData\": \"%%%\"}}"), Map.of()), ClusterLimits.defaults()))
        .hasMessage("Secret capstan/c: data.config.tlsClientConfig.caData: is not base64");
    assertThatThrownBy(() -> ClusterSecrets.parse(secret("d", Map.of("kubeconfig", kubeconfig("ctx"), "context", "nope"), Map.of()),
        ClusterLimits.defaults()))
        .hasMessage("Secret capstan/d: data.context: context \"nope\" is not in the kubeconfig (contexts: ctx)");
    assertThatThrownBy(() -> ClusterSecrets.parse(secret("e", Map.of("name", "in-cluster", "server", "https://x:6443"), Map.of()),
        ClusterLimits.defaults()))
        .hasMessageStartingWith("Secret capstan/e: data.name: \"in-cluster\" is the agent's own cluster");
    assertThatThrownBy(() -> ClusterSecrets.parse(secret("f", Map.of("server", "https://x:6443", "config", "{bearerToken"), Map.of()),
        ClusterLimits.defaults()))
        .hasMessageStartingWith("Secret capstan/f: data.config: is not JSON");
    assertThatThrownBy(() -> ClusterSecrets.parse(secret("g", Map.of("server", "x:6443"), Map.of()), ClusterLimits.defaults()))
        .hasMessage("Secret capstan/g: data.server: \"x:6443\" is not an http(s) URL with a host");
    assertThatThrownBy(() -> ClusterSecrets.parse(secret("h", Map.of("server", "https://x:6443"),
        Map.of(ClusterSecrets.QPS_ANNOTATION, "fast")), ClusterLimits.defaults()))
        .hasMessage("Secret capstan/h: metadata.annotations.capstan.dev/qps: \"fast\" is not a positive number");
  }

  @Test
  void secretsNeverEchoTheToken() {
    assertThatThrownBy(() -> ClusterSecrets.parse(secret("i", Map.of("kubeconfig", kubeconfig("ctx"), "context", "other"), Map.of()),
        ClusterLimits.defaults()))
        .hasMessageNotContaining("s3cr3t-token");
  }

  @Test
  void clusterFlagReadsAKubeconfigFileAndItsContext(@org.junit.jupiter.api.io.TempDir Path tmp) throws Exception {
    Path file = Files.writeString(tmp.resolve("kubeconfig"), kubeconfig("edge"));
    assertThat(ClusterFlag.parse("edge=" + file + ":edge", ClusterLimits.defaults()).server()).isEqualTo("https://prod.example:6443");
    assertThat(ClusterFlag.parse("edge=" + file, ClusterLimits.defaults()).name()).isEqualTo("edge");
    assertThatThrownBy(() -> ClusterFlag.parse("edge=" + file + ":gone", ClusterLimits.defaults()))
        .hasMessage("--cluster edge=" + file + ":gone: context: context \"gone\" is not in the kubeconfig (contexts: edge)");
    assertThatThrownBy(() -> ClusterFlag.parse("edge", ClusterLimits.defaults()))
        .hasMessage("--cluster edge: expected NAME=KUBECONFIG[:CONTEXT]");
    assertThatThrownBy(() -> ClusterFlag.parse("in-cluster=" + file, ClusterLimits.defaults()))
        .hasMessageContaining("is the agent's own cluster");
    assertThatThrownBy(() -> ClusterFlag.parse("x=" + tmp.resolve("missing"), ClusterLimits.defaults()))
        .hasMessageStartingWith("--cluster x=" + tmp.resolve("missing") + ": cannot read ");
  }

  @Test
  void requestRateLetsABurstThroughThenSpacesRequests() {
    long now = 1_000_000_000_000L;
    RequestRate fresh = new RequestRate(new ClusterLimits(10, 3, 1), null);
    // The bucket starts full: three at once, the fourth 100 ms later, the fifth 200 ms later.
    assertThat(fresh.reserve(now)).isZero();
    assertThat(fresh.reserve(now)).isZero();
    assertThat(fresh.reserve(now)).isZero();
    assertThat(fresh.reserve(now)).isEqualTo(100_000_000L);
    assertThat(fresh.reserve(now)).isEqualTo(200_000_000L);
    // Idle for a minute, it holds the burst again, no more.
    long later = now + 60_000_000_000L;
    assertThat(fresh.reserve(later)).isZero();
    assertThat(fresh.reserve(later)).isZero();
    assertThat(fresh.reserve(later)).isZero();
    assertThat(fresh.reserve(later)).isEqualTo(100_000_000L);
  }
}
