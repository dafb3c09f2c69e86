package dev.capstan.git.cache;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Stream;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevObject;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.treewalk.TreeWalk;

/**
 * Decides whether a cached repository can be served. Every ref must lead to a commit whose tree can
 * be walked; a ref lock file left by a process that died mid-update means the copy was cut off.
 * Objects written without a ref (a fetch killed before its ref update) are harmless and ignored.
 */
final class CacheIntegrity {
  private CacheIntegrity() {
  }

  /** Layout problems visible before JGit opens the directory. */
  static Optional<String> checkLayout(Path dir) {
    for (String part : new String[] {"HEAD", "config", "objects", "refs"}) {
      if (!Files.exists(dir.resolve(part))) {
        return Optional.of("missing " + part);
      }
    }
    try (Stream<Path> files = Files.walk(dir.resolve("refs"))) {
      Optional<Path> lock = files.filter(p -> p.toString().endsWith(".lock")).findFirst();
      if (lock.isPresent()) {
        return Optional.of("ref update cut off (" + dir.relativize(lock.get()) + ")");
      }
    } catch (IOException e) {
      return Optional.of("unreadable refs: " + e.getMessage());
    }
    if (Files.exists(dir.resolve("packed-refs.lock")) || Files.exists(dir.resolve("shallow.lock"))) {
      return Optional.of("ref update cut off (lock file left behind)");
    }
    return Optional.empty();
  }

  /** Object problems: a ref whose commit or tree is missing or unreadable. */
  static Optional<String> checkObjects(Repository repo) {
    try (RevWalk walk = new RevWalk(repo); ObjectReader reader = repo.newObjectReader()) {
      for (Ref ref : repo.getRefDatabase().getRefs()) {
        ObjectId id = ref.getObjectId();
        if (id == null) {
          continue;
        }
        try {
          RevObject peeled = walk.peel(walk.parseAny(id));
          if (peeled instanceof RevCommit commit) {
            try (TreeWalk tree = new TreeWalk(reader)) {
              tree.addTree(commit.getTree());
              tree.next();
            }
          }
        } catch (IOException | RuntimeException e) {
          return Optional.of(ref.getName() + " -> " + id.name() + " unreadable: " + e.getClass().getSimpleName()
              + (e.getMessage() == null ? "" : " " + e.getMessage()));
        }
      }
      return Optional.empty();
    } catch (IOException | RuntimeException e) {
      return Optional.of("refs unreadable: " + e.getMessage());
    }
  }
}
