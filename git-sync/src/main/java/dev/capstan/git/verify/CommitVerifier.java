package dev.capstan.git.verify;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import org.bouncycastle.openpgp.PGPException;
import org.bouncycastle.openpgp.PGPPublicKey;
import org.bouncycastle.openpgp.PGPSignature;
import org.bouncycastle.openpgp.PGPSignatureList;
import org.bouncycastle.openpgp.PGPUtil;
import org.bouncycastle.openpgp.bc.BcPGPObjectFactory;
import org.bouncycastle.openpgp.operator.bc.BcPGPContentVerifierBuilderProvider;
import org.eclipse.jgit.lib.Config;
import org.eclipse.jgit.lib.GpgConfig;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.lib.SignatureVerifier;
import org.eclipse.jgit.lib.SignatureVerifiers;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevTag;
import org.eclipse.jgit.util.RawParseUtils;

/**
 * Checks a commit's signature against a {@link VerificationPolicy}. OpenPGP signatures are checked
 * with BouncyCastle against the policy's keyring (not the user's gpg home, which JGit's own verifier
 * would read); SSH signatures with JGit's SSH verifier against the policy's allowed_signers file.
 */
public final class CommitVerifier {
  private static final byte[] GPGSIG = "gpgsig".getBytes(StandardCharsets.US_ASCII);

  /** The status of {@code commit} under {@code policy}; never throws for a bad signature. */
  public SignatureStatus verify(Repository repo, RevCommit commit, VerificationPolicy policy) throws IOException {
    byte[] signature = commit.getRawGpgSignature();
    return signature == null ? SignatureStatus.unsigned() : check(repo, signedData(commit.getRawBuffer()), signature, policy);
  }

  /** The status of an annotated {@code tag} under {@code policy}: its signature is the tail of its message. */
  public SignatureStatus verifyTag(Repository repo, RevTag tag, VerificationPolicy policy) throws IOException {
    byte[] signature = tag.getRawGpgSignature();
    if (signature == null) {
      return new SignatureStatus(SignatureStatus.State.UNSIGNED, "", "", "", "tag " + tag.getTagName() + " is not signed");
    }
    byte[] raw = tag.getRawBuffer();
    return check(repo, Arrays.copyOf(raw, raw.length - signature.length), signature, policy);
  }

  private SignatureStatus check(Repository repo, byte[] data, byte[] signature, VerificationPolicy policy) throws IOException {
    GpgConfig.GpgFormat format = SignatureVerifiers.getFormat(signature);
    String formatName = format == null ? "unknown" : format.name().toLowerCase(Locale.ROOT);
    if (!policy.required()) {
      return new SignatureStatus(SignatureStatus.State.NOT_CHECKED, formatName, "", "", "");
    }
    if (format == GpgConfig.GpgFormat.OPENPGP && policy.openPgpKeyring().isPresent()) {
      return verifyOpenPgp(OpenPgpKeyring.load(policy.openPgpKeyring().get()), data, signature);
    }
    if (format == GpgConfig.GpgFormat.SSH && policy.sshAllowedSigners().isPresent()) {
      return verifySsh(repo, policy, data, signature);
    }
    return new SignatureStatus(SignatureStatus.State.UNSUPPORTED, formatName, "", "",
        formatName + " signatures are not accepted by this source's policy (no "
            + (format == GpgConfig.GpgFormat.SSH ? "allowed signers file" : "OpenPGP keyring") + " configured)");
  }

  /** The commit as it was signed: the raw object without its {@code gpgsig} header. */
  static byte[] signedData(byte[] raw) {
    int valueStart = RawParseUtils.headerStart(GPGSIG, raw, 0);
    if (valueStart < 0) {
      return raw;
    }
    int start = valueStart - GPGSIG.length - 1;
    int end = RawParseUtils.nextLfSkippingSplitLines(raw, valueStart);
    if (end < raw.length) {
      end++; // the header's own line feed goes too
    }
    byte[] out = new byte[raw.length - (end - start)];
    System.arraycopy(raw, 0, out, 0, start);
    System.arraycopy(raw, end, out, start, raw.length - end);
    return out;
  }

  private static SignatureStatus verifyOpenPgp(OpenPgpKeyring keyring, byte[] data, byte[] armored) {
    PGPSignature sig;
    try {
      Object o = new BcPGPObjectFactory(PGPUtil.getDecoderStream(new ByteArrayInputStream(armored))).nextObject();
      if (!(o instanceof PGPSignatureList list) || list.isEmpty()) {
        return bad("openpgp", "", "signature block holds no signature");
      }
      sig = list.get(0);
    } catch (IOException e) {
      return bad("openpgp", "", "unreadable signature: " + e.getMessage());
    }
    String keyId = String.format("%016X", sig.getKeyID());
    Optional<PGPPublicKey> key = keyring.find(sig.getKeyID());
    if (key.isEmpty()) {
      return new SignatureStatus(SignatureStatus.State.UNTRUSTED_KEY, "openpgp", keyId, "",
          "signed by key " + keyId + " which is not in " + keyring.file());
    }
    String signer = keyring.userOf(key.get());
    if (key.get().hasRevocation()) {
      return bad("openpgp", keyId, "key " + keyId + " (" + signer + ") is revoked");
    }
    try {
      sig.init(new BcPGPContentVerifierBuilderProvider(), key.get());
      sig.update(data);
      if (!sig.verify()) {
        return bad("openpgp", keyId, "signature by " + keyId + " does not match the commit content");
      }
    } catch (PGPException e) {
      return bad("openpgp", keyId, "cannot check signature: " + e.getMessage());
    }
    String fingerprint = HexFormat.of().withUpperCase().formatHex(key.get().getFingerprint());
    return new SignatureStatus(SignatureStatus.State.VERIFIED, "openpgp", fingerprint, signer, "");
  }

  private static SignatureStatus verifySsh(Repository repo, VerificationPolicy policy, byte[] data, byte[] sig)
      throws IOException {
    SignatureVerifier verifier = SignatureVerifiers.get(GpgConfig.GpgFormat.SSH);
    if (verifier == null) {
      return new SignatureStatus(SignatureStatus.State.UNSUPPORTED, "ssh", "", "",
          "no SSH signature verifier on the class path (org.eclipse.jgit.ssh.apache)");
    }
    Config config = new Config();
    config.setString("gpg", "ssh", "allowedSignersFile", policy.sshAllowedSigners().get().toString());
    SignatureVerifier.SignatureVerification v = verifier.verify(repo, new GpgConfig(config), data, sig);
    if (v == null) {
      return bad("ssh", "", "signature could not be checked");
    }
    String key = v.keyFingerprint() == null ? "" : v.keyFingerprint();
    String signer = v.signer() == null ? "" : v.signer();
    if (v.verified() && v.trustLevel() == SignatureVerifier.TrustLevel.FULL) {
      return new SignatureStatus(SignatureStatus.State.VERIFIED, "ssh", key, signer, "");
    }
    String why = v.message() == null || v.message().isEmpty() ? "signature not valid" : v.message();
    if (v.verified()) {
      return new SignatureStatus(SignatureStatus.State.UNTRUSTED_KEY, "ssh", key, signer,
          "key " + key + " is not in " + policy.sshAllowedSigners().get() + " (" + why + ")");
    }
    return bad("ssh", key, why);
  }

  private static SignatureStatus bad(String format, String key, String detail) {
    return new SignatureStatus(SignatureStatus.State.BAD_SIGNATURE, format, key, "", detail);
  }
}
