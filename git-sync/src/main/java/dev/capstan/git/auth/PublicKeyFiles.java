package dev.capstan.git.auth;

import dev.capstan.git.GitSyncException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Public key material that arrived as text (a Secret's {@code known_hosts}, trusted signing keys),
 * written as the files JGit and MINA SSHD read. Each file is named after its content, so a changed
 * Secret gives a new file and equal ones share one. They live in a folder this process creates,
 * readable and writable by its user only: nobody else can put a key of their own in its place.
 */
public final class PublicKeyFiles {
  private static Path dir;

  private PublicKeyFiles() {
  }

  /** The file holding {@code content}, written if this process has not written it yet. */
  public static synchronized Path write(byte[] content, String suffix) {
    try {
      if (dir == null || !Files.isDirectory(dir)) {
        // createTempDirectory makes it owner-only (rwx------) on POSIX systems
        dir = Files.createTempDirectory("capstan-public-keys-");
      }
      Path file = dir.resolve(sha256(content) + suffix);
      if (!Files.isRegularFile(file)) {
        Path tmp = Files.createTempFile(dir, ".new-", suffix);
        Files.write(tmp, content);
        Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      }
      return file;
    } catch (IOException e) {
      throw new GitSyncException(String.valueOf(dir), "cannot write public keys: " + e.getMessage());
    }
  }

  private static String sha256(byte[] b) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
