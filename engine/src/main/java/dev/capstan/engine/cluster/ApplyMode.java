package dev.capstan.engine.cluster;

/** How one server-side apply request is sent. */
public record ApplyMode(boolean dryRun, boolean forceConflicts) {
  public static ApplyMode defaults() {
    return new ApplyMode(false, false);
  }

  public ApplyMode withDryRun(boolean dryRun) {
    return new ApplyMode(dryRun, forceConflicts);
  }

  public ApplyMode withForceConflicts(boolean forceConflicts) {
    return new ApplyMode(dryRun, forceConflicts);
  }
}
