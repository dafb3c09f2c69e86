package dev.capstan.git.read;

import dev.capstan.git.GitSyncException;

/** A file in a folder snapshot that will not be handed out: too large, binary, a link or a submodule. */
public class FileRefusedException extends GitSyncException {
  private final String path;

  public FileRefusedException(String commit, String path, String reason) {
    super(commit.substring(0, Math.min(12, commit.length())) + ":" + path, reason);
    this.path = path;
  }

  /** Path of the file inside the repository. */
  public String path() {
    return path;
  }
}
