package dev.capstan.git.cache;

import dev.capstan.git.source.RepoUrl;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;
import org.eclipse.jgit.lib.Repository;

/**
 * One bare repository in the cache and the lock that serialises network work on it. Reading objects
 * (folders, diffs) needs no lock: objects are immutable and refs are updated atomically.
 */
public final class CachedRepository {
  private final RepoUrl url;
  private final Path directory;
  private final Repository repository;
  private final ReentrantLock lock = new ReentrantLock();
  private final String recoveredFrom;
  private final AtomicBoolean recoveryReported = new AtomicBoolean();

  CachedRepository(RepoUrl url, Path directory, Repository repository, String recoveredFrom) {
    this.url = url;
    this.directory = directory;
    this.repository = repository;
    this.recoveredFrom = recoveredFrom;
  }

  public RepoUrl url() {
    return url;
  }

  public Path directory() {
    return directory;
  }

  public Repository repository() {
    return repository;
  }

  /** Held while fetching, so one URL sees one network fetch at a time. */
  public ReentrantLock lock() {
    return lock;
  }

  /** Why the previous copy was thrown away when this one was opened, if it was. */
  public Optional<String> recoveredFrom() {
    return Optional.ofNullable(recoveredFrom);
  }

  /** {@link #recoveredFrom()} the first time it is asked, empty after, so a recovery is reported once. */
  public Optional<String> takeRecoveryNotice() {
    return recoveredFrom != null && recoveryReported.compareAndSet(false, true)
        ? Optional.of(recoveredFrom) : Optional.empty();
  }

  void close() {
    repository.close();
  }
}
