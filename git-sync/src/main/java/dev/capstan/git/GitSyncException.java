package dev.capstan.git;

import dev.capstan.core.CapstanException;

/**
 * Root of the errors git-sync throws to callers. The place is the masked repository URL, a path
 * inside a commit, or a configuration field; credentials never appear in the message.
 */
public class GitSyncException extends CapstanException {
  public GitSyncException(String where, String message) {
    super(where, message);
  }

  public GitSyncException(String where, String message, Throwable cause) {
    super(where, message, cause);
  }
}
