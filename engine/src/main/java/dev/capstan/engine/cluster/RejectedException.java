package dev.capstan.engine.cluster;

import dev.capstan.engine.resource.ObjectException;
import dev.capstan.engine.resource.ObjectRef;

/** The API server refused an object (validation 422, admission, forbidden, ...). */
public class RejectedException extends ObjectException {
  private final int code;

  public RejectedException(ObjectRef ref, int code, String reason, Throwable cause) {
    super(ref, reason, cause);
    this.code = code;
  }

  /** The HTTP status, 0 when the server could not be reached. */
  public int code() {
    return code;
  }
}
