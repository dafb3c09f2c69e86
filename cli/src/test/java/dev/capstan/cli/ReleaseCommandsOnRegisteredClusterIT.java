package dev.capstan.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.capstan.agent.fleet.ClusterSecrets;
import dev.capstan.engine.history.SecretReleaseStore;
import dev.capstan.testsupport.KubeApiServers;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

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

  private record Run(int exit, String out, String err) {}

  private Run capstan(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cli = Capstan.newCommandLine();
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    int exit = cli.execute(args);
    return new Run(exit, out.toString(), err.toString());
  }

  /** {@code args}, then the agent's cluster and namespace, {@code --cluster cluster} and the release namespace. */
  private static String[] on(String cluster, String agentNs, String ns, String... args) {
    List<String> all = new ArrayList<>(List.of(args));
    all.addAll(List.of("--kubeconfig", SERVERS.server(0).kubeconfig().toString(), "--cluster", cluster, "--agent-namespace", agentNs,
        "-n", ns));
    return all.toArray(String[]::new);
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
    Run added = capstan("cluster", "add", "prod", "--kubeconfig", SERVERS.server(1).kubeconfig().toString(),
        "--agent-kubeconfig", SERVERS.server(0).kubeconfig().toString(), "-n", agentNs);
    assertThat(added.exit()).as(added.err()).isZero();

    Run diff = capstan(on("prod", agentNs, ns, "diff", chart.toString(), "--release", "web"));
    assertThat(diff.exit()).as(diff.err()).isEqualTo(1);
    assertThat(diff.out()).contains("ConfigMap " + ns + "/web-config");

    Run applied = capstan(on("prod", agentNs, ns, "apply", chart.toString(), "--release", "web"));
    assertThat(applied.exit()).as(applied.err()).isZero();
    assertThat(greeting(1, ns)).isEqualTo("hello");
    assertThat(greeting(0, ns)).as("nothing in the agent's cluster").isNull();
    assertThat(new SecretReleaseStore(SERVERS.client(1)).list(ns, "web")).hasSize(1);
    assertThat(new SecretReleaseStore(SERVERS.client(0)).list(ns, "web")).isEmpty();

    Run second = capstan(on("prod", agentNs, ns, "apply", chart.toString(), "--release", "web", "--set", "greeting=bonjour"));
    assertThat(second.exit()).as(second.err()).isZero();
    assertThat(greeting(1, ns)).isEqualTo("bonjour");

    Run history = capstan(on("prod", agentNs, ns, "history", "web", "-o", "json"));
    assertThat(history.exit()).as(history.err()).isZero();
    assertThat(history.out()).contains("\"revision\" : 1").contains("\"revision\" : 2").contains("deployed");

    Run status = capstan(on("prod", agentNs, ns, "status", "web"));
    assertThat(status.exit()).as(status.err()).isZero();
    assertThat(status.out()).contains("web-config");

    Run rollback = capstan(on("prod", agentNs, ns, "rollback", "web", "1"));
    assertThat(rollback.exit()).as(rollback.err()).isZero();
    assertThat(greeting(1, ns)).isEqualTo("hello");
    assertThat(new SecretReleaseStore(SERVERS.client(1)).list(ns, "web")).hasSize(3);

    // in-cluster is the agent's cluster itself, as in spec.destination.cluster.
    Run own = capstan(on("in-cluster", agentNs, ns, "apply", chart.toString(), "--release", "web"));
    assertThat(own.exit()).as(own.err()).isZero();
    assertThat(greeting(0, ns)).isEqualTo("hello");
  }

  @Test
  void unknownAndBadlyRegisteredClustersAreOneLineErrorsNamingTheSecretAndField() throws Exception {
    String agentNs = namespace("capstan", 0);
    String ns = namespace("shop", 0, 1);
    SERVERS.client(0).secrets().inNamespace(agentNs).resource(new SecretBuilder().withNewMetadata().withName("cluster-broken")
        .addToLabels(ClusterSecrets.TYPE_LABEL, ClusterSecrets.TYPE).endMetadata()
        .withStringData(Map.of("name", "broken", "config", "{\"bearerToken\": \"never-printed\"}")).build()).create();

    Run unknown = capstan(on("nope", agentNs, ns, "history", "web"));
    assertThat(unknown.exit()).isEqualTo(1);
    assertThat(unknown.err()).isEqualTo("Error: --cluster nope: no cluster Secret in namespace " + agentNs
        + " registers cluster \"nope\" (known: broken)\n");

    Run broken = capstan(on("broken", agentNs, ns, "apply", chart().toString(), "--release", "web"));
    assertThat(broken.exit()).isEqualTo(1);
    assertThat(broken.err()).isEqualTo("Error: --cluster broken: cluster broken cannot be used: Secret " + agentNs
        + "/cluster-broken: data.server: is required (the API server's URL, https://host:port)\n");
    assertThat(broken.err()).doesNotContain("never-printed");
    assertThat(greeting(0, ns)).isNull();
    assertThat(greeting(1, ns)).isNull();
  }
}
