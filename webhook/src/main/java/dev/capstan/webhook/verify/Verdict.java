package dev.capstan.webhook.verify;

/** The outcome of checking a delivery's proof. */
public enum Verdict {
  /** The signature or token matched a configured secret. */
  VERIFIED,
  /** No secret is configured, and the provider was explicitly opened to unsigned deliveries. */
  OPEN,
  /** A secret is configured and the proof is missing or wrong: 401. */
  REJECTED,
  /** No secret is configured for this provider or repository and it was not opened: 403. */
  NOT_CONFIGURED;

  public boolean accepted() {
    return this == VERIFIED || this == OPEN;
  }
}
