package dev.capstan.agent.sync;

import dev.capstan.agent.application.ApplicationStatus;

/** What a pass left: the status to publish, and whether the failure behind it should be retried. */
public record PassResult(ApplicationStatus status, boolean retry) {
  static PassResult done(ApplicationStatus status) {
    return new PassResult(status, false);
  }

  static PassResult retry(ApplicationStatus status) {
    return new PassResult(status, true);
  }
}
