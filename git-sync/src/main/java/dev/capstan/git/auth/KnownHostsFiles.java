package dev.capstan.git.auth;

import dev.capstan.git.GitSyncException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * known_hosts text from a Secret, as the file the SSH host key check reads. Host keys are public; the
 * file is named after its content, so a changed Secret gives a new file and equal Secrets share one.
 */
final class KnownHostsFiles {
  private static final Path DIR = Path.of(System.getProperty("java.io.tmpdir"), "capstan-known-hosts");

  private KnownHostsFiles() {
  }

  static String write(String text) {
    try {
      Files.createDirectories(DIR);
      Path file = DIR.resolve(sha256(text) + ".known_hosts");
      if (!Files.isRegularFile(file)) {
        Path tmp = Files.createTempFile(DIR, ".new-", ".known_hosts");
        Files.writeString(tmp, text, StandardCharsets.UTF_8);
        Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      }
      return file.toString();
    } catch (IOException e) {
      throw new GitSyncException(DIR.toString(), "cannot write known_hosts: " + e.getMessage());
    }
  }

  private static String sha256(String s) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
