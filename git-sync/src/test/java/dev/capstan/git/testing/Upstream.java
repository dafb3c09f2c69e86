package dev.capstan.git.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * A real upstream: a bare repository (what servers export) and a work clone to make commits in,
 * driven through the git command line the way a developer pushes.
 */
public final class Upstream {
  private final Path base;
  private final Path bare;
  private final Path work;
  private final Map<String, String> env = new HashMap<>();

  private Upstream(Path base, String name) {
    this.base = base;
    this.bare = base.resolve(name + ".git");
    this.work = base.resolve(name + "-work");
  }

  /** A bare repository {@code name}.git under {@code base} with a work clone beside it. */
  public static Upstream create(Path base, String name) {
    Upstream u = new Upstream(base, name);
    GitCli.run(base, "init", "-q", "--bare", bare(u));
    GitCli.run(base, "clone", "-q", bare(u), u.work.toString());
    return u;
  }

  private static String bare(Upstream u) {
    return u.bare.toString();
  }

  /** Environment for every git call (GNUPGHOME for signing tests). */
  public Upstream withEnv(String name, String value) {
    env.put(name, value);
    return this;
  }

  public Path base() {
    return base;
  }

  public Path bare() {
    return bare;
  }

  public String fileUrl() {
    return "file://" + bare;
  }

  public String git(String... args) {
    return GitCli.run(work, env, args);
  }

  /** Writes files (a null content deletes), commits them and returns the new commit SHA. */
  public String commit(String message, Map<String, String> files, String... commitFlags) {
    try {
      for (var e : files.entrySet()) {
        Path p = work.resolve(e.getKey());
        if (e.getValue() == null) {
          Files.deleteIfExists(p);
        } else {
          Files.createDirectories(p.getParent());
          Files.writeString(p, e.getValue());
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    git("add", "-A");
    java.util.List<String> args = new java.util.ArrayList<>(java.util.List.of("commit", "-q", "--allow-empty"));
    args.addAll(java.util.List.of(commitFlags));
    args.addAll(java.util.List.of("-m", message));
    git(args.toArray(String[]::new));
    return git("rev-parse", "HEAD");
  }

  public String commitBytes(String message, String path, byte[] content) {
    try {
      Path p = work.resolve(path);
      Files.createDirectories(p.getParent());
      Files.write(p, content);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    git("add", "-A");
    git("commit", "-q", "-m", message);
    return git("rev-parse", "HEAD");
  }

  /** Commits and pushes the current branch. */
  public String push(String message, Map<String, String> files) {
    String sha = commit(message, files);
    git("push", "-q", "origin", "HEAD");
    return sha;
  }

  public void forcePush() {
    git("push", "-q", "--force", "origin", "HEAD");
  }
}
