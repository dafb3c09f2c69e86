package dev.capstan.agent.cluster;

import static dev.capstan.agent.AgentFixture.await;
import static dev.capstan.agent.cluster.ClusterAgent.message;
import static dev.capstan.agent.cluster.ClusterAgent.secret;
import static dev.capstan.agent.cluster.ClusterAgent.stalled;
import static dev.capstan.agent.cluster.ClusterAgent.synced;
import static org.assertj.core.api.Assertions.assertThat;

import dev.capstan.agent.RegistryCharts;
import dev.capstan.testsupport.HelmRepositoryServer;
import dev.capstan.testsupport.KubeApiServerTest;
import dev.capstan.testsupport.KubeEnv;
import dev.capstan.testsupport.OciRegistryExtension;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Chart sources' credentials in cluster mode follow the Git rules (issue #14 for issue #15): the
 * Secret {@code secretRef} names is read through the API in the Application's namespace, a real OCI
 * registry behind basic auth gets them, and an Application that points the same Secret at another
 * host (a Helm repository or a registry its {@code url} does not cover) stalls
 * {@code CredentialsRefused} with nothing sent there: that host, which records every request, sees none.
 */
@KubeApiServerTest
class ChartCredentialsIT {
  private static final Duration WAIT = Duration.ofSeconds(60);

  @RegisterExtension
  static final OciRegistryExtension REGISTRY = OciRegistryExtension.withBasicAuth("ci", "registry-s3cret");

  KubernetesClient client;
  KubeEnv env;

  @BeforeEach
  void crd() throws Exception {
    ClusterAgent.installCrd(client);
  }

  private static String app(String name, String source, String ns) {
    return """
        apiVersion: capstan.dev/v1alpha1
        kind: Application
        metadata: {name: %s}
        spec:
          source: %s
          destination: {namespace: %s, releaseName: %s}
          syncPolicy: {automated: true, interval: 1s}
        """.formatted(name, source, ns, name);
  }

  @Test
  void aRegistrySecretReachesOnlyTheRegistryItsUrlNames(@TempDir Path tmp) throws Exception {
    String ns = env.newNamespace("chart-creds");
    String digest = RegistryCharts.push(REGISTRY, tmp, "1.0.0");
    try (HelmRepositoryServer elsewhere = HelmRepositoryServer.serve(Files.createDirectories(tmp.resolve("elsewhere")));
        ClusterAgent agent = new ClusterAgent(tmp.resolve("cache"), env.server().newClient(ns), ns)) {
      secret(client, ns, "registry", Map.of("url", REGISTRY.url("charts"), "username", REGISTRY.username(), "password", REGISTRY.password()));
      secret(client, ns, "no-url", Map.of("username", REGISTRY.username(), "password", REGISTRY.password()));
      String elsewhereOci = "oci://" + elsewhere.url().getAuthority() + "/charts/web";

      ClusterAgent.create(client, ns, app("web",
          "{repoURL: \"" + REGISTRY.url("charts/web") + "\", ref: \"1.0.0\", insecure: true, secretRef: registry}", ns));
      ClusterAgent.create(client, ns, app("borrowed-oci",
          "{repoURL: \"" + elsewhereOci + "\", ref: \"1.0.0\", insecure: true, secretRef: registry}", ns));
      ClusterAgent.create(client, ns, app("borrowed-helm",
          "{repoURL: \"" + elsewhere.url() + "\", chart: web, ref: \"1.0.0\", secretRef: registry}", ns));
      ClusterAgent.create(client, ns, app("unbound",
          "{repoURL: \"" + REGISTRY.url("charts/web") + "\", ref: \"1.0.0\", insecure: true, secretRef: no-url}", ns));

      await("web Synced with the registry's credentials", WAIT, () -> synced(client, ns, "web", "1.0.0@" + digest));
      assertThat(message(client, ns, "web-config")).isEqualTo("from-the-registry");
      for (String name : new String[] {"borrowed-oci", "borrowed-helm", "unbound"}) {
        await(name + " stalled", WAIT, () -> stalled(client, ns, name) != null);
        assertThat(stalled(client, ns, name).getReason()).as(name).isEqualTo("CredentialsRefused");
        assertThat(stalled(client, ns, name).getMessage()).as(name).startsWith("spec.source.secretRef: credentials(Secret " + ns + "/")
            .doesNotContain(REGISTRY.password());
        assertThat(message(client, ns, name + "-config")).as(name).isNull();
      }
      assertThat(stalled(client, ns, "borrowed-oci").getMessage())
          .contains("key \"url\" binds these credentials to http://" + REGISTRY.host() + "/charts", "which does not cover");
      assertThat(stalled(client, ns, "borrowed-helm").getMessage()).contains("which does not cover " + elsewhere.url().toString().replaceAll("/$", ""));
      assertThat(stalled(client, ns, "unbound").getMessage()).contains("credentials(Secret " + ns + "/no-url): key \"url\" is missing");
      assertThat(elsewhere.requests()).as("requests that reached the other host").isZero();
    }
  }
}
