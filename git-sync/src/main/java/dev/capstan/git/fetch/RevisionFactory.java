package dev.capstan.git.fetch;

import dev.capstan.git.verify.SignatureStatus;
import java.time.Instant;
import org.eclipse.jgit.revwalk.RevCommit;

final class RevisionFactory {
  private RevisionFactory() {
  }

  static GitRevision of(RevCommit commit, String ref, SignatureStatus signature) {
    return new GitRevision(commit.name(), ref, Person.of(commit.getAuthorIdent()), Person.of(commit.getCommitterIdent()),
        Instant.ofEpochSecond(commit.getCommitTime()), commit.getShortMessage(), signature);
  }
}
