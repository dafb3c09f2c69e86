package dev.capstan.agent;

import static dev.capstan.agent.AgentFixture.await;
import static org.assertj.core.api.Assertions.assertThat;

import dev.capstan.agent.application.ApplicationStatus;
import dev.capstan.agent.runtime.AgentRuntime;
import dev.capstan.git.testing.Upstream;
import dev.capstan.testsupport.HelmOracle;
import dev.capstan.testsupport.HelmRepositoryServer;
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
 * A chart kept in Git with its Chart.yaml dependencies and the Chart.lock real Helm wrote, but no
 * {@code charts/*.tgz}: the agent fetches the locked version from a Helm repository (a real HTTP
 * server with an index from {@code helm repo index}) through its chart cache and renders with it. A
 * later render takes the archive from the cache; a lock out of sync with Chart.yaml and an archive
 * that no longer matches the index's digest each stall the Application with nothing applied. A
 * dependency in an OCI registry (the CNCF distribution registry, the chart pushed by {@code helm push},
 * the lock from {@code helm dependency update}) is pulled the same way.
 */
@KubeApiServerTest
class LockedDependenciesIT {
  private static final Duration WAIT = Duration.ofSeconds(60);

  @RegisterExtension
  static final OciRegistryExtension REGISTRY = OciRegistryExtension.anonymous();

  KubernetesClient client;
  KubeEnv env;

  /** The dependency: a ConfigMap named after the release, labelled with its chart version. */
  private static void publish(Path tmp, Path repoDir, String version, String template) throws Exception {
    RegistryCharts.pack(tmp.resolve("src/web-" + version), "web", version, "message: from-web\n", template, repoDir);
  }

  private static final String WEB = """
      apiVersion: v1
      kind: ConfigMap
      metadata:
        name: {{ .Release.Name }}-web
        labels:
          chart: {{ .Chart.Name }}-{{ .Chart.Version }}
      data:
        message: {{ .Values.message | quote }}
      """;

  private static String chartYaml(String range, String repoUrl) {
    return """
        apiVersion: v2
        name: app
        version: 1.0.0
        dependencies:
          - name: web
            version: "%s"
            repository: %s
        """.formatted(range, repoUrl);
  }

  private ConfigMap configMap() {
    return client.configMaps().inNamespace(env.namespace()).withName("app-web").get();
  }

  private String data(String key) {
    ConfigMap cm = configMap();
    return cm == null ? null : cm.getData().get(key);
  }

  private String chartLabel() {
    ConfigMap cm = configMap();
    return cm == null ? null : cm.getMetadata().getLabels().get("chart");
  }

  @Test
  void aChartWithOnlyItsLockGetsItsDependencyThroughTheCacheAndABadLockOrArchiveStalls(@TempDir Path tmp) throws Exception {
    Path repoDir = Files.createDirectories(tmp.resolve("repo"));
    publish(tmp, repoDir, "1.0.0", WEB);
    HelmOracle helm = HelmOracle.in(tmp.resolve("helm"));
    helm.run("repo", "index", repoDir.toString()).ok();
    try (HelmRepositoryServer repo = HelmRepositoryServer.serve(repoDir)) {
      String repoUrl = repo.url().toString().replaceAll("/$", "");
      helm.run("repo", "add", "deps", repoUrl).ok();

      // The chart as a team keeps it: Chart.yaml, the Chart.lock `helm dependency update` wrote, no charts/.
      Path work = Files.createDirectories(tmp.resolve("work/app/templates")).getParent();
      Files.writeString(work.resolve("Chart.yaml"), chartYaml("^1.0.0", repoUrl));
      Files.writeString(work.resolve("values.yaml"), "web:\n  message: from-app-v1\n");
      helm.run("dependency", "update", work.toString()).ok();
      String lock100 = Files.readString(work.resolve("Chart.lock"));
      assertThat(lock100).contains("version: 1.0.0");
      int helmDownloads = repo.requests("/web-1.0.0.tgz", 200);
      Upstream charts = Upstream.create(tmp, "charts");
      charts.push("app chart, locked", Map.of("charts/app/Chart.yaml", chartYaml("^1.0.0", repoUrl),
          "charts/app/Chart.lock", lock100, "charts/app/values.yaml", "web:\n  message: from-app-v1\n",
          "charts/app/templates/NOTES.txt", "app\n"));

      Path apps = Files.writeString(tmp.resolve("apps.yaml"), """
          apiVersion: capstan.dev/v1alpha1
          kind: Application
          metadata: {name: app}
          spec:
            source: {repoURL: "%s", path: charts/app, ref: main}
            destination: {namespace: %s}
            syncPolicy: {automated: true, interval: 1s}
          """.formatted(charts.fileUrl(), env.namespace()));
      var settings = AgentFixture.runtimeSettings(tmp, Map.of());
      try (AgentRuntime runtime = AgentRuntime.start(client, settings)) {
        Agent agent = runtime.agent();
        AgentFixture.load(agent, apps);

        await("the locked dependency's objects land", WAIT, () -> "from-app-v1".equals(data("message")));
        assertThat(chartLabel()).isEqualTo("web-1.0.0");
        assertThat(repo.requests("/web-1.0.0.tgz", 200)).as("one download besides Helm's").isEqualTo(helmDownloads + 1);

        charts.push("app says v2", Map.of("charts/app/values.yaml", "web:\n  message: from-app-v2\n"));
        await("a values commit renders again", WAIT, () -> "from-app-v2".equals(data("message")));
        assertThat(repo.requests("/web-1.0.0.tgz", 200)).as("the unchanged lock is served from the cache")
            .isEqualTo(helmDownloads + 1);
        int revisions = agent.history("app").size();

        charts.push("widen the range, forget the lock", Map.of("charts/app/Chart.yaml", chartYaml(">=1.0.0", repoUrl),
            "charts/app/values.yaml", "web:\n  message: from-app-v3\n"));
        await("a stale lock stalls the app", WAIT, () -> stalled(agent).contains("out of sync"));
        assertThat(stalled(agent)).contains("charts/app/Chart.lock: out of sync with the dependencies in Chart.yaml", "stays live");
        assertThat(data("message")).isEqualTo("from-app-v2");
        assertThat(agent.history("app")).hasSize(revisions);

        // 1.1.0 is published and locked as Helm locks it; then its archive in the repository is replaced.
        publish(tmp, repoDir, "1.1.0", WEB);
        helm.run("repo", "index", repoDir.toString()).ok();
        Files.writeString(work.resolve("Chart.yaml"), chartYaml("^1.1.0", repoUrl));
        helm.run("dependency", "update", work.toString()).ok();
        String lock110 = Files.readString(work.resolve("Chart.lock"));
        assertThat(lock110).contains("version: 1.1.0");
        Path tampered = tmp.resolve("tampered");
        Files.createDirectories(tampered);
        publish(tmp.resolve("evil"), tampered, "1.1.0", WEB.replace("{{ .Values.message | quote }}", "\"tampered\""));
        Files.copy(tampered.resolve("web-1.1.0.tgz"), repoDir.resolve("web-1.1.0.tgz"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);

        charts.push("lock web 1.1.0", Map.of("charts/app/Chart.yaml", chartYaml("^1.1.0", repoUrl), "charts/app/Chart.lock", lock110));
        await("a tampered archive stalls the app", WAIT, () -> stalled(agent).contains("digest mismatch"));
        assertThat(stalled(agent)).contains("charts/app/Chart.lock", "web-1.1.0.tgz", "stays live");
        assertThat(data("message")).isEqualTo("from-app-v2");
        assertThat(chartLabel()).isEqualTo("web-1.0.0");
        assertThat(agent.history("app")).hasSize(revisions);
      }
    }
  }

  @Test
  void aLockedOciDependencyIsPulledFromTheRegistry(@TempDir Path tmp) throws Exception {
    Path packages = Files.createDirectories(tmp.resolve("packages"));
    publish(tmp, packages, "1.0.0", WEB);
    HelmOracle helm = HelmOracle.in(tmp.resolve("helm"));
    String registry = REGISTRY.url("deps");
    helm.run("push", packages.resolve("web-1.0.0.tgz").toString(), registry, "--plain-http").ok();

    // Chart.yaml names the registry; the lock is what `helm dependency update` wrote from it; no charts/.
    Path work = Files.createDirectories(tmp.resolve("work/app/templates")).getParent();
    Files.writeString(work.resolve("Chart.yaml"), chartYaml("1.0.0", registry));
    helm.run("dependency", "update", work.toString(), "--plain-http").ok();
    String lock = Files.readString(work.resolve("Chart.lock"));
    assertThat(lock).contains("repository: " + registry, "version: 1.0.0");
    Upstream charts = Upstream.create(tmp, "charts");
    charts.push("app chart, locked to the registry", Map.of("charts/app/Chart.yaml", chartYaml("1.0.0", registry),
        "charts/app/Chart.lock", lock, "charts/app/values.yaml", "web:\n  message: from-oci\n", "charts/app/templates/NOTES.txt", "app\n"));

    Path apps = Files.writeString(tmp.resolve("apps.yaml"), """
        apiVersion: capstan.dev/v1alpha1
        kind: Application
        metadata: {name: app}
        spec:
          source: {repoURL: "%s", path: charts/app, ref: main, insecure: true}
          destination: {namespace: %s}
          syncPolicy: {automated: true, interval: 1s}
        """.formatted(charts.fileUrl(), env.namespace()));
    var settings = AgentFixture.runtimeSettings(tmp, Map.of());
    try (AgentRuntime runtime = AgentRuntime.start(client, settings)) {
      Agent agent = runtime.agent();
      AgentFixture.load(agent, apps);
      await("the locked OCI dependency's objects land", WAIT, () -> "from-oci".equals(data("message")));
      assertThat(chartLabel()).isEqualTo("web-1.0.0");
      assertThat(stalled(agent)).isEmpty();
    }
  }

  /** The Stalled condition's message, when it is true. */
  private static String stalled(Agent agent) {
    ApplicationStatus s = agent.application("app").orElseThrow().getStatus();
    return s == null || s.conditions() == null ? "" : s.conditions().stream()
        .filter(c -> "Stalled".equals(c.getType()) && "True".equals(c.getStatus()))
        .map(c -> c.getMessage()).findFirst().orElse("");
  }
}
