package dev.capstan.agent.cluster;

import static dev.capstan.agent.AgentFixture.await;
import static dev.capstan.agent.AgentFixture.configMapChart;
import static dev.capstan.agent.cluster.ClusterAgent.message;
import static dev.capstan.agent.cluster.ClusterAgent.status;
import static org.assertj.core.api.Assertions.assertThat;

import dev.capstan.agent.application.ApplicationStatus;
import dev.capstan.git.testing.Upstream;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An Application resource with several sources, as the API server stores it: the CRD accepts
 * {@code spec.sources}, and the status the agent writes keeps every source's commit (a field missing
 * from the CRD's schema would be pruned by the server without a word).
 */
class SourcesResourceIT extends ClusterModeFixture {
  @Test
  void everySourcesCommitSurvivesTheApiServer(@TempDir Path tmp) throws Exception {
    String ns = env.newNamespace("sources");
    Upstream charts = Upstream.create(tmp, "charts");
    String chartCommit = charts.push("chart", configMapChart("web", "web", "from-chart"));
    Upstream config = Upstream.create(tmp, "config");
    String valuesCommit = config.push("values", Map.of("prod.yaml", "message: from-config\n"));

    try (ClusterAgent agent = new ClusterAgent(tmp.resolve("cache"), env.server().newClient(ns), ns)) {
      ClusterAgent.create(client, ns, """
          apiVersion: capstan.dev/v1alpha1
          kind: Application
          metadata: {name: web}
          spec:
            sources:
              - {repoURL: "%s", ref: main, path: web, valuesFiles: [$config/prod.yaml]}
              - {repoURL: "%s", ref: main, name: config}
            destination: {namespace: %s}
            syncPolicy: {automated: true, interval: 1s}
          """.formatted(charts.fileUrl(), config.fileUrl(), ns));

      await("values from the second repository applied", WAIT, () -> "from-config".equals(message(client, ns, "web-config")));
      await("the stored status names both commits", WAIT, () -> revisions(ns) != null);
      // The API server keeps maps as JSON objects, sorted by key; the entries, not their order, are the contract.
      assertThat(revisions(ns)).isEqualTo(Map.of("sources[0]", chartCommit, "config", valuesCommit));
      assertThat(status(client, ns, "web").history()).singleElement()
          .satisfies(h -> assertThat(h.sourceRevisions()).containsEntry("config", valuesCommit));
    }
  }

  private Map<String, String> revisions(String ns) {
    ApplicationStatus s = status(client, ns, "web");
    return s == null || s.sync() == null ? null : s.sync().revisions();
  }
}
