package dev.capstan.agent;

import static dev.capstan.agent.AgentFixture.await;
import static dev.capstan.agent.AgentFixture.configMapChart;
import static org.assertj.core.api.Assertions.assertThat;

import dev.capstan.agent.application.AgentPolicy;
import dev.capstan.agent.application.ApplicationFiles;
import dev.capstan.agent.application.ApplicationStatus;
import dev.capstan.agent.application.ApplicationStatus.HistoryEntry;
import dev.capstan.agent.bench.WebhookPush;
import dev.capstan.agent.runtime.AgentRuntime;
import dev.capstan.git.testing.GitDaemon;
import dev.capstan.git.testing.Upstream;
import dev.capstan.testsupport.KubeApiServerTest;
import dev.capstan.testsupport.KubeEnv;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Argo CD's multi-source habit end to end: the chart from one repository (file://), its values from
 * another served by {@code git daemon} as {@code $values/env/prod.yaml}; a push to the values
 * repository, announced by a signed webhook, reaches the cluster, and history records both commits.
 */
@KubeApiServerTest
class MultiSourceIT {
  private static final Duration WAIT = Duration.ofSeconds(60);

  KubernetesClient client;
  KubeEnv env;

  private String message(String configMap) {
    ConfigMap cm = client.configMaps().inNamespace(env.namespace()).withName(configMap).get();
    return cm == null ? null : cm.getData().get("message");
  }

  @Test
  void valuesFromASecondRepositoryAndAPushThereReachTheCluster(@TempDir Path tmp) throws Exception {
    Upstream charts = Upstream.create(tmp, "charts");
    String chartCommit = charts.push("web chart", configMapChart("charts/web", "web", "from-chart"));
    Path served = Files.createDirectories(tmp.resolve("served"));
    Upstream config = Upstream.create(served, "config");
    String prod1 = config.push("prod values", Map.of("env/prod.yaml", "message: prod-v1\n", "env/dev.yaml", "message: dev\n"));

    try (GitDaemon daemon = GitDaemon.start(served)) {
      String configUrl = daemon.url("config.git");
      Path apps = Files.writeString(tmp.resolve("apps.yaml"), """
          apiVersion: capstan.dev/v1alpha1
          kind: Application
          metadata: {name: web}
          spec:
            sources:
              - {repoURL: "%s", ref: main, path: charts/web, valuesFiles: [values.yaml, $values/env/prod.yaml]}
              - {repoURL: "%s", ref: main, name: values}
            destination: {namespace: %s}
            syncPolicy: {automated: true, interval: 1h}
          """.formatted(charts.fileUrl(), configUrl, env.namespace()));
      var settings = new AgentRuntime.Settings(tmp.resolve("cache"), tmp.resolve("creds"), AgentPolicy.permissive(), 2, "127.0.0.1", 0,
          false, Map.of("CAPSTAN_WEBHOOK_SECRET", WebhookPush.SECRET));
      try (AgentRuntime runtime = AgentRuntime.start(client, settings)) {
        Agent agent = runtime.agent();
        ApplicationFiles.load(apps).forEach(loaded -> agent.upsert(loaded.application()));
        agent.markReady();

        await("values from the second repository applied", WAIT, () -> "prod-v1".equals(message("web-config")));
        await("status records both sources", WAIT, () -> revisions(agent) != null);
        assertThat(revisions(agent)).containsExactly(Map.entry("sources[0]", chartCommit), Map.entry("values", prod1));
        assertThat(agent.application("web").orElseThrow().getStatus().sync().revision()).isEqualTo(chartCommit);
        assertThat(agent.history("web")).singleElement().satisfies(h -> {
          assertThat(h.gitRevision()).isEqualTo(chartCommit);
          assertThat(h.sourceRevisions()).containsExactly(Map.entry("sources[0]", chartCommit), Map.entry("values", prod1));
        });

        String prod2 = config.push("prod says v2", Map.of("env/prod.yaml", "message: prod-v2\n"));
        WebhookPush.announce(HttpClient.newHttpClient(), runtime.server().uri(), configUrl, prod2);

        await("the values push reached the cluster (the poll interval is an hour)", WAIT, () -> "prod-v2".equals(message("web-config")));
        await("history records the values commit", WAIT, () -> agent.history("web").size() == 2);
        HistoryEntry latest = agent.history("web").get(0);
        assertThat(latest.gitRevision()).isEqualTo(chartCommit);
        assertThat(latest.sourceRevisions()).containsEntry("values", prod2);
        await("status records the values commit", WAIT, () -> prod2.equals(revisions(agent).get("values")));
      }
    }
  }

  private static Map<String, String> revisions(Agent agent) {
    ApplicationStatus status = agent.application("web").orElseThrow().getStatus();
    return status == null || status.sync() == null ? null : status.sync().revisions();
  }
}
