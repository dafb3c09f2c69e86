package dev.capstan.agent.cluster;

import static dev.capstan.agent.AgentFixture.await;
import static dev.capstan.agent.AgentFixture.configMapChart;
import static dev.capstan.agent.cluster.ClusterAgent.message;
import static dev.capstan.agent.cluster.ClusterAgent.status;
import static org.assertj.core.api.Assertions.assertThat;

import dev.capstan.agent.application.ApplicationStatus;
import dev.capstan.git.testing.Upstream;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Flux's {@code valuesFrom} in cluster mode: values from a ConfigMap and a Secret in the
 * Application's namespace, layered after the chart's files and before inline values; an edit of the
 * Secret reaches the cluster on the next poll; a missing object stops the sync, naming it.
 */
class ValuesFromIT extends ClusterModeFixture {
  @Test
  void valuesFromAConfigMapAndASecretAreLayeredAndFollowed(@TempDir Path tmp) throws Exception {
    String ns = env.newNamespace("values-from");
    Upstream upstream = Upstream.create(tmp, "apps");
    upstream.push("chart", configMapChart("apps/web", "web", "from-chart"));
    client.configMaps().inNamespace(ns).resource(new ConfigMapBuilder().withNewMetadata().withName("web-values").endMetadata()
        .addToData("values.yaml", "message: from-configmap\n").build()).create();
    client.secrets().inNamespace(ns).resource(new SecretBuilder().withNewMetadata().withName("web-secret").endMetadata()
        .addToStringData("prod.yaml", "message: from-secret\n").build()).create();

    try (ClusterAgent agent = new ClusterAgent(tmp.resolve("cache"), env.server().newClient(ns), ns)) {
      ClusterAgent.create(client, ns, """
          apiVersion: capstan.dev/v1alpha1
          kind: Application
          metadata: {name: web}
          spec:
            source:
              repoURL: "%s"
              ref: main
              path: apps/web
              valuesFrom:
                - {kind: ConfigMap, name: web-values}
                - {kind: Secret, name: web-secret, valuesKey: prod.yaml}
                - {kind: ConfigMap, name: not-there, optional: true}
            destination: {namespace: %s}
            syncPolicy: {automated: true, interval: 1s}
          """.formatted(upstream.fileUrl(), ns));

      await("the Secret's values win over the ConfigMap's", WAIT, () -> "from-secret".equals(message(client, ns, "web-config")));

      client.secrets().inNamespace(ns).withName("web-secret").edit(s -> new SecretBuilder(s).withData(null)
          .addToStringData("prod.yaml", "message: secret-edited\n").build());
      await("an edit of the Secret reaches the cluster on the next poll", WAIT,
          () -> "secret-edited".equals(message(client, ns, "web-config")));

      client.secrets().inNamespace(ns).withName("web-secret").delete();
      await("a missing Secret is reported, naming it", WAIT, () -> ready(ns).contains("Secret/" + ns + "/web-secret"));
      assertThat(ready(ns)).contains("valuesFrom names key prod.yaml").doesNotContain("secret-edited");
      assertThat(message(client, ns, "web-config")).isEqualTo("secret-edited");
    }
  }

  private String ready(String ns) {
    ApplicationStatus s = status(client, ns, "web");
    return s == null || s.conditions() == null ? "" : s.conditions().stream().filter(c -> "Ready".equals(c.getType()))
        .map(c -> c.getMessage()).findFirst().orElse("");
  }
}
