package dev.capstan.engine.diff;

/** What applying the release would do to one object. */
public enum DiffAction {
  ADDED,
  CHANGED,
  UNCHANGED,
  /** In the previous revision, no longer rendered: prune would delete it. */
  PRUNED
}
