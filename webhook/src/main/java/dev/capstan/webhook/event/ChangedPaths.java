package dev.capstan.webhook.event;

import java.util.Collection;
import java.util.Collections;
import java.util.Set;
import java.util.TreeSet;

/**
 * The files a push touched, when the provider's payload lists them all. {@link #unknown()} when it
 * does not (Bitbucket never does, GitHub and GitLab truncate long pushes, a force push or new branch
 * rewrites history the commit list does not describe): then every path must be assumed changed.
 */
public record ChangedPaths(boolean known, Set<String> paths) {
  private static final ChangedPaths UNKNOWN = new ChangedPaths(false, Set.of());

  public ChangedPaths {
    paths = known ? Collections.unmodifiableSortedSet(new TreeSet<>(paths)) : Set.of();
  }

  public static ChangedPaths unknown() {
    return UNKNOWN;
  }

  public static ChangedPaths of(Collection<String> paths) {
    return new ChangedPaths(true, new TreeSet<>(paths));
  }

  /** Whether anything under {@code directory} (a repository-relative path, "" for the root) may have changed. */
  public boolean touches(String directory) {
    if (!known) {
      return true;
    }
    String prefix = directory.isEmpty() || directory.endsWith("/") ? directory : directory + "/";
    return paths.stream().anyMatch(p -> p.equals(directory) || p.startsWith(prefix));
  }

  /** The paths two pushes touched together; unknown if either is unknown. */
  public ChangedPaths union(ChangedPaths other) {
    if (!known || !other.known) {
      return UNKNOWN;
    }
    TreeSet<String> all = new TreeSet<>(paths);
    all.addAll(other.paths);
    return new ChangedPaths(true, all);
  }

  /** Sorted, for stable output and assertions. */
  @Override
  public Set<String> paths() {
    return paths;
  }
}
