package dev.capstan.agent.cluster;

import dev.capstan.testsupport.KubeApiServerTest;
import dev.capstan.testsupport.KubeEnv;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;

/**
 * Where a cluster-mode test starts: the test JVM's real API server ({@link #client}, {@link #env}
 * injected by {@link KubeApiServerTest}) with the Application CRD installed before each test.
 */
@KubeApiServerTest
abstract class ClusterModeFixture {
  static final Duration WAIT = Duration.ofSeconds(60);

  KubernetesClient client;
  KubeEnv env;

  @BeforeEach
  void crd() throws Exception {
    ClusterAgent.installCrd(client);
  }
}
