package dev.capstan.engine.release;

import dev.capstan.engine.history.RevisionStatus;
import dev.capstan.engine.resource.ReleaseException;

/**
 * A sync failed. The message says what failed and what the history now records: the revision
 * {@code failed}, or {@code rolled-back} when {@code --atomic} put the previous one back.
 */
public class SyncFailedException extends ReleaseException {
  private final int revision;
  private final RevisionStatus recorded;

  public SyncFailedException(String namespace, String release, int revision, RevisionStatus recorded, String message, Throwable cause) {
    super(namespace, release, message, cause);
    this.revision = revision;
    this.recorded = recorded;
  }

  public int revision() {
    return revision;
  }

  public RevisionStatus recorded() {
    return recorded;
  }
}
