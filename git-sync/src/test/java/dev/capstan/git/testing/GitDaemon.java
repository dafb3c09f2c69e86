package dev.capstan.git.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;

/** The {@code git daemon} that ships with Git, serving a base directory on 127.0.0.1. */
public final class GitDaemon implements AutoCloseable {
  private final Process process;
  private final int port;

  private GitDaemon(Process process, int port) {
    this.process = process;
    this.port = port;
  }

  public static GitDaemon start(Path basePath) {
    int port = Ports.free();
    ProcessBuilder pb = new ProcessBuilder("git", "daemon", "--reuseaddr", "--export-all",
        "--base-path=" + basePath, "--listen=127.0.0.1", "--port=" + port, "--informative-errors", basePath.toString())
        .redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.DISCARD);
    pb.environment().put("GIT_CONFIG_NOSYSTEM", "1");
    pb.environment().put("GIT_CONFIG_GLOBAL", "/dev/null");
    try {
      Process p = pb.start();
      Ports.awaitListening(port, Duration.ofSeconds(10));
      return new GitDaemon(p, port);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public String url(String repo) {
    return "git://127.0.0.1:" + port + "/" + repo;
  }

  @Override
  public void close() {
    process.descendants().forEach(ProcessHandle::destroy);
    process.destroy();
  }
}
