package dev.capstan.git.verify;

import dev.capstan.git.GitSyncException;
import dev.capstan.git.auth.PublicKeyFiles;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.bouncycastle.openpgp.PGPException;
import org.bouncycastle.openpgp.PGPPublicKeyRing;
import org.bouncycastle.openpgp.PGPPublicKeyRingCollection;
import org.bouncycastle.openpgp.PGPUtil;
import org.bouncycastle.openpgp.operator.bc.BcKeyFingerprintCalculator;

/**
 * Trusted public keys given as the keys of a Secret (or the files of a folder laid out like one),
 * turned into a {@link VerificationPolicy}: key {@code allowed_signers} is an OpenSSH allowed_signers
 * file; every other key holds OpenPGP public keys (armored or binary, {@code gpg --export}), as in a
 * Flux {@code verify} Secret. The keys are written to files ({@link PublicKeyFiles}), because JGit's SSH
 * verifier reads a file; a changed Secret gives new files.
 */
public final class TrustedKeys {
  public static final String ALLOWED_SIGNERS = "allowed_signers";

  private TrustedKeys() {
  }

  /**
   * The policy requiring a signature by one of {@code keys}; {@code where} names the Secret in errors.
   *
   * @throws GitSyncException when there is no key at all, or a value is not an OpenPGP public key
   */
  public static VerificationPolicy policy(String where, Map<String, byte[]> keys) {
    ByteArrayOutputStream keyring = new ByteArrayOutputStream();
    for (Map.Entry<String, byte[]> e : new TreeMap<>(keys).entrySet()) {
      if (!e.getKey().equals(ALLOWED_SIGNERS)) {
        appendOpenPgp(where + ": key \"" + e.getKey() + "\"", e.getValue(), keyring);
      }
    }
    Optional<Path> pgp = keyring.size() == 0 ? Optional.empty() : Optional.of(write(keyring.toByteArray(), ".gpg"));
    Optional<Path> ssh = Optional.ofNullable(keys.get(ALLOWED_SIGNERS)).map(b -> write(b, ".allowed_signers"));
    if (pgp.isEmpty() && ssh.isEmpty()) {
      throw new GitSyncException(where, "holds no public key (OpenPGP keys under any key name, or \"" + ALLOWED_SIGNERS + "\")");
    }
    return new VerificationPolicy(VerificationPolicy.Mode.REQUIRE, pgp, ssh);
  }

  private static void appendOpenPgp(String where, byte[] value, ByteArrayOutputStream out) {
    try (InputStream in = PGPUtil.getDecoderStream(new ByteArrayInputStream(value))) {
      PGPPublicKeyRingCollection rings = new PGPPublicKeyRingCollection(in, new BcKeyFingerprintCalculator());
      if (rings.size() == 0) {
        throw new GitSyncException(where, "holds no OpenPGP public key");
      }
      for (PGPPublicKeyRing ring : rings) {
        ring.encode(out);
      }
    } catch (IOException | PGPException | RuntimeException e) {
      if (e instanceof GitSyncException g) {
        throw g;
      }
      throw new GitSyncException(where, "not an OpenPGP public key (" + e.getMessage() + ")");
    }
  }

  private static Path write(byte[] content, String suffix) {
    return PublicKeyFiles.write(content, suffix);
  }
}
