package dev.capstan.agent;

import dev.capstan.agent.application.Application;
import dev.capstan.agent.status.EventRecorder;

/**
 * Events of an Application deployed to a registered cluster: each message starts with the cluster's
 * name, so {@code kubectl describe} and event exporters tell clusters apart. The Event itself stays on
 * the Application, in the agent's cluster.
 */
record ClusterEvents(EventRecorder events, String cluster) implements EventRecorder {
  @Override
  public void normal(Application app, String reason, String message) {
    events.normal(app, reason, "[" + cluster + "] " + message);
  }

  @Override
  public void warning(Application app, String reason, String message) {
    events.warning(app, reason, "[" + cluster + "] " + message);
  }
}
