package dev.capstan.engine.resource;

/** What the engine did to one object. */
public enum Action {
  CREATED,
  CONFIGURED,
  UNCHANGED,
  DELETED,
  /** Left alone on purpose (prune disabled, owned by another release, already gone). */
  SKIPPED
}
