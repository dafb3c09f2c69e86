package dev.capstan.testsupport;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Date;
import org.bouncycastle.bcpg.HashAlgorithmTags;
import org.bouncycastle.bcpg.PublicKeyAlgorithmTags;
import org.bouncycastle.bcpg.SymmetricKeyAlgorithmTags;
import org.bouncycastle.bcpg.sig.KeyFlags;
import org.bouncycastle.crypto.generators.RSAKeyPairGenerator;
import org.bouncycastle.crypto.params.RSAKeyGenerationParameters;
import org.bouncycastle.openpgp.PGPException;
import org.bouncycastle.openpgp.PGPKeyPair;
import org.bouncycastle.openpgp.PGPKeyRingGenerator;
import org.bouncycastle.openpgp.PGPPublicKeyRing;
import org.bouncycastle.openpgp.PGPSecretKeyRing;
import org.bouncycastle.openpgp.PGPSignature;
import org.bouncycastle.openpgp.PGPSignatureSubpacketGenerator;
import org.bouncycastle.openpgp.operator.PBESecretKeyEncryptor;
import org.bouncycastle.openpgp.operator.bc.BcPBESecretKeyEncryptorBuilder;
import org.bouncycastle.openpgp.operator.bc.BcPGPContentSignerBuilder;
import org.bouncycastle.openpgp.operator.bc.BcPGPDigestCalculatorProvider;
import org.bouncycastle.openpgp.operator.bc.BcPGPKeyPair;

/**
 * A throw-away OpenPGP signing key made with BouncyCastle (nothing committed): an RSA-2048 primary
 * key that certifies and signs, self-certified for {@code userId}, written as GnuPG's binary keyrings
 * ({@code gpg --export-secret-keys} and {@code gpg --export}), which Helm's {@code --keyring} reads.
 */
public record OpenPgpTestKeys(String userId, byte[] secretKeyring, byte[] publicKeyring) {
  /** A new key for {@code userId}; {@code passphrase} empty for an unprotected key. */
  public static OpenPgpTestKeys generate(String userId, String passphrase) {
    try {
      RSAKeyPairGenerator rsa = new RSAKeyPairGenerator();
      rsa.init(new RSAKeyGenerationParameters(BigInteger.valueOf(0x10001), new SecureRandom(), 2048, 80));
      PGPKeyPair pair = new BcPGPKeyPair(PublicKeyAlgorithmTags.RSA_GENERAL, rsa.generateKeyPair(), new Date());
      PGPSignatureSubpacketGenerator hashed = new PGPSignatureSubpacketGenerator();
      hashed.setKeyFlags(false, KeyFlags.CERTIFY_OTHER | KeyFlags.SIGN_DATA);
      hashed.setPreferredHashAlgorithms(false, new int[] {HashAlgorithmTags.SHA512, HashAlgorithmTags.SHA256});
      PBESecretKeyEncryptor encryptor = passphrase.isEmpty() ? null
          : new BcPBESecretKeyEncryptorBuilder(SymmetricKeyAlgorithmTags.AES_256,
              new BcPGPDigestCalculatorProvider().get(HashAlgorithmTags.SHA256)).build(passphrase.toCharArray());
      PGPKeyRingGenerator generator = new PGPKeyRingGenerator(PGPSignature.POSITIVE_CERTIFICATION, pair, userId,
          new BcPGPDigestCalculatorProvider().get(HashAlgorithmTags.SHA1), hashed.generate(), null,
          new BcPGPContentSignerBuilder(PublicKeyAlgorithmTags.RSA_GENERAL, HashAlgorithmTags.SHA256), encryptor);
      PGPSecretKeyRing secret = generator.generateSecretKeyRing();
      PGPPublicKeyRing pub = generator.generatePublicKeyRing();
      ByteArrayOutputStream s = new ByteArrayOutputStream();
      secret.encode(s);
      ByteArrayOutputStream p = new ByteArrayOutputStream();
      pub.encode(p);
      return new OpenPgpTestKeys(userId, s.toByteArray(), p.toByteArray());
    } catch (PGPException e) {
      throw new IllegalStateException(e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Writes the secret keyring as {@code dir/secring.gpg} and returns its path. */
  public Path writeSecret(Path dir) {
    return write(dir.resolve("secring.gpg"), secretKeyring);
  }

  /** Writes the public keyring as {@code dir/pubring.gpg} and returns its path. */
  public Path writePublic(Path dir) {
    return write(dir.resolve("pubring.gpg"), publicKeyring);
  }

  private static Path write(Path file, byte[] bytes) {
    try {
      Files.createDirectories(file.getParent());
      return Files.write(file, bytes);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
