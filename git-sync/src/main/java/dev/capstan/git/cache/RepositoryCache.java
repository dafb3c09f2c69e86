package dev.capstan.git.cache;

import dev.capstan.git.GitSyncException;
import dev.capstan.git.source.GitSource;
import dev.capstan.git.source.RepoUrl;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;

/**
 * Local copies of remote repositories: one bare repository per URL (by
 * {@link RepoUrl#cacheKey()}) and credential identity under a root directory, shared by every
 * source of that URL that fetches with the same credentials. Sources with other credentials (or
 * none) get a copy of their own, so what one credential fetched, a private repository's commits
 * and the last good revision kept when a fetch fails, is never served to a source that could not
 * have fetched it.
 *
 * <p>A new copy is initialised in a temporary directory and moved into place atomically, so a
 * directory under its final name is always a complete repository. A copy is checked when first
 * opened by this process ({@link CacheIntegrity}); one that is corrupt or was cut off mid-update is
 * moved aside and deleted, and an empty one takes its place, to be fetched again. One process owns
 * a cache root at a time (a file lock says so).
 */
public final class RepositoryCache implements AutoCloseable {
  private final Path root;
  private final FileChannel lockChannel;
  private final FileLock processLock;
  private final Map<String, CachedRepository> open = new ConcurrentHashMap<>();

  private RepositoryCache(Path root, FileChannel lockChannel, FileLock processLock) {
    this.root = root;
    this.lockChannel = lockChannel;
    this.processLock = processLock;
  }

  /** Opens (creating if needed) the cache under {@code root}; fails if another process holds it. */
  public static RepositoryCache open(Path root) {
    try {
      Files.createDirectories(root);
      FileChannel channel = FileChannel.open(root.resolve(".capstan-cache.lock"),
          StandardOpenOption.CREATE, StandardOpenOption.WRITE);
      FileLock lock = channel.tryLock();
      if (lock == null) {
        channel.close();
        throw new GitSyncException(root.toString(), "repository cache is in use by another process");
      }
      return new RepositoryCache(root, channel, lock);
    } catch (IOException e) {
      throw new GitSyncException(root.toString(), "cannot open repository cache: " + e.getMessage(), e);
    }
  }

  public Path root() {
    return root;
  }

  /** The cached repository of {@code source}'s URL and credentials, checked on first use and created empty if absent. */
  public CachedRepository repository(GitSource source) {
    return open.computeIfAbsent(key(source), key -> load(source.url(), directoryFor(key)));
  }

  private static String key(GitSource source) {
    return source.url().cacheKey() + "\n" + source.credentials().kind() + ":" + source.credentials().location();
  }

  /**
   * Forgets a copy that failed while in use (missing or corrupt objects); the next
   * {@link #repository} checks it again and rebuilds it if needed.
   */
  public void invalidate(GitSource source) {
    CachedRepository cached = open.remove(key(source));
    if (cached != null) {
      cached.close();
    }
  }

  private CachedRepository load(RepoUrl url, Path dir) {
    String recovered = null;
    if (Files.exists(dir)) {
      Optional<String> problem = CacheIntegrity.checkLayout(dir);
      Repository repo = problem.isEmpty() ? openExisting(dir) : null;
      if (repo != null) {
        problem = CacheIntegrity.checkObjects(repo);
        if (problem.isEmpty()) {
          return new CachedRepository(url, dir, repo, null);
        }
        repo.close();
      } else if (problem.isEmpty()) {
        problem = Optional.of("not a Git repository");
      }
      recovered = problem.get();
      discard(dir);
    }
    createEmpty(url, dir);
    Repository repo = openExisting(dir);
    if (repo == null) {
      throw new GitSyncException(dir.toString(), "cannot open freshly created cache repository");
    }
    return new CachedRepository(url, dir, repo, recovered);
  }

  private static Repository openExisting(Path dir) {
    try {
      return new FileRepositoryBuilder().setGitDir(dir.toFile()).setMustExist(true).setBare().build();
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }

  private void createEmpty(RepoUrl url, Path dir) {
    Path tmp = root.resolve(".tmp-" + UUID.randomUUID());
    try (Git git = Git.init().setBare(true).setGitDir(tmp.toFile()).setInitialBranch("main").call()) {
      var config = git.getRepository().getConfig();
      config.setString("capstan", null, "url", url.toString());
      config.setBoolean("gc", null, "auto", false);
      config.save();
    } catch (GitAPIException | IOException e) {
      throw new GitSyncException(dir.toString(), "cannot create cache repository: " + e.getMessage(), e);
    }
    try {
      Files.move(tmp, dir, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      deleteTree(tmp);
      throw new GitSyncException(dir.toString(), "cannot move new cache repository into place: " + e.getMessage(), e);
    }
  }

  private void discard(Path dir) {
    Path trash = root.resolve(".trash-" + UUID.randomUUID());
    try {
      Files.move(dir, trash, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new GitSyncException(dir.toString(), "cannot move corrupt cache aside: " + e.getMessage(), e);
    }
    deleteTree(trash);
  }

  private static void deleteTree(Path dir) {
    try (Stream<Path> files = Files.walk(dir)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // a leftover .trash- or .tmp- directory is never served; it is only disk space
    }
  }

  private Path directoryFor(String key) {
    String readable = key.substring(0, key.indexOf('\n')).replaceFirst("^[a-z]+://", "").replaceAll("[^A-Za-z0-9._-]+", "_");
    if (readable.length() > 60) {
      readable = readable.substring(readable.length() - 60);
    }
    return root.resolve(readable + "-" + sha256(key).substring(0, 12));
  }

  private static String sha256(String s) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    open.values().forEach(CachedRepository::close);
    open.clear();
    try {
      processLock.release();
      lockChannel.close();
    } catch (IOException e) {
      // the lock goes away with the process anyway
    }
  }
}
