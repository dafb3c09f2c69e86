package dev.capstan.cli.up;

import dev.capstan.core.CapstanException;
import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.StoredConfig;
import org.eclipse.jgit.transport.RefSpec;
import org.eclipse.jgit.transport.URIish;

/**
 * The quickstart's Git side: a bare repository (what a Git host would hold) and a clone to edit,
 * seeded with the examples, so a user can commit and push and watch the agent pick it up.
 */
final class QuickstartRepo {
  private final Path bare;
  private final Path clone;

  private QuickstartRepo(Path bare, Path clone) {
    this.bare = bare;
    this.clone = clone;
  }

  /** Creates both under {@code dir}, or reuses them when a previous {@code capstan up} made them. */
  static QuickstartRepo seed(Path dir, Path examples) {
    Path bare = dir.resolve("gitops.git");
    Path clone = dir.resolve("gitops");
    if (Files.isDirectory(bare) && Files.isDirectory(clone.resolve(".git"))) {
      return new QuickstartRepo(bare, clone);
    }
    if (!Files.isDirectory(examples)) {
      throw new CapstanException("--examples " + examples, "no such folder (run from a Capstan checkout or give --examples)");
    }
    try {
      Files.createDirectories(dir);
      Git.init().setBare(true).setInitialBranch("main").setDirectory(bare.toFile()).call().close();
      try (Git git = Git.init().setInitialBranch("main").setDirectory(clone.toFile()).call()) {
        copyTree(examples, clone.resolve("examples"));
        git.add().addFilepattern(".").call();
        git.commit().setMessage("Seed the GitOps repository with Capstan's examples").setSign(false)
            .setAuthor("Capstan quickstart", "quickstart@capstan.dev").setCommitter("Capstan quickstart", "quickstart@capstan.dev").call();
        git.remoteAdd().setName("origin").setUri(new URIish("file://" + bare.toAbsolutePath())).call();
        git.push().setRemote("origin").setRefSpecs(new RefSpec("refs/heads/main:refs/heads/main")).call();
        // So that a plain `git push` in the working copy goes where the agent looks.
        StoredConfig config = git.getRepository().getConfig();
        config.setString("branch", "main", "remote", "origin");
        config.setString("branch", "main", "merge", "refs/heads/main");
        config.save();
      }
    } catch (GitAPIException | IOException | java.net.URISyntaxException e) {
      throw new CapstanException(dir.toString(), "cannot create the quickstart Git repository: " + e.getMessage(), e);
    }
    return new QuickstartRepo(bare, clone);
  }

  /** {@code file:///…/gitops.git}, without the trailing slash {@code Path.toUri()} gives a folder. */
  String url() {
    return "file://" + bare.toAbsolutePath();
  }

  Path workingCopy() {
    return clone;
  }

  private static void copyTree(Path from, Path to) throws IOException {
    Files.walkFileTree(from, new SimpleFileVisitor<>() {
      @Override
      public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
        Files.createDirectories(to.resolve(from.relativize(dir).toString()));
        return FileVisitResult.CONTINUE;
      }

      @Override
      public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
        Files.copy(file, to.resolve(from.relativize(file).toString()), StandardCopyOption.REPLACE_EXISTING);
        return FileVisitResult.CONTINUE;
      }
    });
  }
}
