package dev.capstan.commitstatus;

/** Where a deploy of a commit stands, as shown on the commit in the Git host. */
public enum CommitState {
  /** The deploy has started. */
  PENDING,
  /** The commit is live. */
  SUCCESS,
  /** The deploy failed or did not become healthy. */
  FAILURE
}
