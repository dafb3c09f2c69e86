package dev.capstan.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.capstan.agent.application.AgentPolicy;
import dev.capstan.agent.bench.BenchSupport;
import dev.capstan.agent.fleet.ClusterSecrets;
import dev.capstan.agent.runtime.AgentRuntime;
import dev.capstan.testsupport.KubeApiServerTest;
import dev.capstan.testsupport.KubeEnv;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code capstan cluster add/list/remove} against a real API server and a running agent watching its cluster Secrets. */
@KubeApiServerTest
class ClusterCommandIT {
  private static final String TOKEN = "api-token";

  KubernetesClient client;
  KubeEnv env;

  private record Run(int exit, String out, String err) {}

  private static Run capstan(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cli = Capstan.newCommandLine();
    cli.setOut(new PrintWriter(out));
    cli.setErr(new PrintWriter(err));
    int exit = cli.execute(args);
    return new Run(exit, out.toString(), err.toString());
  }

  private String[] agentFlags() {
    return agentFlags(env.namespace());
  }

  private String[] agentFlags(String namespace) {
    return new String[] {"--agent-kubeconfig", env.kubeconfig().toString(), "-n", namespace};
  }

  private static String[] concat(String[] a, String... b) {
    String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }

  @Test
  void addListAndRemoveAClusterAsTheAgentSeesIt(@TempDir Path tmp) throws Exception {
    Run added = capstan(concat(new String[] {"cluster", "add", "prod", "--kubeconfig", env.kubeconfig().toString()}, agentFlags()));
    assertThat(added.exit()).as(added.err()).isZero();
    assertThat(added.out()).isEqualTo("cluster prod registered: Secret " + env.namespace() + "/cluster-prod\n");
    Secret secret = client.secrets().inNamespace(env.namespace()).withName("cluster-prod").get();
    assertThat(secret.getMetadata().getLabels()).containsEntry(ClusterSecrets.TYPE_LABEL, ClusterSecrets.TYPE);
    String kubeconfig = new String(Base64.getDecoder().decode(secret.getData().get("kubeconfig")), StandardCharsets.UTF_8);
    assertThat(kubeconfig).contains("certificate-authority-data").contains("client-certificate-data").doesNotContain("client-certificate:");

    Run twice = capstan(concat(new String[] {"cluster", "add", "prod", "--kubeconfig", env.kubeconfig().toString()}, agentFlags()));
    assertThat(twice.exit()).isNotZero();
    assertThat(twice.err().strip()).contains("cluster prod: is registered already by Secret " + env.namespace() + "/cluster-prod")
        .doesNotContain("\n").doesNotContain("Exception");

    try (AgentRuntime runtime = AgentRuntime.start(client, new AgentRuntime.Settings(tmp.resolve("cache"), tmp.resolve("creds"),
        AgentPolicy.permissive(), 2, "127.0.0.1", 0, false, Map.of("CAPSTAN_API_TOKEN", TOKEN)),
        AgentRuntime.Clusters.none().withSecretsNamespace(env.namespace()))) {
      String server = runtime.server().uri().toString();
      Run[] seen = new Run[1];
      BenchSupport.await(Duration.ofSeconds(60), Duration.ofMillis(200), () -> {
        seen[0] = capstan("cluster", "list", "--server", server, "--token", TOKEN);
        return seen[0].out().contains("prod") && seen[0].out().lines().filter(l -> l.contains(" yes ")).count() == 2;
      });
      Run list = seen[0];
      assertThat(list.exit()).isZero();
      assertThat(list.out().lines().findFirst().orElseThrow()).startsWith("NAME").contains("SERVER").contains("VERSION")
          .contains("REACHABLE").contains("APPS");
      assertThat(list.out()).containsPattern("(?m)^in-cluster +https://127\\.0\\.0\\.1:\\d+ +v1\\.\\S+ +yes +0")
          .containsPattern("(?m)^prod +https://127\\.0\\.0\\.1:\\d+ +v1\\.\\S+ +yes +0");
    }

    Run removed = capstan(concat(new String[] {"cluster", "remove", "prod"}, agentFlags()));
    assertThat(removed.exit()).as(removed.err()).isZero();
    assertThat(client.secrets().inNamespace(env.namespace()).withName("cluster-prod").get()).isNull();
    Run again = capstan(concat(new String[] {"cluster", "remove", "prod"}, agentFlags()));
    assertThat(again.exit()).isNotZero();
    assertThat(again.err().strip()).contains("cluster prod: no cluster Secret registers it in namespace " + env.namespace())
        .doesNotContain("\n");
  }

  @Test
  void badKubeconfigsAreOneLineErrorsAndWriteNothing(@TempDir Path tmp) throws Exception {
    String ns = env.newNamespace("bad-input");
    Run missing = capstan(concat(new String[] {"cluster", "add", "x", "--kubeconfig", env.kubeconfig().toString(), "--context", "nope"},
        agentFlags(ns)));
    assertThat(missing.exit()).isNotZero();
    assertThat(missing.err().strip()).contains("--kubeconfig " + env.kubeconfig() + ": --context: context \"nope\" is not in the kubeconfig")
        .doesNotContain("\n");

    Path expired = Files.writeString(tmp.resolve("expired"), """
        apiVersion: v1
        kind: Config
        clusters:
        - name: c
          cluster: {server: "%s", insecure-skip-tls-verify: true}
        users:
        - name: u
          user: {token: "expired-token-value"}
        contexts:
        - name: ctx
          context: {cluster: c, user: u}
        current-context: ctx
        """.formatted(env.serverUrl()));
    Run unauthorized = capstan(concat(new String[] {"cluster", "add", "old", "--kubeconfig", expired.toString()}, agentFlags(ns)));
    assertThat(unauthorized.exit()).isNotZero();
    assertThat(unauthorized.err().strip()).contains("does not accept these credentials or does not answer: Unauthorized")
        .doesNotContain("expired-token-value").doesNotContain("\n");

    Path badCa = Files.writeString(tmp.resolve("bad-ca"), """
        apiVersion: v1
        kind: Config
        clusters:
        - name: c
          cluster: {server: "%s", certificate-authority-data: "%s"}
        users:
        - name: u
          user: {token: "bad-ca-token-value"}
        contexts:
        - name: ctx
          context: {cluster: c, user: u}
        current-context: ctx
        """.formatted(env.serverUrl(), Base64.getEncoder().encodeToString("not a certificate".getBytes(StandardCharsets.UTF_8))));
    Run ca = capstan(concat(new String[] {"cluster", "add", "bad-ca", "--kubeconfig", badCa.toString()}, agentFlags(ns)));
    assertThat(ca.exit()).isNotZero();
    assertThat(ca.err().strip()).contains("certificate-authority-data").doesNotContain("bad-ca-token-value").doesNotContain("\n")
        .doesNotContain("Exception");

    Path noServer = Files.writeString(tmp.resolve("no-server"), """
        apiVersion: v1
        kind: Config
        clusters:
        - name: c
          cluster: {insecure-skip-tls-verify: true}
        users:
        - name: u
          user: {token: "t"}
        contexts:
        - name: ctx
          context: {cluster: c, user: u}
        current-context: ctx
        """);
    Run serverless = capstan(concat(new String[] {"cluster", "add", "serverless", "--kubeconfig", noServer.toString()}, agentFlags(ns)));
    assertThat(serverless.exit()).isNotZero();
    assertThat(serverless.err().strip()).contains("--kubeconfig " + noServer).contains("server").doesNotContain("\n")
        .doesNotContain("Exception");

    Run reserved = capstan(concat(new String[] {"cluster", "add", "in-cluster", "--kubeconfig", env.kubeconfig().toString()}, agentFlags(ns)));
    assertThat(reserved.exit()).isNotZero();
    assertThat(reserved.err().strip()).contains("\"in-cluster\" is the agent's own cluster").doesNotContain("\n");

    assertThat(client.secrets().inNamespace(ns).withLabel(ClusterSecrets.TYPE_LABEL, ClusterSecrets.TYPE).list().getItems())
        .isEmpty();
  }
}
