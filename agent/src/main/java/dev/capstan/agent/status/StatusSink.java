package dev.capstan.agent.status;

import dev.capstan.agent.application.Application;
import dev.capstan.agent.application.ApplicationStatus;

/**
 * Where an application's status goes: nowhere but memory when the agent runs from files, the
 * {@code status} subresource when it watches Application resources. Called only when the status
 * changed, so a pass with nothing new writes nothing.
 */
public interface StatusSink {
  void publish(Application app, ApplicationStatus status);

  /**
   * What the Application deployed is gone: let the API server finish deleting it (the cluster sink
   * removes {@link Application#RESOURCES_FINALIZER}). Nothing to do for files.
   */
  default void released(Application app) {}

  /** The agent no longer keeps {@code name} (its Application was deleted, or this replica stopped leading). */
  default void forgotten(String name) {}

  /** For an agent run from files: the status lives in memory and the API serves it. */
  static StatusSink inMemory() {
    return (app, status) -> { };
  }
}
