package dev.capstan.testsupport;

import java.nio.file.Files;
import java.nio.file.Path;

/** Finds a file of the Capstan repository (a {@code tools/} script) from a module's working directory. */
final class RepoTools {
  private RepoTools() {}

  static Path find(String relative) {
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      if (Files.isRegularFile(dir.resolve(relative))) {
        return dir.resolve(relative);
      }
    }
    throw new IllegalStateException(relative + " not found above " + Path.of("").toAbsolutePath());
  }
}
