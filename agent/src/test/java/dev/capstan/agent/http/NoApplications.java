package dev.capstan.agent.http;

import dev.capstan.agent.AgentOperations;
import dev.capstan.agent.UnknownApplicationException;
import dev.capstan.agent.application.Application;
import dev.capstan.agent.application.ApplicationStatus.HistoryEntry;
import dev.capstan.engine.diff.DiffReport;
import dev.capstan.engine.release.ObjectNode;
import java.util.List;
import java.util.Optional;

/** An agent with no applications, ready: what the HTTP server's tests that are not about applications serve. */
final class NoApplications implements AgentOperations {
  @Override public List<Application> applications() {
    return List.of();
  }

  @Override public Optional<Application> application(String name) {
    return Optional.empty();
  }

  @Override public DiffReport diff(String name) {
    throw new UnknownApplicationException(name);
  }

  @Override public List<HistoryEntry> history(String name) {
    throw new UnknownApplicationException(name);
  }

  @Override public List<ObjectNode> tree(String name) {
    throw new UnknownApplicationException(name);
  }

  @Override public Optional<String> requestSync(String name, boolean overrideSyncWindows) {
    throw new UnknownApplicationException(name);
  }

  @Override public HistoryEntry rollback(String name, int revision) {
    throw new UnknownApplicationException(name);
  }

  @Override public boolean ready() {
    return true;
  }
}
