package dev.capstan.agent;

import static dev.capstan.agent.AgentFixture.await;
import static org.assertj.core.api.Assertions.assertThat;

import dev.capstan.agent.application.ApplicationFiles;
import dev.capstan.agent.application.ApplicationStatus;
import dev.capstan.agent.application.ApplicationStatus.HistoryEntry;
import dev.capstan.agent.runtime.AgentRuntime;
import dev.capstan.git.testing.GitDaemon;
import dev.capstan.git.testing.Upstream;
import dev.capstan.testsupport.KubeApiServerTest;
import dev.capstan.testsupport.KubeEnv;
import dev.capstan.testsupport.OciRegistryExtension;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The issue's end-to-end case: an Application whose chart comes from a real OCI registry (the CNCF
 * distribution registry) within a version range, and whose values come from {@code git daemon}. A
 * new chart version in range and a values commit each reach the cluster on the next poll; a version
 * outside the range does not; status and history name the chart version and digest beside the commit.
 */
@KubeApiServerTest
class RegistryChartIT {
  private static final Duration WAIT = Duration.ofSeconds(60);

  @RegisterExtension
  static final OciRegistryExtension REGISTRY = OciRegistryExtension.anonymous();

  KubernetesClient client;
  KubeEnv env;

  private ConfigMap configMap() {
    return client.configMaps().inNamespace(env.namespace()).withName("web-config").get();
  }

  private String message() {
    ConfigMap cm = configMap();
    return cm == null ? null : cm.getData().get("message");
  }

  private String chartLabel() {
    ConfigMap cm = configMap();
    return cm == null ? null : cm.getMetadata().getLabels().get("chart");
  }

  @Test
  void aChartFromTheRegistryWithValuesFromGitFollowsBothAndStaysInItsRange(@TempDir Path tmp) throws Exception {
    String digest1 = RegistryCharts.push(REGISTRY, tmp, "1.0.0");
    Path served = Files.createDirectories(tmp.resolve("served"));
    Upstream config = Upstream.create(served, "config");
    String prod1 = config.push("prod values", Map.of("env/prod.yaml", "message: prod-v1\n"));

    try (GitDaemon daemon = GitDaemon.start(served)) {
      Path apps = Files.writeString(tmp.resolve("apps.yaml"), """
          apiVersion: capstan.dev/v1alpha1
          kind: Application
          metadata: {name: web}
          spec:
            sources:
              - {repoURL: "%s", ref: "^1.0.0", insecure: true, valuesFiles: [$values/env/prod.yaml]}
              - {repoURL: "%s", ref: main, name: values}
            destination: {namespace: %s}
            syncPolicy: {automated: true, interval: 1s}
          """.formatted(REGISTRY.url("charts/web"), daemon.url("config.git"), env.namespace()));
      var settings = AgentFixture.runtimeSettings(tmp, Map.of());
      try (AgentRuntime runtime = AgentRuntime.start(client, settings)) {
        Agent agent = runtime.agent();
        AgentFixture.load(agent, apps);

        await("chart 1.0.0 from the registry with values from git", WAIT,
            () -> "prod-v1".equals(message()) && "web-1.0.0".equals(chartLabel()));
        await("status names the chart version and digest", WAIT, () -> ("1.0.0@" + digest1).equals(revision(agent)));
        assertThat(revisions(agent)).containsExactly(Map.entry("sources[0]", "1.0.0@" + digest1), Map.entry("values", prod1));
        HistoryEntry first = agent.history("web").get(0);
        assertThat(first.gitRevision()).isNull();
        assertThat(first.sourceRevisions()).containsEntry("sources[0]", "1.0.0@" + digest1).containsEntry("values", prod1);

        String digest2 = RegistryCharts.push(REGISTRY, tmp, "1.1.0");
        await("a new version in range reaches the cluster", WAIT, () -> "web-1.1.0".equals(chartLabel()));
        await("and is recorded", WAIT, () -> ("1.1.0@" + digest2).equals(agent.history("web").get(0).sourceRevisions().get("sources[0]")));
        assertThat(message()).isEqualTo("prod-v1");

        RegistryCharts.push(REGISTRY, tmp, "2.0.0");
        String prod2 = config.push("prod says v2", Map.of("env/prod.yaml", "message: prod-v2\n"));
        await("a values commit reaches the cluster", WAIT, () -> "prod-v2".equals(message()));
        assertThat(chartLabel()).as("2.0.0 is outside ^1.0.0").isEqualTo("web-1.1.0");
        await("status names the values commit", WAIT, () -> prod2.equals(revisions(agent).get("values")));
        assertThat(revision(agent)).isEqualTo("1.1.0@" + digest2);

        var narrowed = ApplicationFiles.load(Files.writeString(apps, Files.readString(apps).replace("^1.0.0", "^9.0"))).get(0);
        agent.upsert(narrowed.application());
        await("a range nothing satisfies is reported, naming the source", WAIT, () -> ready(agent).contains("no tag matches"));
        assertThat(ready(agent)).contains(REGISTRY.url("charts/web"), "\"^9.0\"", "the last good revision stays in force");
        assertThat(chartLabel()).isEqualTo("web-1.1.0");
        assertThat(agent.history("web")).hasSize(3);
      }
    }
  }

  private static ApplicationStatus status(Agent agent) {
    return agent.application("web").orElseThrow().getStatus();
  }

  private static String revision(Agent agent) {
    ApplicationStatus s = status(agent);
    return s == null || s.sync() == null ? null : s.sync().revision();
  }

  private static String ready(Agent agent) {
    ApplicationStatus s = status(agent);
    return s == null || s.conditions() == null ? "" : s.conditions().stream().filter(c -> "Ready".equals(c.getType()))
        .map(c -> c.getMessage()).findFirst().orElse("");
  }

  private static Map<String, String> revisions(Agent agent) {
    ApplicationStatus s = status(agent);
    return s == null || s.sync() == null || s.sync().revisions() == null ? Map.of() : s.sync().revisions();
  }
}
