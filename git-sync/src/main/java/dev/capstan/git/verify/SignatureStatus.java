package dev.capstan.git.verify;

/**
 * What is known about a commit's signature.
 *
 * @param state the verdict
 * @param format {@code openpgp}, {@code ssh} or "" when unsigned
 * @param key key id or fingerprint named by the signature, "" if none
 * @param signer user id or principal of the key, "" if unknown
 * @param detail why, in words, for refusals
 */
public record SignatureStatus(State state, String format, String key, String signer, String detail) {

  public enum State {
    /** No signature on the commit. */
    UNSIGNED,
    /** Signed, but the source does not require verification so it was not checked. */
    NOT_CHECKED,
    /** A good signature by a trusted key. */
    VERIFIED,
    /** Signed by a key that is not in the configured keyring or allowed signers. */
    UNTRUSTED_KEY,
    /** The signature does not match the commit, or the key is revoked. */
    BAD_SIGNATURE,
    /** A signature format this build cannot check (for example X.509). */
    UNSUPPORTED
  }

  public static SignatureStatus unsigned() {
    return new SignatureStatus(State.UNSIGNED, "", "", "", "commit is not signed");
  }

  public boolean verified() {
    return state == State.VERIFIED;
  }

  @Override
  public String toString() {
    return switch (state) {
      case UNSIGNED -> "unsigned";
      case NOT_CHECKED -> format + " signature (not checked)";
      case VERIFIED -> format + " signature by " + (signer.isEmpty() ? key : signer + " (" + key + ")");
      default -> state.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ') + ": " + detail;
    };
  }
}
