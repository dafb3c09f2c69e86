package dev.capstan.chartrepo.provenance;

import dev.capstan.core.CapstanException;

/**
 * A chart whose provenance does not hold: no {@code .prov}, a malformed or oversize one, a signature
 * by a key the keyring does not hold, a signature that does not verify, or an archive whose digest is
 * not the one signed. One line: the chart, then {@code provenance:} and the reason.
 */
public final class ProvenanceException extends CapstanException {
  /** Why the provenance does not hold, for callers that act on it. */
  public enum Reason { MISSING, MALFORMED, TOO_LARGE, UNKNOWN_KEY, BAD_SIGNATURE, DIGEST_MISMATCH, KEYRING }

  private final Reason reason;

  public ProvenanceException(String where, Reason reason, String message) {
    this(where, reason, message, null);
  }

  public ProvenanceException(String where, Reason reason, String message, Throwable cause) {
    super(where, "provenance: " + message, cause);
    this.reason = reason;
  }

  public Reason reason() {
    return reason;
  }
}
