package dev.capstan.chartrepo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.capstan.chartrepo.cache.ChartCache;
import dev.capstan.chartrepo.cache.Digest;
import dev.capstan.chartrepo.http.Credentials;
import dev.capstan.chartrepo.http.HttpTransport;
import dev.capstan.chartrepo.http.TransportOptions;
import dev.capstan.chartrepo.index.HelmRepository;
import dev.capstan.chartrepo.oci.OciReference;
import dev.capstan.chartrepo.oci.OciRegistryClient;
import dev.capstan.chartrepo.provenance.ProvenanceException;
import dev.capstan.chartrepo.provenance.ProvenanceSigner;
import dev.capstan.chartrepo.provenance.ProvenanceVerifier;
import dev.capstan.chartrepo.provenance.PublicKeyring;
import dev.capstan.chartrepo.provenance.SigningKey;
import dev.capstan.testsupport.HelmOracle;
import dev.capstan.testsupport.HelmRepositoryServer;
import dev.capstan.testsupport.OciRegistryExtension;
import dev.capstan.testsupport.OpenPgpTestKeys;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Provenance both ways with real Helm 3.17: a chart Capstan signs passes {@code helm verify} and
 * {@code helm pull --verify} from the registry; a chart {@code helm package --sign} signs passes
 * Capstan's verification from a file, a Helm repository and the registry (where {@code helm push}
 * stored the .prov as a layer). Keys are made by each run with BouncyCastle, as GnuPG keyrings.
 */
class ProvenanceIT {
  @RegisterExtension static final OciRegistryExtension REGISTRY = OciRegistryExtension.anonymous();

  @TempDir static Path keysDir;
  static OpenPgpTestKeys capstanKey;
  static OpenPgpTestKeys helmKey;

  @TempDir Path work;

  private final HttpTransport transport = HttpTransport.create(TransportOptions.defaults().withPlainHttp(true));

  @BeforeAll
  static void keys() {
    capstanKey = OpenPgpTestKeys.generate("Capstan Release <release@capstan.dev>", "");
    helmKey = OpenPgpTestKeys.generate("Helm Signer <helm@example.com>", "");
  }

  private static ProvenanceVerifier trusting(OpenPgpTestKeys keys) {
    return new ProvenanceVerifier(PublicKeyring.load(keys.writePublic(keysDir.resolve(keys.userId().split(" ")[0]))));
  }

  private byte[] capstanSigned(Path archive) throws Exception {
    SigningKey key = SigningKey.load(capstanKey.writeSecret(keysDir.resolve("capstan-secret")), "Capstan Release", new char[0]);
    byte[] prov = ProvenanceSigner.sign(Files.readAllBytes(archive), archive.getFileName().toString(), key);
    Files.write(archive.resolveSibling(archive.getFileName() + ".prov"), prov);
    return prov;
  }

  private Path helmSigned(HelmOracle helm, String name, String version, Path out) throws Exception {
    Path chart = TestCharts.write(work.resolve("src"), name, version);
    Path secring = helmKey.writeSecret(keysDir.resolve("helm-secret"));
    helm.run("package", chart.toString(), "--sign", "--key", "Helm Signer", "--keyring", secring.toString(),
        "--destination", out.toString()).ok();
    Path archive = out.resolve(name + "-" + version + ".tgz");
    assertThat(archive.resolveSibling(archive.getFileName() + ".prov")).isRegularFile();
    return archive;
  }

  @Test
  void aChartCapstanSignsPassesHelmVerify() throws Exception {
    Path archive = TestCharts.pack(work.resolve("src"), "web", "1.4.0", work.resolve("out"));
    capstanSigned(archive);
    Path pubring = capstanKey.writePublic(work.resolve("trust"));
    String verified = HelmOracle.in(work.resolve("helm")).run("verify", archive.toString(), "--keyring", pubring.toString()).ok();
    assertThat(verified).contains("Signed by: Capstan Release <release@capstan.dev>")
        .contains("Chart Hash Verified: " + Digest.of(Files.readAllBytes(archive)));

    Path otherKeys = helmKey.writePublic(work.resolve("other"));
    HelmOracle.Result wrongKey = HelmOracle.in(work.resolve("helm")).run("verify", archive.toString(), "--keyring", otherKeys.toString());
    assertThat(wrongKey.exitCode()).as("Helm refuses Capstan's signature under another key").isNotZero();
  }

  @Test
  void aChartHelmSignsPassesCapstanAndATamperedOneDoesNot() throws Exception {
    Path archive = helmSigned(HelmOracle.in(work.resolve("helm")), "api", "2.0.0", work.resolve("out"));
    byte[] bytes = Files.readAllBytes(archive);
    byte[] prov = Files.readAllBytes(archive.resolveSibling("api-2.0.0.tgz.prov"));
    ProvenanceVerifier.Verification v = trusting(helmKey).verify(bytes, "api-2.0.0.tgz", prov, archive.toString());
    assertThat(v.signedBy()).isEqualTo("Helm Signer <helm@example.com>");
    assertThat(v.archiveDigest()).isEqualTo(Digest.of(bytes));

    byte[] tampered = bytes.clone();
    tampered[100] ^= 0x20;
    assertThatThrownBy(() -> trusting(helmKey).verify(tampered, "api-2.0.0.tgz", prov, archive.toString()))
        .isInstanceOf(ProvenanceException.class)
        .hasMessageStartingWith(archive + ": provenance: the archive is " + Digest.of(tampered) + " but the .prov signs ");
    assertThatThrownBy(() -> trusting(capstanKey).verify(bytes, "api-2.0.0.tgz", prov, archive.toString()))
        .hasMessageContaining(": provenance: signed by key ").hasMessageContaining("which is not in the keyring");
  }

  @Test
  void signedChartsTravelThroughTheRegistryBothWays() throws Exception {
    HelmOracle helm = HelmOracle.in(work.resolve("helm"));
    ChartFetcher fetcher = ChartFetcher.create(transport, ChartCache.at(work.resolve("cache")));

    Path helmArchive = helmSigned(helm, "fromhelm", "1.0.0", work.resolve("helm-out"));
    helm.run("push", helmArchive.toString(), REGISTRY.url("signed"), "--plain-http").ok();
    VerifiedChart fromHelm = fetcher.fetchVerified(
        new ChartSource.Oci(OciReference.parse(REGISTRY.url("signed/fromhelm")), Credentials.NONE, "1.0.0"), trusting(helmKey));
    assertThat(fromHelm.verification().signedBy()).isEqualTo("Helm Signer <helm@example.com>");
    assertThat(fromHelm.chart().archive()).isEqualTo(Files.readAllBytes(helmArchive));

    Path ours = TestCharts.pack(work.resolve("src"), "fromcapstan", "1.1.0", work.resolve("capstan-out"));
    byte[] prov = capstanSigned(ours);
    new ChartPusher(new OciRegistryClient(transport)).push(Files.readAllBytes(ours), ours.toString(),
        OciReference.parse(REGISTRY.url("signed")), Credentials.NONE, Optional.of(prov));
    Path pulled = Files.createDirectories(work.resolve("pulled"));
    helm.run("pull", REGISTRY.url("signed/fromcapstan"), "--version", "1.1.0", "--plain-http", "--verify",
        "--keyring", capstanKey.writePublic(work.resolve("trust")).toString(), "--destination", pulled.toString()).ok();
    assertThat(pulled.resolve("fromcapstan-1.1.0.tgz.prov")).hasBinaryContent(prov);

    assertThatThrownBy(() -> fetcher.fetchVerified(
        new ChartSource.Oci(OciReference.parse(REGISTRY.url("signed/fromhelm")), Credentials.NONE, "1.0.0"), trusting(capstanKey)))
        .isInstanceOf(ProvenanceException.class)
        .hasMessageStartingWith(REGISTRY.url("signed/fromhelm:1.0.0") + ": provenance: signed by key ");
  }

  @Test
  void anUnsignedChartIsRefusedWhenVerifying() throws Exception {
    Path archive = TestCharts.pack(work.resolve("src"), "plain", "0.1.0", work.resolve("out"));
    new ChartPusher(new OciRegistryClient(transport)).push(Files.readAllBytes(archive), archive.toString(),
        OciReference.parse(REGISTRY.url("unsigned")), Credentials.NONE);
    ChartFetcher fetcher = ChartFetcher.create(transport, ChartCache.at(work.resolve("cache")));
    assertThatThrownBy(() -> fetcher.fetchVerified(
        new ChartSource.Oci(OciReference.parse(REGISTRY.url("unsigned/plain")), Credentials.NONE, "^0.1"), trusting(capstanKey)))
        .hasMessage(REGISTRY.url("unsigned/plain:0.1.0")
            + ": provenance: the chart is not signed (no plain-0.1.0.tgz.prov layer in the manifest), and --verify asks for a signed chart");
  }

  @Test
  void signedChartsFromAHelmRepository() throws Exception {
    HelmOracle helm = HelmOracle.in(work.resolve("helm"));
    Path repoDir = Files.createDirectories(work.resolve("repo"));
    helmSigned(helm, "db", "3.2.1", repoDir);
    TestCharts.pack(work.resolve("src"), "cache", "1.0.0", repoDir);
    helm.run("repo", "index", repoDir.toString()).ok();
    try (HelmRepositoryServer server = HelmRepositoryServer.serve(repoDir)) {
      ChartFetcher fetcher = ChartFetcher.create(transport, ChartCache.at(work.resolve("cache")));
      HelmRepository repo = new HelmRepository(server.url(), Credentials.NONE);
      VerifiedChart db = fetcher.fetchVerified(new ChartSource.Repository(repo, "db", "^3"), trusting(helmKey));
      assertThat(db.verification().fileName()).isEqualTo("db-3.2.1.tgz");
      assertThat(db.chart().resolved().version()).isEqualTo("3.2.1");

      assertThatThrownBy(() -> fetcher.fetchVerified(new ChartSource.Repository(repo, "cache", ""), trusting(helmKey)))
          .hasMessage(server.url().resolve("cache-1.0.0.tgz")
              + ": provenance: the chart is not signed (no cache-1.0.0.tgz.prov), and --verify asks for a signed chart");
    }
  }
}
