package dev.capstan.agent;

import dev.capstan.agent.application.Application;
import dev.capstan.agent.sync.AppRecord;
import dev.capstan.agent.sync.SyncTrigger;
import dev.capstan.engine.resource.CapstanMetadata;

/**
 * Everything the agent holds for one application, in one place: what passes remember ({@link
 * AppRecord}), the trigger waiting for the next pass, a manual sync's window override, the release
 * it deploys and a push not yet seen by a fetch. Created when an application is added and removed
 * whole when it is forgotten, so nothing of it can outlive it. The record belongs to the pass that
 * works the app; the rest is set by triggers on other threads, hence the locking.
 */
final class AppSlot {
  private final AppRecord record;
  private volatile String releaseId;
  private SyncTrigger pending;
  private boolean overrideWindows;
  private PendingPush push;

  AppSlot(Application app) {
    this.record = new AppRecord(app);
    this.releaseId = releaseIdOf(app);
  }

  /** A new version of the Application; what passes remember of the old one stays. */
  void update(Application app) {
    record.application(app);
    releaseId = releaseIdOf(app);
  }

  AppRecord record() {
    return record;
  }

  Application application() {
    return record.application();
  }

  /** The release id ({@code namespace/release}) the application deploys, or null for a spec without a destination. */
  String releaseId() {
    return releaseId;
  }

  private static String releaseIdOf(Application app) {
    if (app.getSpec() == null || app.getSpec().destination() == null) {
      return null;
    }
    return CapstanMetadata.releaseId(app.getSpec().destination().namespace(), releaseName(app));
  }

  /** Keeps the stronger of the waiting trigger and {@code trigger}. */
  synchronized void trigger(SyncTrigger trigger) {
    pending = pending == null || trigger.compareTo(pending) > 0 ? trigger : pending;
  }

  /** The waiting trigger, now taken, or null. */
  synchronized SyncTrigger takeTrigger() {
    SyncTrigger taken = pending;
    pending = null;
    return taken;
  }

  /** Whether the next manual sync may run inside a deny window; set by each sync request. */
  synchronized void overrideWindows(boolean override) {
    this.overrideWindows = override;
  }

  /** The override, now used up. */
  synchronized boolean takeWindowOverride() {
    boolean taken = overrideWindows;
    overrideWindows = false;
    return taken;
  }

  synchronized PendingPush push() {
    return push;
  }

  synchronized void push(PendingPush push) {
    this.push = push;
  }

  static String releaseName(Application app) {
    String release = app.getSpec().destination().releaseName();
    return release == null || release.isBlank() ? app.getMetadata().getName() : release;
  }

  /** A commit a push announced and a fetch has not seen yet, and how many more looks it gets. */
  record PendingPush(String commit, int looksLeft) {}
}
