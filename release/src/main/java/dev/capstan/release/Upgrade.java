package dev.capstan.release;

import dev.capstan.engine.cluster.Cluster;
import dev.capstan.engine.health.WaitProgress;
import dev.capstan.engine.history.ReleaseStore;
import dev.capstan.engine.release.Sync;
import dev.capstan.engine.release.SyncOptions;
import dev.capstan.engine.release.SyncResult;
import dev.capstan.engine.resource.DesiredState;
import java.util.function.Consumer;

/**
 * Installs or upgrades a release ({@code helm upgrade --install}): renders the chart as the next
 * revision and syncs it. {@code capstan apply} and the agent's syncs both run this.
 */
public final class Upgrade {
  private final Cluster cluster;
  private final ReleaseStore store;
  private final ReleaseRenderer renderer;
  private final SyncOptions options;
  private final Consumer<WaitProgress> progress;

  public Upgrade(Cluster cluster, ReleaseStore store, ReleaseRenderer renderer, SyncOptions options,
      Consumer<WaitProgress> progress) {
    this.cluster = cluster;
    this.store = store;
    this.renderer = renderer;
    this.options = options;
    this.progress = progress;
  }

  /** What {@link #run(ReleaseInput)} would sync, rendered now; nothing is written. */
  public DesiredState render(ReleaseInput input) {
    return renderer.render(store, input);
  }

  public SyncResult run(ReleaseInput input) {
    return run(render(input));
  }

  /** Syncs a state rendered earlier, as it is (the agent re-applies what it applied last when it heals drift). */
  public SyncResult run(DesiredState desired) {
    return new Sync(cluster, store, options, progress).run(desired);
  }
}
