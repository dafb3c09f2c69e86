package dev.capstan.agent.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.capstan.agent.application.Application;
import dev.capstan.agent.application.ApplicationException;
import dev.capstan.chart.ChartPackager;
import dev.capstan.chartrepo.ResolvedChart;
import dev.capstan.chartrepo.cache.ChartCache;
import dev.capstan.chartrepo.provenance.ProvenanceException;
import dev.capstan.chartrepo.provenance.ProvenanceSigner;
import dev.capstan.chartrepo.provenance.ProvenanceVerifier.Verification;
import dev.capstan.chartrepo.provenance.SigningKey;
import dev.capstan.testsupport.HelmOracle;
import dev.capstan.testsupport.HelmRepositoryServer;
import dev.capstan.testsupport.OpenPgpTestKeys;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Chart sources with {@code verify} against a Helm repository (Jetty serving archives, {@code .prov}
 * files and an {@code index.yaml} by real {@code helm repo index}), keys in mounted Secrets: a signed
 * chart verifies and names its signer; an unsigned one, or one signed by a key the Secret does not
 * hold, is refused naming the chart, even when the archive is already in the chart cache from a
 * fetch without {@code verify}; polls of a verified chart do not download its {@code .prov} again,
 * but a changed keyring checks it afresh.
 */
class ChartProvenanceIT {
  @TempDir static Path work;
  static HelmRepositoryServer server;
  static OpenPgpTestKeys trusted;
  static OpenPgpTestKeys stranger;

  @BeforeAll
  static void serve() throws Exception {
    trusted = OpenPgpTestKeys.generate("Chart Signer <signer@example.com>", "");
    stranger = OpenPgpTestKeys.generate("Someone Else <else@example.com>", "");
    Path repo = Files.createDirectories(work.resolve("repo"));
    sign(pack(repo, "web", "1.0.0"), trusted);
    sign(pack(repo, "api", "1.0.0"), stranger);
    pack(repo, "plain", "1.0.0");
    HelmOracle.in(work.resolve("helm")).run("repo", "index", repo.toString()).ok();
    server = HelmRepositoryServer.serve(repo);
    Files.write(Files.createDirectories(work.resolve("credentials/chart-keys")).resolve("signer.gpg"), trusted.publicKeyring());
    Files.write(Files.createDirectories(work.resolve("credentials/other-keys")).resolve("else.gpg"), stranger.publicKeyring());
    Files.writeString(Files.createDirectories(work.resolve("credentials/not-keys")).resolve("signer.asc"), "not a key\n");
  }

  @AfterAll
  static void stop() throws Exception {
    server.close();
  }

  private static Path pack(Path repo, String name, String version) throws Exception {
    Path dir = Files.createDirectories(work.resolve("src/" + name + "-" + version + "/templates"));
    Files.writeString(dir.resolveSibling("Chart.yaml"), "apiVersion: v2\nname: " + name + "\nversion: " + version + "\n");
    Files.writeString(dir.resolve("cm.yaml"), "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: " + name + "}\n");
    return ChartPackager.pack(dir.getParent(), repo);
  }

  private static void sign(Path archive, OpenPgpTestKeys keys) throws Exception {
    Path secring = keys.writeSecret(work.resolve("keys/" + keys.userId().hashCode()));
    SigningKey key = SigningKey.load(secring, keys.userId(), new char[0]);
    String name = archive.getFileName().toString();
    Files.write(archive.resolveSibling(name + ".prov"), ProvenanceSigner.sign(Files.readAllBytes(archive), name, key));
  }

  private static RepositoryChartSources sources(Path cache) {
    return new RepositoryChartSources(ChartCache.at(cache.resolve("charts")), new FolderSecrets(work.resolve("credentials")),
        cache.resolve("cas"));
  }

  private static Application app(String chart, String verify) {
    return FakeWorld.app("web", "source: {repoURL: \"" + server.url() + "\", chart: " + chart + ", ref: \"1.0.0\""
        + (verify == null ? "" : ", verify: " + verify) + "}");
  }

  private static Verification verify(RepositoryChartSources sources, Application app) {
    ResolvedChart resolved = sources.resolve(app, app.getSpec().source(), Duration.ZERO);
    return sources.verify(app, app.getSpec().source(), resolved);
  }

  @Test
  void aSignedChartVerifiesAndNamesItsSignerAndPollsDoNotFetchTheProvAgain(@TempDir Path cache) {
    RepositoryChartSources sources = sources(cache);
    Application app = app("web", "{mode: Provenance, secretRef: chart-keys}");
    int before = server.requests("/web-1.0.0.tgz.prov");

    Verification v = verify(sources, app);
    Verification again = verify(sources, app);

    assertThat(v.signedBy()).isEqualTo("Chart Signer <signer@example.com>");
    assertThat(v.fileName()).isEqualTo("web-1.0.0.tgz");
    assertThat(again).isEqualTo(v);
    assertThat(server.requests("/web-1.0.0.tgz.prov") - before).as(".prov downloads for two polls of one version").isEqualTo(1);
    assertThat(sources.load(app, app.getSpec().source(), sources.resolve(app, app.getSpec().source(), Duration.ZERO))
        .metadata().name()).isEqualTo("web");
    assertThat(server.requests("/web-1.0.0.tgz.prov") - before).as("the render verifies the bytes it loads").isEqualTo(2);
  }

  @Test
  void aModeLeftOutMeansProvenanceOnAChartSource(@TempDir Path cache) {
    Application app = app("api", "{secretRef: chart-keys}");

    assertThat(app.getSpec().source().verifiesProvenance()).isTrue();
    assertThatThrownBy(() -> verify(sources(cache), app)).isInstanceOf(ProvenanceException.class);
  }

  /** The archive in the cache from a fetch without verify does not stand in for a verification. */
  @Test
  void aChartCachedUnverifiedIsStillVerifiedWhenVerifyIsAsked(@TempDir Path cache) {
    RepositoryChartSources sources = sources(cache);
    Application open = app("api", null);
    ResolvedChart resolved = sources.resolve(open, open.getSpec().source(), Duration.ZERO);
    assertThat(sources.load(open, open.getSpec().source(), resolved).metadata().name()).isEqualTo("api");
    assertThat(cache.resolve("charts/sha256/" + resolved.digest().orElseThrow().hex() + ".tgz")).exists();

    Application verified = app("api", "{mode: Provenance, secretRef: chart-keys}");
    assertThatThrownBy(() -> verify(sources, verified))
        .isInstanceOf(ProvenanceException.class)
        .hasMessageStartingWith(server.url() + "api-1.0.0.tgz: provenance: signed by key ")
        .hasMessageEndingWith("which is not in the keyring folder " + work.resolve("credentials/chart-keys"))
        .satisfies(e -> assertThat(((ProvenanceException) e).reason()).isEqualTo(ProvenanceException.Reason.UNKNOWN_KEY));
    assertThatThrownBy(() -> sources.load(verified, verified.getSpec().source(), resolved))
        .as("nor does it when loaded for a render").isInstanceOf(ProvenanceException.class);

    Application byItsSigner = app("api", "{secretRef: other-keys}");
    assertThat(verify(sources, byItsSigner).signedBy()).isEqualTo("Someone Else <else@example.com>");
  }

  @Test
  void anUnsignedChartIsRefusedNamingIt(@TempDir Path cache) {
    Application app = app("plain", "{mode: Provenance, secretRef: chart-keys}");

    assertThatThrownBy(() -> verify(sources(cache), app))
        .isInstanceOf(ProvenanceException.class)
        .hasMessage(server.url() + "plain-1.0.0.tgz: provenance: the chart is not signed (no plain-1.0.0.tgz.prov), "
            + "and --verify asks for a signed chart");
  }

  /** A keyring remembered as verifying a chart says nothing about another keyring: a changed Secret checks it again. */
  @Test
  void aChangedKeyringVerifiesAgain(@TempDir Path cache) throws Exception {
    Path folder = Files.createDirectories(work.resolve("credentials/rotating"));
    Files.write(folder.resolve("signer.gpg"), trusted.publicKeyring());
    RepositoryChartSources sources = sources(cache);
    Application app = app("web", "{secretRef: rotating}");
    assertThat(verify(sources, app).signedBy()).isEqualTo("Chart Signer <signer@example.com>");

    Files.delete(folder.resolve("signer.gpg"));
    Files.write(folder.resolve("else.gpg"), stranger.publicKeyring());

    assertThatThrownBy(() -> verify(sources, app)).isInstanceOf(ProvenanceException.class).hasMessageContaining("not in the keyring");
  }

  @Test
  void aSecretWithoutUsableKeysNamesTheFieldAndTheKey(@TempDir Path cache) {
    Application app = app("web", "{mode: Provenance, secretRef: not-keys}");

    assertThatThrownBy(() -> verify(sources(cache), app))
        .isInstanceOf(ApplicationException.class)
        .hasMessageStartingWith("spec.source.verify.secretRef: folder " + work.resolve("credentials/not-keys") + ": key \"signer.asc\": ")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
  }
}
