package dev.capstan.git.changes;

/** One path that differs between two commits. For a rename, {@code path} is the new path. */
public record ChangedPath(String path, Kind kind) {
  public enum Kind { ADDED, MODIFIED, DELETED }

  @Override
  public String toString() {
    return kind.name().charAt(0) + " " + path;
  }
}
