package dev.capstan.git.verify;

import dev.capstan.git.GitSyncException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Optional;
import org.bouncycastle.openpgp.PGPException;
import org.bouncycastle.openpgp.PGPPublicKey;
import org.bouncycastle.openpgp.PGPPublicKeyRingCollection;
import org.bouncycastle.openpgp.PGPUtil;
import org.bouncycastle.openpgp.operator.bc.BcKeyFingerprintCalculator;

/** Trusted OpenPGP public keys, read from an exported keyring file ({@code gpg --export [--armor]}). */
final class OpenPgpKeyring {
  private final Path file;
  private final PGPPublicKeyRingCollection keys;

  private OpenPgpKeyring(Path file, PGPPublicKeyRingCollection keys) {
    this.file = file;
    this.keys = keys;
  }

  static OpenPgpKeyring load(Path file) {
    try (InputStream in = PGPUtil.getDecoderStream(Files.newInputStream(file))) {
      return new OpenPgpKeyring(file, new PGPPublicKeyRingCollection(in, new BcKeyFingerprintCalculator()));
    } catch (IOException | PGPException e) {
      throw new GitSyncException(file.toString(), "cannot read OpenPGP keyring: " + e.getMessage());
    }
  }

  Path file() {
    return file;
  }

  Optional<PGPPublicKey> find(long keyId) {
    return Optional.ofNullable(keys.getPublicKey(keyId));
  }

  /** The first user id of the key ring holding {@code key}, for reports. */
  String userOf(PGPPublicKey key) {
    var ring = keys.getPublicKeyRing(key.getKeyID());
    Iterator<String> ids = ring == null ? null : ring.getPublicKey().getUserIDs();
    return ids != null && ids.hasNext() ? ids.next() : "";
  }
}
