package dev.capstan.agent.application;

import dev.capstan.core.CapstanException;

/** An Application that cannot be read or is not valid; {@link #where()} is the file and line or the field. */
public class ApplicationException extends CapstanException {
  public ApplicationException(String where, String message) {
    super(where, message);
  }

  public ApplicationException(String where, String message, Throwable cause) {
    super(where, message, cause);
  }
}
