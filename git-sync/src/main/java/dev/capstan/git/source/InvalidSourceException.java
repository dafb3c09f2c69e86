package dev.capstan.git.source;

import dev.capstan.git.GitSyncException;

/** A source definition that cannot be used: bad URL, empty ref, path escaping the repository. */
public class InvalidSourceException extends GitSyncException {
  private final String field;

  public InvalidSourceException(String field, String message) {
    super(field, message);
    this.field = field;
  }

  /** The source field at fault: {@code repoURL}, {@code ref} or {@code path}. */
  public String field() {
    return field;
  }
}
