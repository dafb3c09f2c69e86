package dev.capstan.agent.sync;

import dev.capstan.agent.application.ApplicationStatus.HealthSummary;
import dev.capstan.agent.application.ApplicationStatus.HistoryEntry;
import java.util.List;

/**
 * What a pass read of its release, once, before building a status from it: the revisions to show,
 * newest first, and the live health, or null when the pass did not read it (or could not), so the
 * status keeps the health it had.
 */
record ReleaseView(List<HistoryEntry> history, HealthSummary health) {
  ReleaseView {
    history = List.copyOf(history);
  }
}
