package dev.capstan.cli;

import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.PersonIdent;

/** Commits for tests of commands that read charts at a Git revision. */
final class GitCommits {
  private GitCommits() {}

  /** Commits everything in {@code git}'s work tree, unsigned, as a fixed test author. */
  static void commitAll(Git git, String message) throws Exception {
    git.add().addFilepattern(".").call();
    PersonIdent who = new PersonIdent("Test", "test@example.com");
    git.commit().setMessage(message).setAuthor(who).setCommitter(who).setSign(false).call();
  }
}
