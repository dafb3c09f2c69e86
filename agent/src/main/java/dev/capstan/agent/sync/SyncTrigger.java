package dev.capstan.agent.sync;

/**
 * Why a pass runs; it decides what a pass may skip. Declared weakest first: when several triggers
 * wait for one application, the strongest is kept.
 */
public enum SyncTrigger {
  /** A managed object's status changed (a rollout progressed): read the health again, apply nothing. */
  HEALTH,
  /** The poll interval elapsed: sync only if Git or the spec moved. */
  POLL,
  /** A verified webhook push for the app's repository and ref. */
  PUSH,
  /** The retry policy's back-off elapsed after a failed pass: try the same commit again. */
  RETRY,
  /** The Application itself was created or changed. */
  SPEC,
  /** A managed object was changed or deleted by hand. */
  DRIFT,
  /** A user asked for a sync: apply even without {@code automated}. */
  MANUAL;

  /** Whether this trigger applies changes to an application without {@code automated}. */
  public boolean appliesWithoutAutomation() {
    return this == MANUAL;
  }
}
