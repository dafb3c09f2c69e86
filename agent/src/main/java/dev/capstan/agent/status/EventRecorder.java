package dev.capstan.agent.status;

import dev.capstan.agent.application.Application;

/** Posts Kubernetes Events on an Application (sync start, success, failure, rollback); nowhere for apps from files. */
public interface EventRecorder {
  void normal(Application app, String reason, String message);

  void warning(Application app, String reason, String message);

  static EventRecorder none() {
    return new EventRecorder() {
      @Override
      public void normal(Application app, String reason, String message) {}

      @Override
      public void warning(Application app, String reason, String message) {}
    };
  }
}
