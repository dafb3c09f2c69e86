package dev.capstan.engine.release;

import dev.capstan.engine.diff.IgnoreRule;
import dev.capstan.engine.history.HistoryLimit;
import java.time.Duration;
import java.util.List;

/**
 * How to install, upgrade or roll back a release.
 *
 * @param atomic on any failure put the previously deployed revision back (implies waiting)
 * @param waitHealthy wait until every object is healthy before recording success
 * @param timeout how long hooks and waits may take together
 * @param dryRun send everything as server-side dry-run and record nothing
 * @param forceConflicts take fields other field managers own
 * @param historyLimit revisions to keep, 0 for all
 * @param ignoreRules fields left out by the no-change check
 */
public record SyncOptions(
    boolean atomic,
    boolean waitHealthy,
    Duration timeout,
    boolean dryRun,
    boolean forceConflicts,
    int historyLimit,
    List<IgnoreRule> ignoreRules) {

  public SyncOptions {
    ignoreRules = List.copyOf(ignoreRules);
  }

  public static SyncOptions defaults() {
    return new SyncOptions(false, false, Duration.ofMinutes(5), false, false, HistoryLimit.DEFAULT, List.of());
  }

  public SyncOptions withAtomic(boolean atomic) {
    return new SyncOptions(atomic, waitHealthy, timeout, dryRun, forceConflicts, historyLimit, ignoreRules);
  }

  public SyncOptions withWait(boolean waitHealthy) {
    return new SyncOptions(atomic, waitHealthy, timeout, dryRun, forceConflicts, historyLimit, ignoreRules);
  }

  public SyncOptions withTimeout(Duration timeout) {
    return new SyncOptions(atomic, waitHealthy, timeout, dryRun, forceConflicts, historyLimit, ignoreRules);
  }

  public SyncOptions withDryRun(boolean dryRun) {
    return new SyncOptions(atomic, waitHealthy, timeout, dryRun, forceConflicts, historyLimit, ignoreRules);
  }

  public SyncOptions withForceConflicts(boolean forceConflicts) {
    return new SyncOptions(atomic, waitHealthy, timeout, dryRun, forceConflicts, historyLimit, ignoreRules);
  }

  public SyncOptions withHistoryLimit(int historyLimit) {
    return new SyncOptions(atomic, waitHealthy, timeout, dryRun, forceConflicts, historyLimit, ignoreRules);
  }

  public SyncOptions withIgnoreRules(List<IgnoreRule> ignoreRules) {
    return new SyncOptions(atomic, waitHealthy, timeout, dryRun, forceConflicts, historyLimit, ignoreRules);
  }
}
