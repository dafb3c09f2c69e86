package dev.capstan.engine.diff;

import java.util.List;

/**
 * How to diff.
 *
 * @param ignoreRules fields left out per kind
 * @param serverDryRun ask the API server (server-side apply dry-run) what each object would become;
 *     when false, or when the server cannot, overlay the manifest on the live object instead
 * @param forceConflicts dry-run as if conflicts were forced, as {@code apply --force-conflicts} would
 */
public record DiffOptions(List<IgnoreRule> ignoreRules, boolean serverDryRun, boolean forceConflicts) {
  public DiffOptions {
    ignoreRules = List.copyOf(ignoreRules);
  }

  public static DiffOptions defaults() {
    return new DiffOptions(List.of(), true, false);
  }

  public DiffOptions withIgnoreRules(List<IgnoreRule> ignoreRules) {
    return new DiffOptions(ignoreRules, serverDryRun, forceConflicts);
  }

  public DiffOptions withServerDryRun(boolean serverDryRun) {
    return new DiffOptions(ignoreRules, serverDryRun, forceConflicts);
  }

  public DiffOptions withForceConflicts(boolean forceConflicts) {
    return new DiffOptions(ignoreRules, serverDryRun, forceConflicts);
  }
}
