package dev.capstan.git.fetch;

/** How a source's revision moved since the previous one. */
public enum RevisionMove {
  /** First time this source resolved. */
  INITIAL,
  /** Same commit as before. */
  UNCHANGED,
  /** New commits on top of the previous one. */
  FAST_FORWARD,
  /** The previous commit is no longer in the history (force-push, moved tag); still usable. */
  HISTORY_REWRITTEN
}
