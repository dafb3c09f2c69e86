package dev.capstan.engine.hooks;

import dev.capstan.engine.cluster.ApplyMode;
import dev.capstan.engine.cluster.Cluster;
import dev.capstan.engine.health.HealthWaiter;
import dev.capstan.engine.health.WaitProgress;
import dev.capstan.engine.plan.Ownership;
import dev.capstan.engine.plan.PlannedObject;
import dev.capstan.engine.resource.HookPhase;
import dev.capstan.engine.resource.ObjectRef;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Runs the hooks of one phase, one after the other: a hook left from an earlier sync is deleted
 * first (a Job cannot be re-run in place), the hook is created, and the runner waits until it is
 * healthy — a Job complete, a failed Job fails the phase.
 */
public final class HookRunner {
  private final Cluster cluster;
  private final Consumer<WaitProgress> progress;

  public HookRunner(Cluster cluster, Consumer<WaitProgress> progress) {
    this.cluster = cluster;
    this.progress = progress;
  }

  public void run(HookPhase phase, List<PlannedObject> hooks, String releaseId, Duration timeout) {
    for (PlannedObject hook : hooks) {
      try {
        replace(hook, releaseId, timeout);
        new HealthWaiter(cluster).await(List.of(hook.ref()), timeout, progress);
      } catch (RuntimeException e) {
        throw new HookFailedException(hook.ref(), phase, e);
      }
    }
  }

  private void replace(PlannedObject hook, String releaseId, Duration timeout) {
    ObjectRef ref = hook.ref();
    Optional<Map<String, Object>> old = cluster.get(ref);
    if (old.isPresent()) {
      Ownership.check(ref, old.get(), releaseId);
      cluster.delete(ref);
      cluster.resource(ref).waitUntilCondition(Objects::isNull, timeout.toMillis(), TimeUnit.MILLISECONDS);
    }
    cluster.apply(hook.object(), ApplyMode.defaults());
  }
}
