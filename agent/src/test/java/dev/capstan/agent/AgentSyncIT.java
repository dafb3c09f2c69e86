package dev.capstan.agent;

import static dev.capstan.agent.AgentFixture.await;
import static dev.capstan.agent.AgentFixture.configMapChart;
import static org.assertj.core.api.Assertions.assertThat;

import dev.capstan.agent.application.ApplicationStatus;
import dev.capstan.agent.application.SyncState;
import dev.capstan.git.testing.Upstream;
import dev.capstan.testsupport.KubeApiServerTest;
import dev.capstan.testsupport.KubeEnv;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The agent against a real API server and a real Git upstream, driven by its own polls. */
@KubeApiServerTest
class AgentSyncIT {
  private static final Duration WAIT = Duration.ofSeconds(60);

  KubernetesClient client;
  KubeEnv env;

  private String message(String configMap) {
    ConfigMap cm = client.configMaps().inNamespace(env.namespace()).withName(configMap).get();
    return cm == null ? null : cm.getData().get("message");
  }

  private static String app(String name, String repo, String path, String namespace) {
    return """
        apiVersion: capstan.dev/v1alpha1
        kind: Application
        metadata: {name: %s}
        spec:
          source: {repoURL: "%s", ref: main, path: %s}
          destination: {namespace: %s}
          syncPolicy: {automated: true, prune: true, interval: 1s, retry: {limit: 3, backoff: 1s}}
        """.formatted(name, repo, path, namespace);
  }

  @Test
  void pollsSyncEachAppOnlyWhenItsOwnFolderChanges(@TempDir Path tmp) throws Exception {
    Upstream upstream = Upstream.create(tmp, "apps");
    Map<String, String> files = new HashMap<>(configMapChart("apps/web", "web", "hello"));
    files.putAll(configMapChart("apps/api", "api", "v1"));
    String first = upstream.push("two apps", files);

    try (AgentFixture fx = new AgentFixture(tmp, client)) {
      fx.load(tmp, "apps", app("web", upstream.fileUrl(), "apps/web", env.namespace()) + "---\n"
          + app("api", upstream.fileUrl(), "apps/api", env.namespace()));

      await("both apps applied", WAIT, () -> "hello".equals(message("web-config")) && "v1".equals(message("api-config")));
      await("web reported Synced", WAIT, () -> synced(fx, "web", first));
      assertThat(fx.agent.history("web")).singleElement().satisfies(h -> {
        assertThat(h.status()).isEqualTo("deployed");
        assertThat(h.gitRevision()).isEqualTo(first);
      });

      String apiOnly = upstream.push("api only", Map.of("apps/api/values.yaml", "message: v2\n"));
      await("api re-synced", WAIT, () -> "v2".equals(message("api-config")));
      double unchangedBefore = fx.count("unchanged");
      await("web polled again after the api commit", WAIT, () -> fx.count("unchanged") > unchangedBefore + 2);
      assertThat(fx.agent.history("web")).hasSize(1);
      assertThat(fx.agent.history("api")).hasSize(2).first().satisfies(h -> assertThat(h.gitRevision()).isEqualTo(apiOnly));

      String webChange = upstream.push("web says world", Map.of("apps/web/values.yaml", "message: world\n"));
      await("web re-synced", WAIT, () -> "world".equals(message("web-config")));
      await("web reported the new commit", WAIT, () -> synced(fx, "web", webChange));
      assertThat(fx.agent.history("web")).extracting(h -> h.status()).containsExactly("deployed", "superseded");
    }
  }

  private static boolean synced(AgentFixture fx, String app, String commit) {
    ApplicationStatus status = fx.agent.application(app).orElseThrow().getStatus();
    return status != null && status.sync() != null && status.sync().status() == SyncState.SYNCED && commit.equals(status.sync().revision());
  }
}
