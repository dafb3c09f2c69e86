package dev.capstan.git.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * A throw-away GnuPG home with keys made on the fly (nothing committed), for commits the real git
 * signs: give {@link #home()} to {@link Upstream#withEnv} as {@code GNUPGHOME} and commit with
 * {@code -S<fingerprint>}. Close it to stop the gpg-agent it started.
 */
public final class Gpg implements AutoCloseable {
  private final Path home;

  private Gpg(Path home) {
    this.home = home;
  }

  public static Gpg in(Path dir) throws IOException {
    Path home = Files.createDirectories(dir.resolve("gnupg"));
    Files.setPosixFilePermissions(home, PosixFilePermissions.fromString("rwx------"));
    return new Gpg(home);
  }

  public Path home() {
    return home;
  }

  /** A new ed25519 signing key without passphrase for {@code uid}; returns its fingerprint. */
  public String newKey(String uid) {
    run("--batch", "--pinentry-mode", "loopback", "--passphrase", "", "--quick-gen-key", uid, "ed25519", "sign", "never");
    String colons = run("--batch", "--with-colons", "--list-keys", uid);
    return colons.lines().filter(l -> l.startsWith("fpr:")).findFirst().orElseThrow().split(":")[9];
  }

  /** The armored public key, as {@code gpg --armor --export} prints it. */
  public String exportArmored(String fingerprint) {
    return run("--batch", "--armor", "--export", fingerprint);
  }

  private String run(String... args) {
    try {
      String[] cmd = new String[args.length + 1];
      cmd[0] = "gpg";
      System.arraycopy(args, 0, cmd, 1, args.length);
      ProcessBuilder pb = new ProcessBuilder(cmd);
      pb.environment().put("GNUPGHOME", home.toString());
      Process p = pb.start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
      if (p.waitFor() != 0) {
        throw new IllegalStateException("gpg " + String.join(" ", args) + ": " + err);
      }
      return out;
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() throws Exception {
    ProcessBuilder pb = new ProcessBuilder("gpgconf", "--kill", "gpg-agent");
    pb.environment().put("GNUPGHOME", home.toString());
    pb.start().waitFor();
  }
}
