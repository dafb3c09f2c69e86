package dev.capstan.git.fetch;

import java.util.List;
import java.util.Optional;

/** What one fetch of a source produced: a revision, or a typed failure with the last good revision. */
public sealed interface FetchResult {

  /** The revision to deploy, or the exception a caller that cannot go on should throw. */
  GitRevision revisionOrThrow();

  /**
   * The source resolved to {@code revision}.
   *
   * @param revision the commit, verified when the source requires it
   * @param change how it moved from {@code previousSha}
   * @param previousSha the revision it is compared with (the caller's last seen, else the last one this cache resolved)
   * @param pathChanged whether anything under the source's path differs from {@code previousSha}
   *     (true when there is no previous revision or it cannot be compared)
   * @param notices warnings that did not stop the fetch
   */
  record Success(GitRevision revision, RevisionMove change, Optional<String> previousSha, boolean pathChanged,
      List<Notice> notices) implements FetchResult {
    @Override
    public GitRevision revisionOrThrow() {
      return revision;
    }
  }

  /**
   * No usable new revision.
   *
   * @param failure what went wrong
   * @param lastGood the last revision this source resolved to (and, for a verified source, that
   *     passed verification); its files are still in the cache and readable
   */
  record Failure(FetchFailure failure, Optional<GitRevision> lastGood) implements FetchResult {
    @Override
    public GitRevision revisionOrThrow() {
      throw new FetchFailedException(failure);
    }
  }
}
