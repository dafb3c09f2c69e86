package dev.capstan.chartrepo.provenance;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import org.bouncycastle.openpgp.PGPException;
import org.bouncycastle.openpgp.PGPPrivateKey;
import org.bouncycastle.openpgp.PGPPublicKey;
import org.bouncycastle.openpgp.PGPSecretKey;
import org.bouncycastle.openpgp.PGPSecretKeyRing;
import org.bouncycastle.openpgp.PGPUtil;
import org.bouncycastle.openpgp.bc.BcPGPObjectFactory;
import org.bouncycastle.openpgp.operator.bc.BcPBESecretKeyDecryptorBuilder;
import org.bouncycastle.openpgp.operator.bc.BcPGPDigestCalculatorProvider;

/**
 * The private key a chart is signed with, found as {@code helm package --sign --key NAME --keyring FILE}
 * finds it: the first key ring in a GnuPG secret keyring ({@code gpg --export-secret-keys}) whose
 * user id contains {@code NAME} (or whose fingerprint or key id ends with it); its primary key signs,
 * as Helm's does. A key protected by a passphrase needs it.
 */
public record SigningKey(PGPPublicKey publicKey, PGPPrivateKey privateKey, String userId) {
  /** Finds {@code name} in the secret keyring {@code file}, unlocking it with {@code passphrase} (empty when none). */
  public static SigningKey load(Path file, String name, char[] passphrase) {
    String where = "--keyring " + file;
    byte[] bytes;
    try {
      if (Files.size(file) > PublicKeyring.MAX_BYTES) {
        throw new ProvenanceException(where, ProvenanceException.Reason.KEYRING, "larger than " + PublicKeyring.MAX_BYTES + " bytes");
      }
      bytes = Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      throw new ProvenanceException(where, ProvenanceException.Reason.KEYRING, "no such file");
    } catch (IOException e) {
      throw new ProvenanceException(where, ProvenanceException.Reason.KEYRING, "cannot read: " + e.getMessage(), e);
    }
    List<PGPSecretKeyRing> rings = new ArrayList<>();
    try (InputStream in = PGPUtil.getDecoderStream(new ByteArrayInputStream(bytes))) {
      BcPGPObjectFactory factory = new BcPGPObjectFactory(in);
      for (Object o = factory.nextObject(); o != null; o = factory.nextObject()) {
        if (o instanceof PGPSecretKeyRing ring) {
          rings.add(ring);
        }
      }
    } catch (IOException | RuntimeException e) {
      throw new ProvenanceException(where, ProvenanceException.Reason.KEYRING, "not an OpenPGP secret keyring: " + e.getMessage(), e);
    }
    if (rings.isEmpty()) {
      throw new ProvenanceException(where, ProvenanceException.Reason.KEYRING,
          "holds no secret key (export one with gpg --export-secret-keys)");
    }
    for (PGPSecretKeyRing ring : rings) {
      PGPSecretKey secret = ring.getSecretKey();
      String user = matchingUser(secret.getPublicKey(), name);
      if (user != null) {
        return new SigningKey(secret.getPublicKey(), unlock(secret, passphrase, where, name), user);
      }
    }
    throw new ProvenanceException(where, ProvenanceException.Reason.KEYRING, "no secret key matches --key \"" + name + "\"");
  }

  private static String matchingUser(PGPPublicKey key, String name) {
    Iterator<String> ids = key.getUserIDs();
    String first = null;
    while (ids.hasNext()) {
      String id = ids.next();
      first = first == null ? id : first;
      if (id.contains(name)) {
        return id;
      }
    }
    String fingerprint = PublicKeyring.fingerprint(key);
    String wanted = name.toUpperCase(Locale.ROOT).replace(" ", "").replaceFirst("^0X", "");
    if (wanted.length() >= 8 && fingerprint.endsWith(wanted)) {
      return first == null ? fingerprint : first;
    }
    return null;
  }

  private static PGPPrivateKey unlock(PGPSecretKey secret, char[] passphrase, String where, String name) {
    try {
      PGPPrivateKey key = secret.extractPrivateKey(
          new BcPBESecretKeyDecryptorBuilder(new BcPGPDigestCalculatorProvider()).build(passphrase == null ? new char[0] : passphrase));
      if (key == null) {
        throw new ProvenanceException(where, ProvenanceException.Reason.KEYRING, "the key \"" + name + "\" has no private part");
      }
      return key;
    } catch (PGPException e) {
      throw new ProvenanceException(where, ProvenanceException.Reason.KEYRING, "cannot unlock the key \"" + name + "\""
          + (passphrase == null || passphrase.length == 0 ? ": it needs a passphrase (--passphrase-file)" : ": wrong passphrase"), e);
    }
  }
}
