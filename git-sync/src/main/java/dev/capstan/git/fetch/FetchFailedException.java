package dev.capstan.git.fetch;

import dev.capstan.git.GitSyncException;

/** A {@link FetchFailure} thrown to a caller that wants an exception rather than a result value. */
public class FetchFailedException extends GitSyncException {
  private final transient FetchFailure failure;

  public FetchFailedException(FetchFailure failure) {
    super(failure.url(), failure.message().substring(failure.url().length() + 2));
    this.failure = failure;
  }

  public FetchFailure failure() {
    return failure;
  }
}
