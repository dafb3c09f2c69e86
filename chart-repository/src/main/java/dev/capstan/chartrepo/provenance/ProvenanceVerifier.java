package dev.capstan.chartrepo.provenance;

import dev.capstan.chartrepo.cache.Digest;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.bouncycastle.openpgp.PGPException;
import org.bouncycastle.openpgp.PGPPublicKey;
import org.bouncycastle.openpgp.PGPSignature;
import org.bouncycastle.openpgp.operator.bc.BcPGPContentVerifierBuilderProvider;

/**
 * {@code helm verify} as a library: a chart archive and its {@code .prov} hold when the provenance is
 * clear-signed by a key in the keyring, the signature verifies, and the signed {@code files:} entry
 * for the archive's file name is the archive's sha256. Thread-safe; the agent can build one from the
 * keys in a Secret ({@link PublicKeyring#read}).
 *
 * <pre>{@code
 * var verifier = new ProvenanceVerifier(PublicKeyring.read(secretBytes, "Secret shop/chart-keys"));
 * Verification v = verifier.verify(archive, "web-1.4.0.tgz", prov, "oci://host/charts/web:1.4.0");
 * }</pre>
 */
public final class ProvenanceVerifier {
  /** A {@code .prov} larger than this is refused before it is parsed (real ones are a few KiB). */
  public static final int MAX_PROVENANCE_BYTES = 1 << 20;

  /** What a verified chart's provenance says: who signed, with which key, and the archive it names. */
  public record Verification(String signedBy, String keyFingerprint, Digest archiveDigest, String fileName) {}

  private final PublicKeyring keys;

  public ProvenanceVerifier(PublicKeyring keys) {
    this.keys = keys;
  }

  public PublicKeyring keys() {
    return keys;
  }

  /**
   * Verifies {@code archive}, known by {@code fileName} (the name the {@code files:} map uses, as
   * Helm names a pulled chart: {@code NAME-VERSION.tgz}), against {@code provenance}; {@code where}
   * names the chart in errors.
   */
  public Verification verify(byte[] archive, String fileName, byte[] provenance, String where) {
    if (provenance.length > MAX_PROVENANCE_BYTES) {
      throw new ProvenanceException(where, ProvenanceException.Reason.TOO_LARGE,
          "the .prov is " + provenance.length + " bytes, more than " + MAX_PROVENANCE_BYTES + " allowed");
    }
    ClearSignedText signed = ClearSignedText.parse(provenance, where);
    PGPPublicKey key = checkSignature(signed, where);
    ProvenanceDocument document = ProvenanceDocument.parse(signed.text(), where);
    Digest actual = Digest.of(archive);
    Optional<String> claimed = document.digestOf(fileName);
    if (claimed.isEmpty()) {
      throw new ProvenanceException(where, ProvenanceException.Reason.DIGEST_MISMATCH,
          "the .prov signs no file named " + fileName + " (it names " + String.join(", ", document.files().keySet()) + ")");
    }
    if (!Digest.parse(claimed.get()).filter(actual::equals).isPresent() || !claimed.get().startsWith("sha256:")) {
      throw new ProvenanceException(where, ProvenanceException.Reason.DIGEST_MISMATCH,
          "the archive is " + actual + " but the .prov signs " + claimed.get() + " for " + fileName
              + " (the archive changed after it was signed)");
    }
    return new Verification(keys.userOf(key.getKeyID()), PublicKeyring.fingerprint(key), actual, fileName);
  }

  /** Verifies {@code archive} against a .prov given as text, for callers that hold it as a string. */
  public Verification verify(byte[] archive, String fileName, String provenance, String where) {
    return verify(archive, fileName, provenance.getBytes(StandardCharsets.UTF_8), where);
  }

  private PGPPublicKey checkSignature(ClearSignedText signed, String where) {
    byte[] bytes = signed.signedBytes();
    PGPSignature unknown = null;
    for (PGPSignature sig : signed.signatures()) {
      Optional<PGPPublicKey> key = keys.find(sig.getKeyID());
      if (key.isEmpty()) {
        unknown = sig;
        continue;
      }
      PGPPublicKey k = key.get();
      if (sig.getSignatureType() != PGPSignature.CANONICAL_TEXT_DOCUMENT && sig.getSignatureType() != PGPSignature.BINARY_DOCUMENT) {
        throw new ProvenanceException(where, ProvenanceException.Reason.BAD_SIGNATURE,
            "the signature is of type " + sig.getSignatureType() + ", not a document signature");
      }
      if (k.hasRevocation()) {
        throw new ProvenanceException(where, ProvenanceException.Reason.BAD_SIGNATURE,
            "the signing key " + PublicKeyring.fingerprint(k) + " is revoked");
      }
      long valid = k.getValidSeconds();
      if (valid > 0 && sig.getCreationTime().getTime() > k.getCreationTime().getTime() + valid * 1000) {
        throw new ProvenanceException(where, ProvenanceException.Reason.BAD_SIGNATURE,
            "the signing key " + PublicKeyring.fingerprint(k) + " had expired when the chart was signed");
      }
      boolean ok;
      try {
        sig.init(new BcPGPContentVerifierBuilderProvider(), k);
        sig.update(bytes);
        ok = sig.verify();
      } catch (PGPException | RuntimeException e) {
        throw new ProvenanceException(where, ProvenanceException.Reason.BAD_SIGNATURE,
            "the signature cannot be checked: " + e.getMessage(), e);
      }
      if (!ok) {
        throw new ProvenanceException(where, ProvenanceException.Reason.BAD_SIGNATURE,
            "the signature by key " + PublicKeyring.fingerprint(k) + " does not match the signed text (the .prov was altered)");
      }
      return k;
    }
    throw new ProvenanceException(where, ProvenanceException.Reason.UNKNOWN_KEY,
        "signed by key " + PublicKeyring.keyId(unknown.getKeyID()) + ", which is not in the keyring " + keys.source());
  }
}
