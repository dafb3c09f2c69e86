package dev.capstan.chartrepo.http;

import dev.capstan.core.CapstanException;

/**
 * A chart source that cannot give what was asked: an unreachable host, 401/403, a chart or version
 * not found, a range nothing satisfies, a digest mismatch, a malformed index or manifest. The
 * message starts with the source ({@code https://charts.example.com/index.yaml},
 * {@code oci://127.0.0.1:5000/charts/web:1.2.0}) and is one line; credentials never appear in it.
 */
public class SourceException extends CapstanException {
  private final Reason reason;

  /** What went wrong, for callers that act on it (the agent's Stalled vs retry). */
  public enum Reason { UNREACHABLE, UNAUTHORIZED, NOT_FOUND, NO_MATCHING_VERSION, DIGEST_MISMATCH, MALFORMED, TOO_LARGE, PROTOCOL }

  public SourceException(String where, Reason reason, String message) {
    this(where, reason, message, null);
  }

  public SourceException(String where, Reason reason, String message, Throwable cause) {
    super(where, message, cause);
    this.reason = reason;
  }

  public Reason reason() {
    return reason;
  }
}
