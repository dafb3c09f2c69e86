package dev.capstan.agent.cluster;

import static dev.capstan.agent.AgentFixture.await;
import static dev.capstan.agent.cluster.ClusterAgent.status;
import static org.assertj.core.api.Assertions.assertThat;

import dev.capstan.agent.application.AgentPolicy;
import dev.capstan.agent.application.ApplicationStatus;
import dev.capstan.agent.runtime.AgentRuntime;
import dev.capstan.agent.status.StatusConditions;
import dev.capstan.chart.ChartPackager;
import dev.capstan.chartrepo.ChartPusher;
import dev.capstan.chartrepo.http.Credentials;
import dev.capstan.chartrepo.http.HttpTransport;
import dev.capstan.chartrepo.http.TransportOptions;
import dev.capstan.chartrepo.oci.OciReference;
import dev.capstan.chartrepo.oci.OciRegistryClient;
import dev.capstan.chartrepo.provenance.ProvenanceSigner;
import dev.capstan.chartrepo.provenance.SigningKey;
import dev.capstan.testsupport.KubeApiServerTest;
import dev.capstan.testsupport.KubeEnv;
import dev.capstan.testsupport.OciRegistryExtension;
import dev.capstan.testsupport.OpenPgpTestKeys;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.bouncycastle.bcpg.ArmoredOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Signed charts in cluster mode: the trusted keys are a Secret in the Application's namespace, read
 * through the API ({@code gpg --armor --export} under any key name), and the status is the
 * Application resource's. A chart signed by a key the Secret does not hold stalls
 * {@code UnverifiedChart} with nothing applied; once the Secret holds the signer's key, the next poll
 * verifies and deploys it, and the status names the signer.
 */
@KubeApiServerTest
class VerifiedChartClusterIT {
  private static final Duration WAIT = Duration.ofSeconds(60);
  private static final String SIGNER = "Release Bot <release@example.com>";

  @RegisterExtension
  static final OciRegistryExtension REGISTRY = OciRegistryExtension.anonymous();

  KubernetesClient client;
  KubeEnv env;

  @BeforeEach
  void crd() throws Exception {
    ClusterAgent.installCrd(client);
  }

  private static String armored(byte[] publicKeyring) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ArmoredOutputStream armor = ArmoredOutputStream.builder().build(out)) {
      armor.write(publicKeyring);
    }
    return out.toString(StandardCharsets.US_ASCII);
  }

  private void keys(String ns, Map<String, String> keys) {
    client.secrets().inNamespace(ns).resource(new SecretBuilder().withNewMetadata().withName("chart-keys").endMetadata()
        .withStringData(keys).build()).createOr(existing -> existing.update());
  }

  private static void pushSigned(Path tmp, OpenPgpTestKeys signer) throws Exception {
    Path dir = Files.createDirectories(tmp.resolve("src/web/templates"));
    Files.writeString(dir.resolveSibling("Chart.yaml"), "apiVersion: v2\nname: web\nversion: 1.0.0\n");
    Files.writeString(dir.resolve("configmap.yaml"), """
        apiVersion: v1
        kind: ConfigMap
        metadata: {name: {{ .Release.Name }}-config}
        data: {message: signed}
        """);
    byte[] archive = Files.readAllBytes(ChartPackager.pack(dir.getParent(), Files.createDirectories(tmp.resolve("packages"))));
    SigningKey key = SigningKey.load(signer.writeSecret(tmp.resolve("gnupg")), signer.userId(), new char[0]);
    byte[] prov = ProvenanceSigner.sign(archive, "web-1.0.0.tgz", key);
    OciRegistryClient registry = new OciRegistryClient(HttpTransport.create(TransportOptions.defaults().withPlainHttp(true)));
    new ChartPusher(registry).push(archive, "web-1.0.0.tgz", OciReference.parse(REGISTRY.url("charts")), Credentials.NONE,
        Optional.of(prov));
  }

  private Condition condition(String ns, String type) {
    ApplicationStatus s = status(client, ns, "web");
    return s == null || s.conditions() == null ? null : s.conditions().stream()
        .filter(c -> type.equals(c.getType()) && "True".equals(c.getStatus())).findFirst().orElse(null);
  }

  private ConfigMap configMap(String ns) {
    return client.configMaps().inNamespace(ns).withName("web-config").get();
  }

  @Test
  void theKeysComeFromASecretThroughTheApiAndARotatedSecretIsTakenAtTheNextPoll(@TempDir Path tmp) throws Exception {
    String ns = env.newNamespace("signed-charts");
    OpenPgpTestKeys signer = OpenPgpTestKeys.generate(SIGNER, "");
    OpenPgpTestKeys other = OpenPgpTestKeys.generate("Other Team <other@example.com>", "");
    pushSigned(tmp, signer);
    keys(ns, Map.of("other.asc", armored(other.publicKeyring())));

    var settings = new AgentRuntime.Settings(tmp.resolve("cache"), tmp.resolve("creds"), AgentPolicy.permissive(), 1, "127.0.0.1", 0,
        true, Map.of("POD_NAMESPACE", ns));
    try (AgentRuntime runtime = AgentRuntime.start(env.server().newClient(ns), settings);
        ApplicationWatcher watcher = ApplicationWatcher.start(env.server().newClient(ns), ns, runtime.agent())) {
      runtime.agent().markReady();
      ClusterAgent.create(client, ns, """
          apiVersion: capstan.dev/v1alpha1
          kind: Application
          metadata: {name: web}
          spec:
            source: {repoURL: "%s", ref: "1.0.0", insecure: true, verify: {mode: Provenance, secretRef: chart-keys}}
            destination: {namespace: %s}
            syncPolicy: {automated: true, interval: 1s}
          """.formatted(REGISTRY.url("charts/web"), ns));

      await("a chart signed by a key the Secret does not hold stalls", WAIT, () -> condition(ns, StatusConditions.STALLED) != null);
      Condition stalled = condition(ns, StatusConditions.STALLED);
      assertThat(stalled.getReason()).isEqualTo("UnverifiedChart");
      assertThat(stalled.getMessage()).startsWith(REGISTRY.url("charts/web") + ":1.0.0@sha256:")
          .contains("provenance: signed by key ", "which is not in the keyring Secret " + ns + "/chart-keys")
          .endsWith("; nothing is applied");
      assertThat(configMap(ns)).isNull();

      keys(ns, Map.of("other.asc", armored(other.publicKeyring()), "release-bot.asc", armored(signer.publicKeyring())));

      await("the rotated Secret lets the chart through", WAIT, () -> configMap(ns) != null);
      assertThat(configMap(ns).getData()).containsEntry("message", "signed");
      await("and the status names the signer", WAIT, () -> condition(ns, StatusConditions.READY) != null);
      assertThat(condition(ns, StatusConditions.READY).getMessage()).contains("(chart web 1.0.0, signed by " + SIGNER + " (key ");
      assertThat(condition(ns, StatusConditions.STALLED)).isNull();
    }
  }
}
