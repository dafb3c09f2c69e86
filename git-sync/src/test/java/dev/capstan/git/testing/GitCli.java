package dev.capstan.git.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs the real {@code git} with an isolated configuration (no user or system config). */
public final class GitCli {
  private GitCli() {
  }

  public static String run(Path dir, Map<String, String> env, String... args) {
    List<String> cmd = new ArrayList<>(List.of("git", "-c", "user.name=Test Author", "-c",
        "user.email=author@example.com", "-c", "init.defaultBranch=main", "-c", "commit.gpgsign=false",
        "-c", "tag.gpgsign=false", "-c", "protocol.file.allow=always"));
    cmd.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile());
    pb.environment().put("GIT_CONFIG_NOSYSTEM", "1");
    pb.environment().put("GIT_CONFIG_GLOBAL", "/dev/null");
    pb.environment().put("GIT_TERMINAL_PROMPT", "0");
    pb.environment().putAll(env);
    try {
      Process p = pb.start();
      byte[] err = new byte[0];
      byte[] out = p.getInputStream().readAllBytes();
      err = p.getErrorStream().readAllBytes();
      if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
        throw new IllegalStateException("git " + String.join(" ", args) + " failed: "
            + new String(err, StandardCharsets.UTF_8));
      }
      return new String(out, StandardCharsets.UTF_8).trim();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  public static String run(Path dir, String... args) {
    return run(dir, Map.of(), args);
  }
}
