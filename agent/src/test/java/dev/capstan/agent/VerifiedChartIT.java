package dev.capstan.agent;

import static dev.capstan.agent.AgentFixture.await;
import static org.assertj.core.api.Assertions.assertThat;

import dev.capstan.agent.application.ApplicationStatus;
import dev.capstan.agent.runtime.AgentRuntime;
import dev.capstan.agent.status.StatusConditions;
import dev.capstan.chartrepo.provenance.ProvenanceSigner;
import dev.capstan.chartrepo.provenance.SigningKey;
import dev.capstan.testsupport.KubeApiServerTest;
import dev.capstan.testsupport.KubeEnv;
import dev.capstan.testsupport.OciRegistryExtension;
import dev.capstan.testsupport.OpenPgpTestKeys;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code helm install --verify} in the agent, end to end: charts pushed to a real OCI registry (the
 * CNCF distribution registry) with their provenance layer, signed with throw-away OpenPGP keys, the
 * trusted public key in a mounted Secret, a real API server. A signed chart is deployed and its status
 * names the signer; a version whose archive was changed after it was signed, and a chart signed by a
 * key the Secret does not hold, stall {@code UnverifiedChart} naming the chart, its version and why,
 * with nothing applied and the last verified version still live; a later signed version is deployed.
 */
@KubeApiServerTest
class VerifiedChartIT {
  private static final Duration WAIT = Duration.ofSeconds(60);
  private static final String SIGNER = "Chart Signer <signer@example.com>";

  @RegisterExtension
  static final OciRegistryExtension REGISTRY = OciRegistryExtension.anonymous();

  KubernetesClient client;
  KubeEnv env;

  private ConfigMap configMap(String release) {
    return client.configMaps().inNamespace(env.namespace()).withName(release + "-config").get();
  }

  private String chartLabel(String release) {
    ConfigMap cm = configMap(release);
    return cm == null ? null : cm.getMetadata().getLabels().get("chart");
  }

  /** Packages chart {@code name} at {@code version}, its ConfigMap saying {@code message}. */
  private static byte[] pack(Path tmp, String name, String version, String message) throws Exception {
    return Files.readAllBytes(RegistryCharts.pack(tmp.resolve("src/" + message + "/" + name), name, version, null,
        RegistryCharts.configMap(message), Files.createDirectories(tmp.resolve("packages/" + message))));
  }

  private static byte[] sign(Path tmp, byte[] archive, String fileName, OpenPgpTestKeys keys) {
    Path secring = keys.writeSecret(tmp.resolve("keys/" + Integer.toHexString(keys.userId().hashCode())));
    return ProvenanceSigner.sign(archive, fileName, SigningKey.load(secring, keys.userId(), new char[0]));
  }

  private static String app(String name, String ns) {
    return """
        apiVersion: capstan.dev/v1alpha1
        kind: Application
        metadata: {name: %s}
        spec:
          source: {repoURL: "%s", ref: "^1.0.0", insecure: true, verify: {mode: Provenance, secretRef: chart-keys}}
          destination: {namespace: %s}
          syncPolicy: {automated: true, interval: 1s}
        """.formatted(name, REGISTRY.url("charts/" + name), ns);
  }

  @Test
  void signedChartsAreDeployedAndTamperedOrForeignOnesStallWithTheLastGoodVersionLive(@TempDir Path tmp) throws Exception {
    OpenPgpTestKeys trusted = OpenPgpTestKeys.generate(SIGNER, "");
    OpenPgpTestKeys stranger = OpenPgpTestKeys.generate("Someone Else <else@example.com>", "");
    Files.write(Files.createDirectories(tmp.resolve("creds/chart-keys")).resolve("pubring.gpg"), trusted.publicKeyring());

    byte[] web1 = pack(tmp, "web", "1.0.0", "v1");
    String digest1 = RegistryCharts.push(REGISTRY, web1, "web-1.0.0.tgz", Optional.of(sign(tmp, web1, "web-1.0.0.tgz", trusted)));
    byte[] api1 = pack(tmp, "api", "1.0.0", "api-v1");
    RegistryCharts.push(REGISTRY, api1, "api-1.0.0.tgz", Optional.of(sign(tmp, api1, "api-1.0.0.tgz", stranger)));

    Path apps = Files.writeString(tmp.resolve("apps.yaml"), app("web", env.namespace()) + "---\n" + app("api", env.namespace()));
    var settings = AgentFixture.runtimeSettings(tmp, Map.of());
    try (AgentRuntime runtime = AgentRuntime.start(client, settings)) {
      Agent agent = runtime.agent();
      AgentFixture.load(agent, apps);

      await("the signed chart is deployed", WAIT, () -> "web-1.0.0".equals(chartLabel("web")));
      await("and its status says who signed it", WAIT, () -> condition(agent, "web", StatusConditions.READY).contains(SIGNER));
      assertThat(condition(agent, "web", StatusConditions.READY)).contains("applied 1.0.0@" + digest1.substring(0, 19),
          "chart web 1.0.0, signed by " + SIGNER + " (key ");
      assertThat(agent.history("web")).hasSize(1);
      assertThat(agent.history("web").get(0).signedBy()).as("the history entry, read back from the release Secret, names the signer")
          .matches(java.util.regex.Pattern.quote(SIGNER) + " \\(key [0-9A-F]{16,40}\\)");

      await("a chart signed by a key the Secret does not hold stalls", WAIT, () -> stalled(agent, "api") != null);
      Condition foreign = stalled(agent, "api");
      assertThat(foreign.getReason()).isEqualTo("UnverifiedChart");
      assertThat(foreign.getMessage())
          .startsWith(REGISTRY.url("charts/api") + ":1.0.0@sha256:")
          .contains(": provenance: signed by key ")
          .contains("which is not in the keyring folder " + tmp.resolve("creds/chart-keys"))
          .endsWith("; nothing is applied");
      assertThat(configMap("api")).isNull();
      assertThat(agent.history("api")).isEmpty();

      byte[] signed = pack(tmp, "web", "1.1.0", "v2");
      byte[] tampered = pack(tmp, "web", "1.1.0", "v2-tampered");
      RegistryCharts.push(REGISTRY, tampered, "web-1.1.0.tgz", Optional.of(sign(tmp, signed, "web-1.1.0.tgz", trusted)));
      await("an archive changed after it was signed stalls", WAIT, () -> stalled(agent, "web") != null);
      Condition changed = stalled(agent, "web");
      assertThat(changed.getReason()).isEqualTo("UnverifiedChart");
      assertThat(changed.getMessage())
          .startsWith(REGISTRY.url("charts/web") + ":1.1.0@sha256:")
          .contains(": provenance: the archive is sha256:")
          .contains("(the archive changed after it was signed)")
          .endsWith("; not applied; 1.0.0@" + digest1 + " stays live");
      assertThat(chartLabel("web")).isEqualTo("web-1.0.0");
      assertThat(configMap("web").getData()).containsEntry("message", "v1");
      assertThat(agent.history("web")).hasSize(1);
      assertThat(status(agent, "web").sync().revision()).isEqualTo("1.0.0@" + digest1);

      byte[] web12 = pack(tmp, "web", "1.2.0", "v3");
      String digest3 = RegistryCharts.push(REGISTRY, web12, "web-1.2.0.tgz", Optional.of(sign(tmp, web12, "web-1.2.0.tgz", trusted)));
      await("a later signed version is deployed", WAIT, () -> "web-1.2.0".equals(chartLabel("web")));
      await("and the app is no longer stalled", WAIT, () -> stalled(agent, "web") == null);
      assertThat(status(agent, "web").sync().revision()).isEqualTo("1.2.0@" + digest3);
      assertThat(agent.history("web")).hasSize(2);
      assertThat(agent.history("web").get(0).signedBy()).startsWith(SIGNER + " (key ");
    }
  }

  private static ApplicationStatus status(Agent agent, String name) {
    return agent.application(name).orElseThrow().getStatus();
  }

  private static String condition(Agent agent, String name, String type) {
    ApplicationStatus s = status(agent, name);
    return s == null || s.conditions() == null ? "" : s.conditions().stream().filter(c -> type.equals(c.getType()))
        .map(Condition::getMessage).findFirst().orElse("");
  }

  private static Condition stalled(Agent agent, String name) {
    ApplicationStatus s = status(agent, name);
    return s == null || s.conditions() == null ? null : s.conditions().stream()
        .filter(c -> StatusConditions.STALLED.equals(c.getType()) && "True".equals(c.getStatus())).findFirst().orElse(null);
  }
}
