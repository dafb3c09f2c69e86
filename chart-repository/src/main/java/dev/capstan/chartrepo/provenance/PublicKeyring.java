package dev.capstan.chartrepo.provenance;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.bouncycastle.openpgp.PGPPublicKey;
import org.bouncycastle.openpgp.PGPPublicKeyRing;
import org.bouncycastle.openpgp.PGPSecretKeyRing;
import org.bouncycastle.openpgp.PGPUtil;
import org.bouncycastle.openpgp.bc.BcPGPObjectFactory;

/**
 * The OpenPGP keys a chart's signature may be checked against: a keyring file as {@code gpg --export}
 * writes it (binary, what Helm's {@code --keyring} reads) or ASCII-armored, or the bytes of one (a
 * Secret's key, for the agent). A secret keyring is accepted too; only its public halves are used.
 */
public final class PublicKeyring {
  /** A keyring larger than this is refused: real ones are kilobytes. */
  public static final int MAX_BYTES = 8 << 20;

  private final String source;
  private final List<PGPPublicKeyRing> rings;

  private PublicKeyring(String source, List<PGPPublicKeyRing> rings) {
    this.source = source;
    this.rings = List.copyOf(rings);
  }

  /** The keyring in {@code file}. */
  public static PublicKeyring load(Path file) {
    String where = "--keyring " + file;
    try {
      if (Files.size(file) > MAX_BYTES) {
        throw new ProvenanceException(where, ProvenanceException.Reason.KEYRING, "larger than " + MAX_BYTES + " bytes");
      }
      return read(Files.readAllBytes(file), file.toString(), where);
    } catch (NoSuchFileException e) {
      throw new ProvenanceException(where, ProvenanceException.Reason.KEYRING, "no such file");
    } catch (IOException e) {
      throw new ProvenanceException(where, ProvenanceException.Reason.KEYRING, "cannot read: " + e.getMessage(), e);
    }
  }

  /** The keys in {@code bytes} (binary or armored); {@code source} names them in messages. */
  public static PublicKeyring read(byte[] bytes, String source) {
    return read(bytes, source, source);
  }

  private static PublicKeyring read(byte[] bytes, String source, String where) {
    if (bytes.length > MAX_BYTES) {
      throw new ProvenanceException(where, ProvenanceException.Reason.KEYRING, "larger than " + MAX_BYTES + " bytes");
    }
    List<PGPPublicKeyRing> rings = new ArrayList<>();
    try (InputStream in = PGPUtil.getDecoderStream(new ByteArrayInputStream(bytes))) {
      BcPGPObjectFactory factory = new BcPGPObjectFactory(in);
      for (Object o = factory.nextObject(); o != null; o = factory.nextObject()) {
        if (o instanceof PGPPublicKeyRing ring) {
          rings.add(ring);
        } else if (o instanceof PGPSecretKeyRing secret) {
          rings.add(secret.toCertificate());
        }
      }
    } catch (IOException | RuntimeException e) {
      throw new ProvenanceException(where, ProvenanceException.Reason.KEYRING, "not an OpenPGP keyring: " + e.getMessage(), e);
    }
    if (rings.isEmpty()) {
      throw new ProvenanceException(where, ProvenanceException.Reason.KEYRING, "holds no OpenPGP public key");
    }
    return new PublicKeyring(source, rings);
  }

  /**
   * The keys of {@code parts} as one keyring, as a Secret holding keys under several names is read;
   * {@code source} names it in messages.
   */
  public static PublicKeyring of(String source, List<PublicKeyring> parts) {
    List<PGPPublicKeyRing> rings = new ArrayList<>();
    parts.forEach(p -> rings.addAll(p.rings));
    if (rings.isEmpty()) {
      throw new ProvenanceException(source, ProvenanceException.Reason.KEYRING, "holds no OpenPGP public key");
    }
    return new PublicKeyring(source, rings);
  }

  /** Where the keys came from (a file, a Secret), for messages. */
  public String source() {
    return source;
  }

  /** The key (primary or subkey) with this id. */
  Optional<PGPPublicKey> find(long keyId) {
    for (PGPPublicKeyRing ring : rings) {
      PGPPublicKey key = ring.getPublicKey(keyId);
      if (key != null) {
        return Optional.of(key);
      }
    }
    return Optional.empty();
  }

  /** The first user id of the ring holding {@code keyId}, as Helm prints "Signed by". */
  String userOf(long keyId) {
    for (PGPPublicKeyRing ring : rings) {
      if (ring.getPublicKey(keyId) != null) {
        Iterator<String> ids = ring.getPublicKey().getUserIDs();
        return ids.hasNext() ? ids.next() : "";
      }
    }
    return "";
  }

  static String fingerprint(PGPPublicKey key) {
    return HexFormat.of().formatHex(key.getFingerprint()).toUpperCase(Locale.ROOT);
  }

  static String keyId(long id) {
    return String.format(Locale.ROOT, "%016X", id);
  }
}
