package dev.capstan.agent.sync;

import dev.capstan.agent.application.Application;
import dev.capstan.agent.application.ApplicationStatus;
import dev.capstan.engine.resource.DesiredState;

/**
 * What the agent remembers about one application between passes, so a pass with nothing new costs
 * one Git round trip and no render and no API writes. Owned by the work queue: only one thread
 * touches a record at a time.
 */
public final class AppRecord {
  private Application application;
  private ApplicationStatus status;
  private String syncedCommit;
  private String syncedSpec;
  private DesiredState desired;
  private String comparedCommit;
  private String comparedSpec;
  private String failedCommit;
  private String failedSpec;
  private String fetchedCommit;
  private final java.util.Set<String> fetchedReferences = new java.util.HashSet<>();

  public AppRecord(Application application) {
    this.application = application;
    this.status = application.getStatus();
  }

  public Application application() {
    return application;
  }

  public void application(Application updated) {
    this.application = updated;
  }

  public ApplicationStatus status() {
    return status;
  }

  public void status(ApplicationStatus status) {
    this.status = status;
  }

  /** The revision last applied (a commit, or a chart's {@code VERSION@digest}), or null before the first sync. */
  public String syncedCommit() {
    return syncedCommit;
  }

  /**
   * The fingerprint of the spec last applied, with the named sources' commits and the valuesFrom
   * content; a different one means values or policy changed.
   */
  public String syncedSpec() {
    return syncedSpec;
  }

  /** The last rendered desired state, re-applied as it is when drift is corrected. */
  public DesiredState desired() {
    return desired;
  }

  /** The commit and spec last compared without applying (a manual app, a held window, drift without self-heal). */
  public String comparedCommit() {
    return comparedCommit;
  }

  public String comparedSpec() {
    return comparedSpec;
  }

  /** What the deployed source last resolved to (a commit, or a chart's {@code VERSION@digest}), or null. */
  public String fetchedCommit() {
    return fetchedCommit;
  }

  void fetched(String commit) {
    this.fetchedCommit = commit;
    this.fetchedReferences.clear();
  }

  /** A named source that provides values files resolved to {@code commit} in this pass. */
  void fetchedReference(String commit) {
    this.fetchedReferences.add(commit);
  }

  /** Whether the last pass saw {@code commit} in any of the application's sources. */
  public boolean sawCommit(String commit) {
    return commit.equals(fetchedCommit) || fetchedReferences.contains(commit);
  }

  /** Whether the last apply of exactly this commit and spec failed; polls and pushes do not repeat it. */
  boolean failedBefore(String commit, String spec) {
    return commit.equals(failedCommit) && spec.equals(failedSpec);
  }

  void failed(String commit, String spec) {
    this.failedCommit = commit;
    this.failedSpec = spec;
  }

  void synced(String commit, String spec, DesiredState desired) {
    this.failedCommit = null;
    this.failedSpec = null;
    this.syncedCommit = commit;
    this.syncedSpec = spec;
    this.desired = desired;
    compared(commit, spec);
  }

  void compared(String commit, String spec) {
    this.comparedCommit = commit;
    this.comparedSpec = spec;
  }

  /**
   * Forgets what was applied and compared, as after a restart: the next pass looks at the cluster
   * again, writing only what changed there (it lost nothing of its history). Used when the cluster
   * could not be reached, since nobody knows what happened there meanwhile.
   */
  void forgetPasses() {
    this.syncedCommit = null;
    this.syncedSpec = null;
    this.comparedCommit = null;
    this.comparedSpec = null;
    this.failedCommit = null;
    this.failedSpec = null;
  }
}
