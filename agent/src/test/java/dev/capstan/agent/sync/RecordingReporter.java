package dev.capstan.agent.sync;

import dev.capstan.agent.application.Application;
import dev.capstan.agent.status.CommitStatuses;
import dev.capstan.agent.status.EventRecorder;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Keeps the Events and commit statuses an agent reports, as {@code <reason>} and {@code commit <STATE>}. */
public final class RecordingReporter implements EventRecorder, CommitStatuses {
  private final List<String> events = new CopyOnWriteArrayList<>();
  private final List<String> commitStatuses = new CopyOnWriteArrayList<>();

  @Override
  public void normal(Application app, String reason, String message) {
    events.add(reason);
  }

  @Override
  public void warning(Application app, String reason, String message) {
    events.add(reason);
  }

  @Override
  public void report(Application app, String commit, State state, String description) {
    commitStatuses.add(state.name());
  }

  /** Event reasons, oldest first. */
  public List<String> events() {
    return List.copyOf(events);
  }

  /** Commit status states, oldest first. */
  public List<String> commitStatuses() {
    return List.copyOf(commitStatuses);
  }

  public void clear() {
    events.clear();
    commitStatuses.clear();
  }
}
