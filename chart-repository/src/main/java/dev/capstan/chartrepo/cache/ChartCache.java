package dev.capstan.chartrepo.cache;

import dev.capstan.chartrepo.http.SourceException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;

/**
 * Chart archives on disk by content: {@code <root>/sha256/<hex>.tgz}. A file is only ever written
 * whole under its own digest (temporary file, then an atomic rename), and read back only if its
 * bytes still hash to that name, so several threads or processes can share one cache without locks:
 * two writers of one digest write the same bytes, and a reader never sees half a file. Shared by
 * Applications and commands; a chart fetched once is not downloaded again while its digest is known.
 */
public final class ChartCache {
  private final Path root;

  private ChartCache(Path root) {
    this.root = root;
  }

  /** The cache under {@code root}, created on first write. */
  public static ChartCache at(Path root) {
    return new ChartCache(root);
  }

  /** {@code $CAPSTAN_CACHE_DIR/charts}, else {@code ~/.cache/capstan/charts}. */
  public static ChartCache userDefault() {
    String env = System.getenv("CAPSTAN_CACHE_DIR");
    Path base = env != null && !env.isBlank() ? Path.of(env)
        : Path.of(System.getProperty("user.home"), ".cache", "capstan");
    return at(base.resolve("charts"));
  }

  public Path root() {
    return root;
  }

  /** The archive with this digest, if the cache holds it intact (a corrupted file is removed). */
  public Optional<byte[]> get(Digest digest) {
    Path file = path(digest);
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      return Optional.empty();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (!Digest.of(bytes).equals(digest)) {
      try {
        Files.deleteIfExists(file);
      } catch (IOException ignored) {
        // another process may have replaced it already; the next read checks again
      }
      return Optional.empty();
    }
    return Optional.of(bytes);
  }

  /**
   * Stores {@code bytes}, first checking them against {@code expected} when the source published a
   * digest (index.yaml, Chart.lock, an OCI manifest); returns their digest. {@code where} names the
   * source in the mismatch error.
   */
  public Digest put(byte[] bytes, Optional<Digest> expected, String where) {
    Digest actual = Digest.of(bytes);
    if (expected.isPresent() && !expected.get().equals(actual)) {
      throw new SourceException(where, SourceException.Reason.DIGEST_MISMATCH,
          "digest mismatch: the source publishes " + expected.get() + " but the archive is " + actual);
    }
    Path file = path(actual);
    if (Files.isRegularFile(file)) {
      return actual;
    }
    try {
      Files.createDirectories(file.getParent());
      Path tmp = Files.createTempFile(file.getParent(), ".part-", ".tgz");
      try {
        Files.write(tmp, bytes);
        move(tmp, file);
      } finally {
        Files.deleteIfExists(tmp);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the chart cache " + root + ": " + e.getMessage(), e);
    }
    return actual;
  }

  private static void move(Path tmp, Path file) throws IOException {
    try {
      Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE);
    } catch (FileAlreadyExistsException e) {
      // a concurrent writer stored the same bytes first
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  /** Where the archive with this digest lives. */
  public Path path(Digest digest) {
    return root.resolve("sha256").resolve(digest.hex() + ".tgz");
  }
}
