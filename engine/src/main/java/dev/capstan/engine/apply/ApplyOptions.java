package dev.capstan.engine.apply;

import dev.capstan.engine.diff.IgnoreRule;
import java.time.Duration;
import java.util.List;

/**
 * How to apply.
 *
 * @param forceConflicts take fields other field managers own instead of failing
 * @param dryRun send every apply as a server-side dry-run; nothing is persisted
 * @param waitForLastStage wait for the last stage to be healthy too (earlier stages are always waited for)
 * @param timeout how long all waiting together may take
 * @param ignoreRules fields the no-change check leaves out (e.g. autoscaled replicas)
 */
public record ApplyOptions(boolean forceConflicts, boolean dryRun, boolean waitForLastStage, Duration timeout, List<IgnoreRule> ignoreRules) {
  public ApplyOptions {
    ignoreRules = List.copyOf(ignoreRules);
  }

  public static ApplyOptions defaults() {
    return new ApplyOptions(false, false, false, Duration.ofMinutes(5), List.of());
  }

  public ApplyOptions withForceConflicts(boolean forceConflicts) {
    return new ApplyOptions(forceConflicts, dryRun, waitForLastStage, timeout, ignoreRules);
  }

  public ApplyOptions withDryRun(boolean dryRun) {
    return new ApplyOptions(forceConflicts, dryRun, waitForLastStage, timeout, ignoreRules);
  }

  public ApplyOptions withWait(boolean waitForLastStage) {
    return new ApplyOptions(forceConflicts, dryRun, waitForLastStage, timeout, ignoreRules);
  }

  public ApplyOptions withTimeout(Duration timeout) {
    return new ApplyOptions(forceConflicts, dryRun, waitForLastStage, timeout, ignoreRules);
  }

  public ApplyOptions withIgnoreRules(List<IgnoreRule> ignoreRules) {
    return new ApplyOptions(forceConflicts, dryRun, waitForLastStage, timeout, ignoreRules);
  }
}
