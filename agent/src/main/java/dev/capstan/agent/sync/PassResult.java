package dev.capstan.agent.sync;

import dev.capstan.agent.application.ApplicationStatus;

/**
 * What a pass left: the status to publish, what it did ({@link Outcome}, counted in metrics), and
 * whether the failure behind it should be retried.
 */
public record PassResult(ApplicationStatus status, Outcome outcome) {
  /** What a pass did. */
  public enum Outcome {
    SYNCED, COMPARED, UNCHANGED, FAILED, INVALID, SUSPENDED;

    public String label() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  public boolean retry() {
    return outcome == Outcome.FAILED;
  }

  static PassResult of(ApplicationStatus status, Outcome outcome) {
    return new PassResult(status, outcome);
  }
}
