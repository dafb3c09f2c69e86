package dev.capstan.agent;

import dev.capstan.agent.AppSlot.PendingPush;
import dev.capstan.agent.application.Application;
import dev.capstan.agent.application.ApplicationStatus.HistoryEntry;
import dev.capstan.agent.application.Destination;
import dev.capstan.agent.application.SyncPolicy;
import dev.capstan.agent.loop.SyncWindows;
import dev.capstan.agent.loop.WorkQueue;
import dev.capstan.agent.status.StatusSink;
import dev.capstan.agent.sync.AgentContext;
import dev.capstan.agent.sync.SyncTrigger;
import dev.capstan.agent.trigger.PollScheduler;
import dev.capstan.agent.trigger.PushMatch;
import dev.capstan.engine.diff.DiffReport;
import dev.capstan.engine.release.ObjectNode;
import dev.capstan.webhook.dispatch.PushListener;
import dev.capstan.webhook.event.PushEvent;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps every known application in sync with Git. Triggers (polls, pushes, drift, manual syncs,
 * spec changes) only enqueue; one bounded work queue runs passes ({@link PassRunner}), so a burst of
 * triggers costs one pass and no application is synced twice at once. What the front ends read of a
 * release, and its rollback, is {@link ReleaseActions}'.
 */
public final class Agent implements AgentOperations, PushListener, AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Agent.class);

  private final AgentContext ctx;
  private final StatusSink sink;
  private final AppSlots slots = new AppSlots();
  private final PollScheduler polls;
  private final AtomicBoolean ready = new AtomicBoolean();
  private final DriftWatch drift;
  /** The clusters apps deploy to by name, or null when every app deploys to the one cluster of {@link #ctx}. */
  private final ClusterTargets targets;
  private final ReleaseActions releases;
  private final WorkQueue<String> queue;

  /**
   * @param driftWatch how drift of applied objects is noticed; the runtime passes the cluster's
   */
  public Agent(AgentContext ctx, StatusSink sink, DriftWatch.Factory driftWatch, int concurrency) {
    this(ctx, sink, driftWatch, concurrency, null);
  }

  /**
   * An agent deploying to several clusters: each pass resolves its app's {@code spec.destination.cluster}
   * through {@code clusterTargets} and runs on that cluster's releases; {@code ctx}'s own are unused.
   *
   * @param clusterTargets null for the one cluster of {@code ctx}
   */
  public Agent(AgentContext ctx, StatusSink sink, DriftWatch.Factory driftWatch, int concurrency, ClusterTargets.Factory clusterTargets) {
    this.ctx = ctx;
    this.sink = sink;
    this.polls = new PollScheduler(name -> trigger(name, SyncTrigger.POLL));
    this.drift = driftWatch.start(release -> slots.forEachDeploying(Destination.IN_CLUSTER, release, this::onDrift),
        release -> slots.forEachDeploying(Destination.IN_CLUSTER, release, name -> trigger(name, SyncTrigger.HEALTH)));
    this.targets = clusterTargets == null ? null : clusterTargets.start(new ClusterTargets.Listener() {
      @Override
      public void drifted(String cluster, String releaseId) {
        slots.forEachDeploying(cluster, releaseId, Agent.this::onDrift);
      }

      @Override
      public void statusChanged(String cluster, String releaseId) {
        slots.forEachDeploying(cluster, releaseId, name -> trigger(name, SyncTrigger.HEALTH));
      }

      @Override
      public void changed(String cluster) {
        slots.forEachOn(cluster, name -> trigger(name, SyncTrigger.RETRY));
      }
    });
    ClusterContexts contexts = new ClusterContexts(ctx, targets);
    this.releases = new ReleaseActions(slots, contexts);
    PassRunner runner = new PassRunner(slots, contexts, sink, drift, this::trigger);
    this.queue = new WorkQueue<>(concurrency, runner::run, this::retryDelay);
    AgentGauges.register(ctx.metrics(), queue, slots);
  }

  /** Adds or updates an application; a new spec is synced at once. */
  public void upsert(Application app) {
    String name = app.getMetadata().getName();
    AppSlot existing = slots.get(name);
    boolean deleting = app.deletingResources();
    if (!deleting && existing != null && Objects.equals(existing.application().getSpec(), app.getSpec())) {
      return;
    }
    if (existing == null) {
      slots.put(name, new AppSlot(app));
    } else {
      existing.update(app);
    }
    if (deleting) {
      polls.unschedule(name);
      trigger(name, SyncTrigger.MANUAL); // the pass deletes before it looks at the trigger
      return;
    }
    polls.schedule(name, intervalOf(app));
    trigger(name, SyncTrigger.SPEC);
  }

  /** Forgets an application; what it deployed stays, as when an Argo CD Application without finalizer is deleted. */
  public void remove(String name) {
    polls.unschedule(name);
    if (slots.remove(name)) {
      sink.forgotten(name);
    }
  }

  /** Marks the agent ready once the initial set of applications is loaded. */
  public void markReady() {
    ready.set(true);
  }

  @Override
  public void onPush(PushEvent push) {
    slots.forEach((name, slot) -> {
      if (slot.application().getSpec().allSources().stream().anyMatch(source -> PushMatch.matches(source, push))) {
        slot.push(new PendingPush(push.commit(), PassRunner.PUSH_LOOKS));
        trigger(name, SyncTrigger.PUSH);
      }
    });
  }

  /** A managed object of {@code name} was changed or deleted by hand. */
  public void onDrift(String name) {
    trigger(name, SyncTrigger.DRIFT);
  }

  /** Queues a pass of a known application; the strongest waiting trigger is kept. */
  private void trigger(String name, SyncTrigger trigger) {
    AppSlot slot = slots.get(name);
    if (slot != null) {
      slot.trigger(trigger);
      queue.add(name);
    }
  }

  private Optional<Duration> retryDelay(String name, int failures) {
    AppSlot slot = slots.get(name);
    if (slot == null) {
      return Optional.empty();
    }
    SyncPolicy.Retry retry = slot.application().getSpec().syncPolicyOrDefault().retryOrDefault();
    Duration first = retry.firstBackoff();
    Optional<Duration> delay = WorkQueue.<String>exponential(first, first.multipliedBy(32), retry.maxRetries()).apply(name, failures);
    delay.ifPresent(d -> slot.trigger(SyncTrigger.RETRY));
    if (delay.isEmpty()) {
      LOG.warn("Application/{}: giving up after {} failed passes until the next trigger", name, failures);
    }
    return delay;
  }

  /** The poll interval; an invalid one polls at the default, and the pass reports the spec as invalid. */
  private static Duration intervalOf(Application app) {
    try {
      return app.getSpec().syncPolicyOrDefault().pollInterval();
    } catch (IllegalArgumentException invalid) {
      return SyncPolicy.defaults().pollInterval();
    }
  }

  @Override
  public List<Application> applications() {
    return slots.applications();
  }

  @Override
  public Optional<Application> application(String name) {
    return Optional.ofNullable(slots.get(name)).map(AppSlot::application);
  }

  @Override
  public DiffReport diff(String name) {
    return releases.diff(name);
  }

  @Override
  public List<ObjectNode> tree(String name) {
    return releases.tree(name);
  }

  @Override
  public List<HistoryEntry> history(String name) {
    return releases.history(name);
  }

  @Override
  public Optional<String> requestSync(String name, boolean overrideSyncWindows) {
    AppSlot slot = slots.known(name);
    String held = SyncWindows.heldBecause(slot.application().getSpec().syncWindowsOrEmpty(), ctx.clock().instant());
    if (held != null && !overrideSyncWindows) {
      return Optional.of(held + "; pass overrideSyncWindows to sync anyway");
    }
    slot.overrideWindows(overrideSyncWindows);
    trigger(name, SyncTrigger.MANUAL);
    return Optional.empty();
  }

  @Override
  public HistoryEntry rollback(String name, int revision) {
    return releases.rollback(name, revision);
  }

  @Override
  public List<ClusterView> clusters() {
    return releases.clusters();
  }

  @Override
  public boolean ready() {
    return ready.get();
  }

  /** Applications waiting to be worked. */
  public int queueDepth() {
    return queue.depth();
  }

  @Override
  public void close() {
    polls.close();
    queue.close();
    drift.close();
    if (targets != null) {
      targets.close();
    }
  }
}
