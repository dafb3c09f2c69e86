package dev.capstan.chartrepo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.capstan.chartrepo.cache.Digest;
import dev.capstan.chartrepo.provenance.ProvenanceSigner;
import dev.capstan.chartrepo.provenance.ProvenanceVerifier;
import dev.capstan.chartrepo.provenance.PublicKeyring;
import dev.capstan.chartrepo.provenance.SigningKey;
import dev.capstan.testsupport.HelmOracle;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Provenance with keys real GnuPG made, and GnuPG as a second judge of the clear-signed format: an
 * RSA key exported from gpg signs in Capstan ({@code gpg --verify} and {@code helm verify} accept the
 * .prov) and in Helm (Capstan accepts it). Helm 3.17 reads RSA and DSA keys only (its OpenPGP library
 * answers "unsupported feature: public key type: 22" for ed25519), so ed25519, gpg's default today, is
 * checked between Capstan and gpg: each accepts the other's clear-signed .prov. Runs where {@code gpg}
 * is installed (the CI image has it); BouncyCastle-made keys are covered by {@link ProvenanceIT} everywhere.
 */
class ProvenanceGpgIT {
  @TempDir static Path dir;
  static Path gnupg;
  static Path secring;
  static Path pubring;
  static Path edSecring;
  static Path edPubring;

  @BeforeAll
  static void gpgKey() throws Exception {
    assumeTrue(onPath("gpg"), "gpg is not installed");
    gnupg = Files.createDirectories(dir.resolve("gnupg"));
    Files.setPosixFilePermissions(gnupg, PosixFilePermissions.fromString("rwx------"));
    gpg("--batch", "--pinentry-mode", "loopback", "--passphrase", "", "--quick-gen-key", "Gpg Made <gpg@example.com>",
        "rsa2048", "sign", "never");
    secring = Files.write(dir.resolve("secring.gpg"), gpg("--batch", "--pinentry-mode", "loopback", "--passphrase", "",
        "--export-secret-keys", "Gpg Made"));
    pubring = Files.write(dir.resolve("pubring.gpg"), gpg("--batch", "--export", "Gpg Made"));
    gpg("--batch", "--pinentry-mode", "loopback", "--passphrase", "", "--quick-gen-key", "Gpg Ed <ed@example.com>",
        "ed25519", "sign", "never");
    edSecring = Files.write(dir.resolve("ed-secring.gpg"), gpg("--batch", "--pinentry-mode", "loopback", "--passphrase", "",
        "--export-secret-keys", "Gpg Ed"));
    edPubring = Files.write(dir.resolve("ed-pubring.gpg"), gpg("--batch", "--armor", "--export", "Gpg Ed"));
  }

  @AfterAll
  static void stopAgent() throws Exception {
    if (gnupg != null) {
      ProcessBuilder pb = new ProcessBuilder("gpgconf", "--kill", "gpg-agent");
      pb.environment().put("GNUPGHOME", gnupg.toString());
      pb.start().waitFor(30, TimeUnit.SECONDS);
    }
  }

  @Test
  void capstanSignsWithAGpgKeyAndGpgAndHelmAgree(@TempDir Path work) throws Exception {
    Path archive = TestCharts.pack(work.resolve("src"), "web", "1.4.0", work.resolve("out"));
    byte[] prov = ProvenanceSigner.sign(Files.readAllBytes(archive), "web-1.4.0.tgz", SigningKey.load(secring, "Gpg Made", new char[0]));
    Path provFile = Files.write(archive.resolveSibling("web-1.4.0.tgz.prov"), prov);

    String gpgSays = new String(gpg("--batch", "--status-fd", "1", "--verify", provFile.toString()), StandardCharsets.UTF_8);
    assertThat(gpgSays).contains("[GNUPG:] GOODSIG ").contains("Gpg Made <gpg@example.com>");
    HelmOracle.in(work.resolve("helm")).run("verify", archive.toString(), "--keyring", pubring.toString()).ok();
  }

  @Test
  void helmSignsWithAGpgKeyAndCapstanVerifies(@TempDir Path work) throws Exception {
    Path chart = TestCharts.write(work.resolve("src"), "api", "0.3.0");
    HelmOracle.in(work.resolve("helm")).run("package", chart.toString(), "--sign", "--key", "Gpg Made", "--keyring",
        secring.toString(), "--destination", work.resolve("out").toString()).ok();
    byte[] archive = Files.readAllBytes(work.resolve("out/api-0.3.0.tgz"));
    ProvenanceVerifier.Verification v = new ProvenanceVerifier(PublicKeyring.load(pubring))
        .verify(archive, "api-0.3.0.tgz", Files.readAllBytes(work.resolve("out/api-0.3.0.tgz.prov")), "api-0.3.0.tgz");
    assertThat(v.signedBy()).isEqualTo("Gpg Made <gpg@example.com>");
    assertThat(v.archiveDigest()).isEqualTo(Digest.of(archive));
  }

  @Test
  void ed25519BetweenCapstanAndGpg(@TempDir Path work) throws Exception {
    Path archive = TestCharts.pack(work.resolve("src"), "edchart", "2.0.0", work.resolve("out"));
    byte[] bytes = Files.readAllBytes(archive);
    byte[] ours = ProvenanceSigner.sign(bytes, "edchart-2.0.0.tgz", SigningKey.load(edSecring, "Gpg Ed", new char[0]));
    Path oursFile = Files.write(work.resolve("ours.prov"), ours);
    assertThat(new String(gpg("--batch", "--status-fd", "1", "--verify", oursFile.toString()), StandardCharsets.UTF_8))
        .contains("[GNUPG:] GOODSIG ").contains("Gpg Ed <ed@example.com>");

    // gpg clear-signs the document Helm's format prescribes; Capstan parses and verifies what gpg wrote.
    String chartYaml = Files.readString(work.resolve("src/edchart-2.0.0/Chart.yaml"));
    Path text = Files.writeString(work.resolve("doc.txt"),
        dev.capstan.chartrepo.provenance.ProvenanceDocument.of(chartYaml, "edchart-2.0.0.tgz", Digest.of(bytes)).text());
    byte[] theirs = gpg("--batch", "--pinentry-mode", "loopback", "--passphrase", "", "--local-user", "Gpg Ed",
        "--digest-algo", "SHA256", "--clearsign", "--output", "-", text.toString());
    ProvenanceVerifier.Verification v = new ProvenanceVerifier(PublicKeyring.load(edPubring))
        .verify(bytes, "edchart-2.0.0.tgz", theirs, "edchart-2.0.0.tgz");
    assertThat(v.signedBy()).isEqualTo("Gpg Ed <ed@example.com>");
  }

  private static byte[] gpg(String... args) throws IOException, InterruptedException {
    List<String> command = new java.util.ArrayList<>(List.of("gpg"));
    command.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(command).redirectError(dir.resolve("gpg-err.txt").toFile());
    pb.environment().put("GNUPGHOME", gnupg.toString());
    Process p = pb.start();
    byte[] out = p.getInputStream().readAllBytes();
    if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
      throw new AssertionError("gpg " + String.join(" ", args) + " failed: " + Files.readString(dir.resolve("gpg-err.txt")));
    }
    return out;
  }

  private static boolean onPath(String binary) {
    String path = System.getenv("PATH");
    return path != null && java.util.Arrays.stream(path.split(java.io.File.pathSeparator))
        .anyMatch(d -> Files.isExecutable(Path.of(d, binary)));
  }
}
