package dev.capstan.agent;

import static dev.capstan.agent.AgentFixture.await;
import static org.assertj.core.api.Assertions.assertThat;

import dev.capstan.agent.application.ApplicationStatus.HistoryEntry;
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

/** Folders of plain manifests, synced by the agent into a real API server as releases: selection, prune, history, drift. */
@KubeApiServerTest
class PlainManifestsIT {
  private static final Duration WAIT = Duration.ofSeconds(60);

  KubernetesClient client;
  KubeEnv env;

  private static String configMap(String name, String message) {
    return "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: " + name + "\ndata:\n  message: " + message + "\n";
  }

  private String message(String name) {
    ConfigMap cm = client.configMaps().inNamespace(env.namespace()).withName(name).get();
    return cm == null ? null : cm.getData().get("message");
  }

  private boolean exists(String name) {
    return client.configMaps().inNamespace(env.namespace()).withName(name).get() != null;
  }

  private static String app(String name, String repo, String path, String namespace, String more) {
    return """
        apiVersion: capstan.dev/v1alpha1
        kind: Application
        metadata: {name: %s}
        spec:
          source: {repoURL: "%s", ref: main, path: %s%s}
          destination: {namespace: %s}
          syncPolicy: {automated: true, prune: true, selfHeal: true, interval: 1s}
        """.formatted(name, repo, path, more, namespace);
  }

  @Test
  void aFolderOfManifestsIsSelectedAppliedPrunedAndHealedLikeAChart(@TempDir Path tmp) throws Exception {
    Upstream upstream = Upstream.create(tmp, "manifests");
    Map<String, String> files = new HashMap<>();
    files.put("site/web.yaml", configMap("web", "v1") + "---\n" + configMap("web-extra", "v1"));
    files.put("site/db/db.yaml", configMap("db", "v1"));
    files.put("site/db/db-test.yaml", configMap("db-test", "v1"));
    files.put("site/cache.json", "{\"apiVersion\": \"v1\", \"kind\": \"ConfigMap\", \"metadata\": {\"name\": \"cache\"}, \"data\": {\"message\": \"v1\"}}");
    files.put("site/README.md", "# not a manifest");
    files.put("flat/only.yaml", configMap("flat-only", "v1"));
    files.put("flat/nested/skipped.yaml", configMap("flat-skipped", "v1"));
    String first = upstream.push("two folders of manifests", files);

    try (AgentFixture fx = new AgentFixture(tmp, client)) {
      fx.load(tmp, "apps", app("site", upstream.fileUrl(), "site", env.namespace(), ", directory: {recurse: true, exclude: '*-test.yaml'}")
          + "---\n" + app("flat", upstream.fileUrl(), "flat", env.namespace(), ""));

      await("both folders applied", WAIT, () -> "v1".equals(message("web")) && "v1".equals(message("db"))
          && "v1".equals(message("cache")) && "v1".equals(message("flat-only")));
      assertThat(exists("db-test")).as("excluded by the glob").isFalse();
      assertThat(exists("flat-skipped")).as("not read without recurse").isFalse();
      await("site recorded and its pass finished", WAIT,
          () -> fx.agent.history("site").size() == 1 && "deployed".equals(fx.agent.history("site").get(0).status()));
      HistoryEntry installed = fx.agent.history("site").get(0);
      assertThat(installed.gitRevision()).isEqualTo(first);
      assertThat(installed.status()).isEqualTo("deployed");

      String second = upstream.push("drop db, change web", changes("site/db/db.yaml", null, "site/web.yaml", configMap("web", "v2")));
      await("web changed and db, web-extra pruned", WAIT, () -> "v2".equals(message("web")) && !exists("db") && !exists("web-extra"));
      await("the new commit recorded and its pass finished", WAIT,
          () -> fx.agent.history("site").size() == 2 && "deployed".equals(fx.agent.history("site").get(0).status()));
      assertThat(fx.agent.history("site")).extracting(HistoryEntry::gitRevision, HistoryEntry::status)
          .containsExactly(org.assertj.core.groups.Tuple.tuple(second, "deployed"), org.assertj.core.groups.Tuple.tuple(first, "superseded"));
      assertThat(message("cache")).isEqualTo("v1");

      client.configMaps().inNamespace(env.namespace()).withName("cache").delete();
      await("drift healed", WAIT, () -> "v1".equals(message("cache")));
    }
  }

  @Test
  void aSelectionThatMatchesNothingStopsTheAppAndPrunesNothing(@TempDir Path tmp) throws Exception {
    Upstream upstream = Upstream.create(tmp, "manifests");
    upstream.push("one manifest", Map.of("site/web.yaml", configMap("lonely", "v1")));

    try (AgentFixture fx = new AgentFixture(tmp, client)) {
      fx.load(tmp, "apps", app("lonely", upstream.fileUrl(), "site", env.namespace(), ""));
      await("applied", WAIT, () -> "v1".equals(message("lonely")));

      upstream.push("rename to txt by mistake", changes("site/web.yaml", null, "site/web.txt", configMap("lonely", "v2")));
      await("the app reports the empty folder", WAIT, () -> readyMessage(fx, "lonely").contains("no manifest files"));
      assertThat(readyMessage(fx, "lonely")).contains("site: no manifest files (.yaml, .yml, .json) selected (not recursive)");
      assertThat(message("lonely")).isEqualTo("v1");
      assertThat(fx.agent.history("lonely")).hasSize(1);
    }
  }

  /** Files to write, and to delete where the content is null. */
  private static Map<String, String> changes(String path1, String content1, String path2, String content2) {
    Map<String, String> out = new HashMap<>();
    out.put(path1, content1);
    out.put(path2, content2);
    return out;
  }

  private static String readyMessage(AgentFixture fx, String app) {
    var status = fx.agent.application(app).orElseThrow().getStatus();
    return status == null || status.conditions() == null ? "" : status.conditions().stream()
        .filter(c -> "Ready".equals(c.getType())).map(c -> c.getMessage()).findFirst().orElse("");
  }
}
