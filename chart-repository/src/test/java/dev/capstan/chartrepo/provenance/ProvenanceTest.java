package dev.capstan.chartrepo.provenance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.capstan.chartrepo.TestCharts;
import dev.capstan.chartrepo.cache.Digest;
import dev.capstan.testsupport.OpenPgpTestKeys;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Signing and verifying .prov files with keys made on the fly: what holds, and each way it does not. */
class ProvenanceTest {
  @TempDir static Path work;
  static OpenPgpTestKeys alice;
  static OpenPgpTestKeys mallory;
  static byte[] archive;

  @BeforeAll
  static void keys() throws Exception {
    alice = OpenPgpTestKeys.generate("Alice Signer <alice@example.com>", "");
    mallory = OpenPgpTestKeys.generate("Mallory <mallory@example.com>", "");
    archive = Files.readAllBytes(TestCharts.pack(work.resolve("src"), "web", "1.4.0", work.resolve("out")));
  }

  private static SigningKey aliceKey() {
    return SigningKey.load(alice.writeSecret(work.resolve("alice")), "Alice", new char[0]);
  }

  private static ProvenanceVerifier verifier(OpenPgpTestKeys keys) {
    return new ProvenanceVerifier(PublicKeyring.read(keys.publicKeyring(), "pubring.gpg"));
  }

  @Test
  void aSignedArchiveVerifiesAndSaysWhoSigned() {
    byte[] prov = ProvenanceSigner.sign(archive, "web-1.4.0.tgz", aliceKey());
    String text = new String(prov, StandardCharsets.UTF_8);
    assertThat(text).startsWith("-----BEGIN PGP SIGNED MESSAGE-----\nHash: SHA512\n\napiVersion: v2\nname: web\n")
        .contains("\n...\nfiles:\n  web-1.4.0.tgz: " + Digest.of(archive) + "\n-----BEGIN PGP SIGNATURE-----\n")
        .endsWith("-----END PGP SIGNATURE-----\n");

    ProvenanceVerifier.Verification v = verifier(alice).verify(archive, "web-1.4.0.tgz", prov, "web-1.4.0.tgz");
    assertThat(v.signedBy()).isEqualTo("Alice Signer <alice@example.com>");
    assertThat(v.archiveDigest()).isEqualTo(Digest.of(archive));
    assertThat(v.keyFingerprint()).hasSize(40);
  }

  @Test
  void aTamperedArchiveIsRefusedWithBothDigests() {
    byte[] prov = ProvenanceSigner.sign(archive, "web-1.4.0.tgz", aliceKey());
    byte[] tampered = archive.clone();
    tampered[tampered.length / 2] ^= 1;
    assertThatThrownBy(() -> verifier(alice).verify(tampered, "web-1.4.0.tgz", prov, "web-1.4.0.tgz"))
        .isInstanceOf(ProvenanceException.class)
        .hasMessage("web-1.4.0.tgz: provenance: the archive is " + Digest.of(tampered) + " but the .prov signs "
            + Digest.of(archive) + " for web-1.4.0.tgz (the archive changed after it was signed)");
  }

  @Test
  void aSignatureByAnotherKeyIsRefused() {
    byte[] prov = ProvenanceSigner.sign(archive, "web-1.4.0.tgz", aliceKey());
    assertThatThrownBy(() -> verifier(mallory).verify(archive, "web-1.4.0.tgz", prov, "web-1.4.0.tgz"))
        .hasMessageStartingWith("web-1.4.0.tgz: provenance: signed by key ")
        .hasMessageEndingWith(", which is not in the keyring pubring.gpg")
        .satisfies(e -> assertThat(((ProvenanceException) e).reason()).isEqualTo(ProvenanceException.Reason.UNKNOWN_KEY));
  }

  @Test
  void anAlteredSignedTextIsRefused() {
    String prov = new String(ProvenanceSigner.sign(archive, "web-1.4.0.tgz", aliceKey()), StandardCharsets.UTF_8);
    String forged = prov.replace("description: A test chart", "description: A forged chart");
    assertThat(forged).isNotEqualTo(prov);
    assertThatThrownBy(() -> verifier(alice).verify(archive, "web-1.4.0.tgz", forged, "web-1.4.0.tgz"))
        .hasMessageStartingWith("web-1.4.0.tgz: provenance: the signature by key ")
        .hasMessageEndingWith(" does not match the signed text (the .prov was altered)");
  }

  @Test
  void aProvForAnotherFileNameIsRefused() {
    byte[] prov = ProvenanceSigner.sign(archive, "web-1.4.0.tgz", aliceKey());
    assertThatThrownBy(() -> verifier(alice).verify(archive, "other-1.0.0.tgz", prov, "other"))
        .hasMessage("other: provenance: the .prov signs no file named other-1.0.0.tgz (it names web-1.4.0.tgz)");
  }

  @Test
  void malformedAndOversizeProvenanceAreOneLine() {
    assertThatThrownBy(() -> verifier(alice).verify(archive, "web-1.4.0.tgz", "hello\n", "web"))
        .hasMessage("web: provenance: not an OpenPGP clear-signed message (no -----BEGIN PGP SIGNED MESSAGE----- line)");
    assertThatThrownBy(() -> verifier(alice).verify(archive, "web-1.4.0.tgz",
        "-----BEGIN PGP SIGNED MESSAGE-----\nHash: SHA512\n\nname: web\n", "web"))
        .hasMessage("web: provenance: the clear-signed message has no -----BEGIN PGP SIGNATURE----- block");
    byte[] huge = new byte[ProvenanceVerifier.MAX_PROVENANCE_BYTES + 1];
    assertThatThrownBy(() -> verifier(alice).verify(archive, "web-1.4.0.tgz", huge, "web"))
        .hasMessage("web: provenance: the .prov is 1048577 bytes, more than 1048576 allowed");
  }

  @Test
  void aPassphraseProtectedKeyNeedsItsPassphrase() {
    OpenPgpTestKeys locked = OpenPgpTestKeys.generate("Locked <locked@example.com>", "open sesame");
    Path secring = locked.writeSecret(work.resolve("locked"));
    assertThatThrownBy(() -> SigningKey.load(secring, "Locked", new char[0]))
        .hasMessage("--keyring " + secring + ": provenance: cannot unlock the key \"Locked\": it needs a passphrase (--passphrase-file)");
    assertThatThrownBy(() -> SigningKey.load(secring, "Locked", "wrong".toCharArray()))
        .hasMessageEndingWith("cannot unlock the key \"Locked\": wrong passphrase");
    assertThatThrownBy(() -> SigningKey.load(secring, "Nobody", new char[0]))
        .hasMessage("--keyring " + secring + ": provenance: no secret key matches --key \"Nobody\"");
    byte[] prov = ProvenanceSigner.sign(archive, "web-1.4.0.tgz", SigningKey.load(secring, "Locked", "open sesame".toCharArray()));
    assertThat(verifier(locked).verify(archive, "web-1.4.0.tgz", prov, "web").signedBy()).isEqualTo("Locked <locked@example.com>");
  }

  @Test
  void aChartYamlThatWouldEndTheChartPartEarlyIsNotSigned() {
    assertThatThrownBy(() -> ProvenanceSigner.sign(archive, "web-1.4.0.tgz", "name: web\n...\nversion: 1.0.0\n", aliceKey()))
        .hasMessage("web-1.4.0.tgz: provenance: Chart.yaml contains a \"...\" line, which would end the chart part of the .prov: "
            + "remove it to sign");
  }

  @Test
  void aKeyringThatIsNotOneIsOneLine() throws Exception {
    Path bogus = Files.writeString(work.resolve("bogus.gpg"), "not a key\n");
    assertThatThrownBy(() -> PublicKeyring.load(bogus)).hasMessageStartingWith("--keyring " + bogus + ": provenance: ");
    assertThatThrownBy(() -> PublicKeyring.load(work.resolve("absent.gpg")))
        .hasMessage("--keyring " + work.resolve("absent.gpg") + ": provenance: no such file");
  }
}
