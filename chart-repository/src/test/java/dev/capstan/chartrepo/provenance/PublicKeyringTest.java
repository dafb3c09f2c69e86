package dev.capstan.chartrepo.provenance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.capstan.chartrepo.TestCharts;
import dev.capstan.testsupport.OpenPgpTestKeys;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Keys held under several names (a Secret's keys) joined into one keyring, as the agent reads them. */
class PublicKeyringTest {
  @TempDir Path work;

  @Test
  void joinedKeyringsTrustEveryKeyOfEveryPartAndAreNamedByTheirSource() throws Exception {
    OpenPgpTestKeys alice = OpenPgpTestKeys.generate("Alice <alice@example.com>", "");
    OpenPgpTestKeys bob = OpenPgpTestKeys.generate("Bob <bob@example.com>", "");
    OpenPgpTestKeys mallory = OpenPgpTestKeys.generate("Mallory <mallory@example.com>", "");
    byte[] archive = Files.readAllBytes(TestCharts.pack(work.resolve("src"), "web", "1.0.0", work.resolve("out")));
    byte[] byBob = ProvenanceSigner.sign(archive, "web-1.0.0.tgz",
        SigningKey.load(bob.writeSecret(work.resolve("bob")), "Bob", new char[0]));
    byte[] byMallory = ProvenanceSigner.sign(archive, "web-1.0.0.tgz",
        SigningKey.load(mallory.writeSecret(work.resolve("mallory")), "Mallory", new char[0]));

    PublicKeyring joined = PublicKeyring.of("Secret shop/chart-keys", List.of(
        PublicKeyring.read(alice.publicKeyring(), "alice.gpg"), PublicKeyring.read(bob.publicKeyring(), "bob.gpg")));
    ProvenanceVerifier verifier = new ProvenanceVerifier(joined);

    assertThat(verifier.verify(archive, "web-1.0.0.tgz", byBob, "web").signedBy()).isEqualTo("Bob <bob@example.com>");
    assertThatThrownBy(() -> verifier.verify(archive, "web-1.0.0.tgz", byMallory, "web"))
        .isInstanceOf(ProvenanceException.class)
        .hasMessageEndingWith("which is not in the keyring Secret shop/chart-keys");
    assertThatThrownBy(() -> PublicKeyring.of("Secret shop/empty", List.of()))
        .isInstanceOf(ProvenanceException.class)
        .hasMessage("Secret shop/empty: provenance: holds no OpenPGP public key");
  }
}
