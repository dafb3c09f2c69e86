package dev.capstan.engine.history;

import dev.capstan.engine.resource.ReleaseException;

/** Reading or writing the release history failed (missing revision, corrupt record, API error). */
public class HistoryException extends ReleaseException {
  public HistoryException(String namespace, String release, String message) {
    super(namespace, release, message);
  }

  public HistoryException(String namespace, String release, String message, Throwable cause) {
    super(namespace, release, message, cause);
  }
}
