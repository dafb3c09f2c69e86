package dev.capstan.commitstatus;

import dev.capstan.core.CapstanException;

/** A host's API refused a call, or could not be reached after the retries. Carries the HTTP status (0: no answer). */
public final class HostApiException extends CapstanException {
  private final int httpStatus;

  public HostApiException(String call, int httpStatus, String detail) {
    super(call, detail);
    this.httpStatus = httpStatus;
  }

  public int httpStatus() {
    return httpStatus;
  }
}
