package dev.capstan.agent.cluster;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.capstan.agent.application.ApplicationException;
import dev.capstan.testsupport.KubeApiServerTest;
import dev.capstan.testsupport.KubeEnv;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Cluster mode on an API server without the Application CRD (this class runs in its own JVM, on its
 * own API server, and never installs it): the agent says so in one line instead of leading in
 * silence while watching nothing.
 */
@KubeApiServerTest
class WithoutTheCrdIT {
  KubernetesClient client;
  KubeEnv env;

  private String expected() {
    return "Application resources in namespace " + env.namespace()
        + ": the API server does not serve capstan.dev/v1alpha1 Application; install the CRD (charts/capstan/crds/)";
  }

  @Test
  void watchingApplicationsWithoutTheCrdFailsNamingIt(@TempDir Path tmp) {
    String ns = env.namespace();
    assertThatThrownBy(() -> new ClusterAgent(tmp.resolve("cache"), env.server().newClient(ns), ns).close())
        .isInstanceOf(ApplicationException.class)
        .hasMessage(expected());
  }

  @Test
  void theCheckBeforeTheElectionFailsTheSameWay() {
    assertThatThrownBy(() -> ApplicationWatcher.checkServed(client, env.namespace()))
        .isInstanceOf(ApplicationException.class)
        .hasMessage(expected());
  }
}
