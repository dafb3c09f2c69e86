package dev.capstan.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.capstan.agent.fleet.ClusterSecrets;
import dev.capstan.engine.history.SecretReleaseStore;
import dev.capstan.testsupport.KubeApiServers;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code diff/apply/history/status/rollback --cluster NAME}: server 0 is the agent's cluster, holding
 * the cluster Secrets; server 1 is registered there as {@code prod}. The commands reach prod through
 * its Secret, as the agent does, and nothing lands in the agent's cluster.
 */
class ReleaseCommandsOnRegisteredClusterIT {
  @RegisterExtension
  static final KubeApiServers SERVERS = new KubeApiServers(2);

  @TempDir
  Path tmp;

  /** {@code capstan} with the agent's cluster and namespace, {@code --cluster cluster} and the release namespace after each command. */
  private static CliRunner on(String cluster, String agentNs, String ns) {
    return CliRunner.with("--kubeconfig", SERVERS.server(0).kubeconfig().toString(), "--cluster", cluster, "--agent-namespace", agentNs,
        "-n", ns);
  }

  private static String namespace(String prefix, int... servers) {
    String ns = prefix + "-" + Long.toString(System.nanoTime() % 1_000_000, 36);
    for (int server : servers) {
      SERVERS.client(server).namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(ns).endMetadata().build()).create();
    }
    return ns;
  }

  private static String greeting(int server, String ns) {
    ConfigMap cm = SERVERS.client(server).configMaps().inNamespace(ns).withName("web-config").get();
    return cm == null ? null : cm.getData().get("greeting");
  }

  private Path chart() throws Exception {
    Path chart = Files.createDirectories(tmp.resolve("shop/templates")).getParent();
    Files.writeString(chart.resolve("Chart.yaml"), "apiVersion: v2\nname: shop\nversion: 1.0.0\n");
    Files.writeString(chart.resolve("values.yaml"), "greeting: hello\n");
    Files.writeString(chart.resolve("templates/config.yaml"), """
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: {{ release.name }}-config
        data:
          greeting: {{ values.greeting }}
        """);
    return chart;
  }

  @Test
  void releaseCommandsReachTheRegisteredClusterAsTheAgentDoes() throws Exception {
    String agentNs = namespace("capstan", 0);
    String ns = namespace("shop", 0, 1);
    Path chart = chart();
    CliRunner local = CliRunner.local();
    assertThat(local.run("cluster", "add", "prod", "--kubeconfig", SERVERS.server(1).kubeconfig().toString(),
        "--agent-kubeconfig", SERVERS.server(0).kubeconfig().toString(), "-n", agentNs)).as(local.err()).isZero();
    CliRunner prod = on("prod", agentNs, ns);

    assertThat(prod.run("diff", chart.toString(), "--release", "web")).as(prod.err()).isEqualTo(1);
    assertThat(prod.out()).contains("ConfigMap " + ns + "/web-config");

    assertThat(prod.run("apply", chart.toString(), "--release", "web")).as(prod.err()).isZero();
    assertThat(greeting(1, ns)).isEqualTo("hello");
    assertThat(greeting(0, ns)).as("nothing in the agent's cluster").isNull();
    assertThat(new SecretReleaseStore(SERVERS.client(1)).list(ns, "web")).hasSize(1);
    assertThat(new SecretReleaseStore(SERVERS.client(0)).list(ns, "web")).isEmpty();

    assertThat(prod.run("apply", chart.toString(), "--release", "web", "--set", "greeting=bonjour")).as(prod.err()).isZero();
    assertThat(greeting(1, ns)).isEqualTo("bonjour");

    assertThat(prod.run("history", "web", "-o", "json")).as(prod.err()).isZero();
    assertThat(prod.out()).contains("\"revision\" : 1").contains("\"revision\" : 2").contains("deployed");

    assertThat(prod.run("status", "web")).as(prod.err()).isZero();
    assertThat(prod.out()).contains("web-config");

    assertThat(prod.run("rollback", "web", "1")).as(prod.err()).isZero();
    assertThat(greeting(1, ns)).isEqualTo("hello");
    assertThat(new SecretReleaseStore(SERVERS.client(1)).list(ns, "web")).hasSize(3);

    // in-cluster is the agent's cluster itself, as in spec.destination.cluster.
    CliRunner own = on("in-cluster", agentNs, ns);
    assertThat(own.run("apply", chart.toString(), "--release", "web")).as(own.err()).isZero();
    assertThat(greeting(0, ns)).isEqualTo("hello");
  }

  @Test
  void unknownAndBadlyRegisteredClustersAreOneLineErrorsNamingTheSecretAndField() throws Exception {
    String agentNs = namespace("capstan", 0);
    String ns = namespace("shop", 0, 1);
    SERVERS.client(0).secrets().inNamespace(agentNs).resource(new SecretBuilder().withNewMetadata().withName("cluster-broken")
        .addToLabels(ClusterSecrets.TYPE_LABEL, ClusterSecrets.TYPE).endMetadata()
        .withStringData(Map.of("name", "broken", "config", "{\"bearerToken\": \"never-printed\"}")).build()).create();

    CliRunner unknown = on("nope", agentNs, ns);
    assertThat(unknown.run("history", "web")).isEqualTo(1);
    assertThat(unknown.err()).isEqualTo("Error: --cluster nope: no cluster Secret in namespace " + agentNs
        + " registers cluster \"nope\" (known: broken)\n");

    CliRunner broken = on("broken", agentNs, ns);
    assertThat(broken.run("apply", chart().toString(), "--release", "web")).isEqualTo(1);
    assertThat(broken.err()).isEqualTo("Error: --cluster broken: cluster broken cannot be used: Secret " + agentNs
        + "/cluster-broken: data.server: is required (the API server's URL, https://host:port)\n");
    assertThat(broken.err()).doesNotContain("never-printed");
    assertThat(greeting(0, ns)).isNull();
    assertThat(greeting(1, ns)).isNull();
  }
}
