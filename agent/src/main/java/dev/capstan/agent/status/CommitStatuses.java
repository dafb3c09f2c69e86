package dev.capstan.agent.status;

import dev.capstan.agent.application.Application;

/**
 * Tells the Git host how the deploy of a commit went ({@code pending} when it starts, then
 * {@code success} or {@code failure}), so a reviewer sees on the commit whether it is live. Never
 * blocks or fails a sync.
 */
public interface CommitStatuses {
  enum State { PENDING, SUCCESS, FAILURE }

  void report(Application app, String commit, State state, String description);

  static CommitStatuses none() {
    return (app, commit, state, description) -> { };
  }
}
