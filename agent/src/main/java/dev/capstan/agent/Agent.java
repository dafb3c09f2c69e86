package dev.capstan.agent;

import dev.capstan.agent.AppSlot.PendingPush;
import dev.capstan.agent.application.Application;
import dev.capstan.agent.application.ApplicationStatus;
import dev.capstan.agent.application.ApplicationStatus.HistoryEntry;
import dev.capstan.agent.application.Destination;
import dev.capstan.agent.application.HealthState;
import dev.capstan.agent.application.SyncPolicy;
import dev.capstan.agent.application.SyncState;
import dev.capstan.agent.loop.PassControl;
import dev.capstan.agent.loop.SyncWindows;
import dev.capstan.agent.loop.WorkQueue;
import dev.capstan.agent.metrics.AgentMetrics;
import dev.capstan.agent.status.EventRecorder;
import dev.capstan.agent.status.StatusSink;
import dev.capstan.agent.sync.AgentContext;
import dev.capstan.agent.sync.AppRecord;
import dev.capstan.agent.sync.AppSyncer;
import dev.capstan.agent.sync.PassResult;
import dev.capstan.agent.sync.SyncTrigger;
import dev.capstan.agent.trigger.PollScheduler;
import dev.capstan.agent.trigger.PushMatch;
import dev.capstan.core.CapstanException;
import dev.capstan.engine.diff.DiffReport;
import dev.capstan.engine.history.ReleaseRevision;
import dev.capstan.engine.release.ObjectNode;
import dev.capstan.engine.release.SyncResult;
import dev.capstan.engine.resource.DesiredObject;
import dev.capstan.engine.resource.ObjectRef;
import dev.capstan.webhook.dispatch.PushListener;
import dev.capstan.webhook.event.PushEvent;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps every known application in sync with Git. Triggers (polls, pushes, drift, manual syncs,
 * spec changes) only enqueue; one bounded work queue runs passes, so a burst of triggers costs one
 * pass and no application is synced twice at once.
 */
public final class Agent implements AgentOperations, PushListener, AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Agent.class);
  private static final Duration DEPENDENCY_RECHECK = Duration.ofSeconds(5);
  private static final Duration PUSH_RECHECK = Duration.ofMillis(500);
  private static final int PUSH_LOOKS = 10;
  private static final Duration PERMIT_RECHECK = Duration.ofMillis(100);

  private final AgentContext ctx;
  private final AppSyncer syncer;
  private final StatusSink sink;
  private final Deletion deletion;
  /** Everything held per application; removing a slot forgets the application whole. */
  private final Map<String, AppSlot> slots = new ConcurrentHashMap<>();
  private final WorkQueue<String> queue;
  private final PollScheduler polls;
  private final AtomicBoolean ready = new AtomicBoolean();
  private final DriftWatch drift;
  /** The clusters apps deploy to by name, or null when every app deploys to the one cluster of {@link #ctx}. */
  private final ClusterTargets targets;

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
    this.syncer = new AppSyncer(ctx);
    this.sink = sink;
    this.deletion = new Deletion(ctx, sink);
    this.queue = new WorkQueue<>(concurrency, this::work, this::retryDelay);
    this.polls = new PollScheduler(name -> trigger(name, SyncTrigger.POLL));
    this.drift = driftWatch.start(release -> slots.forEach((name, slot) -> {
      if (release.equals(slot.releaseId()) && Destination.IN_CLUSTER.equals(clusterOf(slot.application()))) {
        onDrift(name);
      }
    }), release -> slots.forEach((name, slot) -> {
      if (release.equals(slot.releaseId()) && Destination.IN_CLUSTER.equals(clusterOf(slot.application()))) {
        trigger(name, SyncTrigger.HEALTH);
      }
    }));
    this.targets = clusterTargets == null ? null : clusterTargets.start(new ClusterTargets.Listener() {
      @Override
      public void drifted(String cluster, String releaseId) {
        slots.forEach((name, slot) -> {
          if (releaseId.equals(slot.releaseId()) && cluster.equals(clusterOf(slot.application()))) {
            onDrift(name);
          }
        });
      }

      @Override
      public void statusChanged(String cluster, String releaseId) {
        slots.forEach((name, slot) -> {
          if (releaseId.equals(slot.releaseId()) && cluster.equals(clusterOf(slot.application()))) {
            trigger(name, SyncTrigger.HEALTH);
          }
        });
      }

      @Override
      public void changed(String cluster) {
        slots.forEach((name, slot) -> {
          if (cluster.equals(clusterOf(slot.application()))) {
            trigger(name, SyncTrigger.RETRY);
          }
        });
      }
    });
    registerGauges(ctx.metrics());
  }

  /** The cluster an app deploys to; {@value Destination#IN_CLUSTER} for a spec without a destination (it fails validation). */
  static String clusterOf(Application app) {
    return app.getSpec() == null || app.getSpec().destination() == null ? Destination.IN_CLUSTER
        : app.getSpec().destination().clusterOrDefault();
  }

  private void registerGauges(AgentMetrics metrics) {
    metrics.gauge("capstan.queue.depth", "Applications waiting for a pass", Map.of(), queue::depth);
    for (SyncState sync : SyncState.values()) {
      metrics.gauge("capstan.applications", "Applications by sync status", Map.of("sync", sync.label()),
          () -> slots.values().stream().filter(slot -> syncOf(slot.record()) == sync).count());
    }
    for (HealthState health : HealthState.values()) {
      metrics.gauge("capstan.applications.health", "Applications by health status", Map.of("health", health.label()),
          () -> slots.values().stream().filter(slot -> healthOf(slot.record()) == health).count());
    }
  }

  private static SyncState syncOf(AppRecord r) {
    return r.status() == null ? SyncState.UNKNOWN : r.status().syncState();
  }

  private static HealthState healthOf(AppRecord r) {
    return r.status() == null ? HealthState.UNKNOWN : r.status().healthState();
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
    if (slots.remove(name) != null) {
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
        slot.push(new PendingPush(push.commit(), PUSH_LOOKS));
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

  private PassControl work(String name) {
    AppSlot slot = slots.get(name);
    SyncTrigger trigger = slot == null ? null : slot.takeTrigger();
    if (trigger == null) {
      return PassControl.done();
    }
    AppRecord record = slot.record();
    Application app = record.application();
    String cluster = clusterOf(app);
    if (targets == null) {
      if (!Destination.IN_CLUSTER.equals(cluster)) { // never deploy an app meant for another cluster into this one
        publish(app, record.status(), syncer.refused(record, "UnknownCluster",
            "spec.destination.cluster: \"" + cluster + "\" is not registered; this agent deploys only to " + Destination.IN_CLUSTER));
        return PassControl.done();
      }
      return work(name, slot, trigger, ctx, syncer, deletion, cluster);
    }
    ClusterTargets.Resolution resolution = targets.resolve(cluster, app.getMetadata().getNamespace());
    if (resolution instanceof ClusterTargets.Resolution.Refused refused) {
      ctx.metrics().result(PassResult.Outcome.INVALID.label(), cluster);
      publish(app, record.status(), syncer.refused(record, refused.reason(), refused.message()));
      return PassControl.done();
    }
    if (resolution instanceof ClusterTargets.Resolution.Unreachable down) {
      return unreachable(slot, trigger, cluster, down);
    }
    ClusterTargets.Resolution.Ready ready = (ClusterTargets.Resolution.Ready) resolution;
    if (!ready.permits().tryAcquire()) {
      slot.trigger(trigger); // the cluster's share of the workers is busy: others' apps go first
      return PassControl.requeueAfter(PERMIT_RECHECK);
    }
    try {
      AgentContext on = ctx.on(ready.releases(), ready.renderer(), ready.kinds(), eventsFor(cluster));
      return work(name, slot, trigger, on, new AppSyncer(on), new Deletion(on, sink), cluster);
    } finally {
      ready.permits().release();
    }
  }

  /** Events of apps on a registered cluster name it; those of the agent's own cluster read as they always have. */
  private EventRecorder eventsFor(String cluster) {
    return Destination.IN_CLUSTER.equals(cluster) ? ctx.events() : new ClusterEvents(ctx.events(), cluster);
  }

  private PassControl unreachable(AppSlot slot, SyncTrigger trigger, String cluster, ClusterTargets.Resolution.Unreachable down) {
    slot.trigger(trigger); // kept for when the cluster is back
    AppRecord record = slot.record();
    ctx.metrics().result("unreachable", cluster);
    publish(record.application(), record.status(), syncer.unreachable(record, cluster, down.reason(), down.message()));
    return PassControl.retryWithBackOff();
  }

  private void publish(Application app, ApplicationStatus before, PassResult result) {
    if (!Objects.equals(before, result.status())) {
      app.setStatus(result.status());
      sink.publish(app, result.status());
    }
  }

  private PassControl work(String name, AppSlot slot, SyncTrigger trigger, AgentContext ctx, AppSyncer syncer, Deletion deletion,
      String cluster) {
    AppRecord record = slot.record();
    Application app = record.application();
    if (app.deletingResources()) {
      return deletion.run(app);
    }
    SyncPolicy policy = app.getSpec().syncPolicyOrDefault();
    boolean mayApply = trigger != SyncTrigger.HEALTH && (trigger != SyncTrigger.DRIFT || (policy.isAutomated() && policy.isSelfHeal()));
    boolean override = slot.takeWindowOverride() && trigger == SyncTrigger.MANUAL;
    if (!override && SyncWindows.heldBecause(app.getSpec().syncWindowsOrEmpty(), ctx.clock().instant()) != null) {
      mayApply = false;
    }
    Optional<String> waitingFor = unhealthyDependency(app);
    if (mayApply && waitingFor.isPresent()) {
      slot.trigger(trigger);
      ctx.metrics().result("waiting", cluster);
      return PassControl.requeueAfter(DEPENDENCY_RECHECK);
    }
    ApplicationStatus before = record.status();
    boolean applyDrift = mayApply && trigger == SyncTrigger.DRIFT;
    boolean passApplies = mayApply;
    PassResult passed;
    Optional<ClusterTargets.Resolution.Unreachable> down;
    long passStarted = System.nanoTime();
    try {
      passed = ctx.metrics().pass(cluster).record(() -> syncer.pass(record, trigger, passApplies));
      down = passed.outcome() == PassResult.Outcome.FAILED && targets != null ? targets.checkAfterFailure(cluster) : Optional.empty();
    } catch (RuntimeException e) {
      // A client error the engine did not wrap (a read timing out): when the cluster is down, it is the cluster's failure.
      down = targets == null ? Optional.empty() : targets.checkAfterFailure(cluster);
      if (down.isEmpty()) {
        throw e;
      }
      passed = new PassResult(record.status(), PassResult.Outcome.FAILED);
    }
    if (down.isPresent()) {
      publish(app, before, syncer.unreachable(record, cluster, down.get().reason(), down.get().message()));
      slot.trigger(trigger);
      ctx.metrics().result("unreachable", cluster);
      return PassControl.retryWithBackOff();
    }
    PassResult result = passed;
    ctx.metrics().result(result.outcome().label(), cluster);
    if (applyDrift && result.outcome() == PassResult.Outcome.SYNCED) {
      ctx.metrics().driftCorrected();
    }
    if (result.outcome() == PassResult.Outcome.SYNCED && record.desired() != null) {
      String namespace = record.desired().namespace();
      List<ObjectRef> refs = record.desired().objects().stream().map(DesiredObject::ref)
          .map(ref -> ref.namespace() == null ? new ObjectRef(ref.apiVersion(), ref.kind(), namespace, ref.name()) : ref).toList();
      if (targets == null) {
        drift.watch(refs);
      } else {
        targets.watch(cluster, refs);
      }
      boolean watchedBefore = targets == null ? drift.watchedSince(refs, passStarted) : targets.watchedSince(cluster, refs, passStarted);
      if (!watchedBefore && result.status() != null && result.status().healthState() != HealthState.HEALTHY) {
        // A rollout may have moved on before the watch started; one more look, and the watch sees the rest.
        // A watch listing these objects before the pass read their health reports every later change itself.
        trigger(name, SyncTrigger.HEALTH);
      }
    }
    publish(app, before, result);
    if (result.retry()) {
      return PassControl.retryWithBackOff();
    }
    return lookAgainForPush(slot);
  }

  /**
   * A push names the commit it brought. Fetches of one repository are shared, so a pass may have
   * joined a fetch that started just before the push (with many apps on one repository, a poll's
   * fetch is nearly always in flight) and still seen the old commit. The first look again is at once:
   * any fetch it joins started after that stale one ended, so after the push. Later looks wait a
   * little, for a host that announces a commit before serving it, and stop after a few.
   */
  private PassControl lookAgainForPush(AppSlot slot) {
    PendingPush push = slot.push();
    if (push == null || slot.record().sawCommit(push.commit()) || push.looksLeft() <= 1) {
      slot.push(null);
      return PassControl.done();
    }
    slot.push(new PendingPush(push.commit(), push.looksLeft() - 1));
    slot.trigger(SyncTrigger.PUSH);
    return PassControl.requeueAfter(push.looksLeft() == PUSH_LOOKS ? Duration.ZERO : PUSH_RECHECK);
  }

  private Optional<String> unhealthyDependency(Application app) {
    for (String dep : app.getSpec().dependsOnOrEmpty()) {
      AppSlot other = slots.get(dep);
      ApplicationStatus status = other == null ? null : other.record().status();
      if (status == null || status.healthState() != HealthState.HEALTHY) {
        return Optional.of(dep);
      }
    }
    return Optional.empty();
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

  private AppSlot known(String name) {
    AppSlot slot = slots.get(name);
    if (slot == null) {
      throw new UnknownApplicationException(name);
    }
    return slot;
  }

  @Override
  public List<Application> applications() {
    return slots.values().stream().map(AppSlot::application)
        .sorted(Comparator.comparing(a -> a.getMetadata().getName())).toList();
  }

  @Override
  public Optional<Application> application(String name) {
    return Optional.ofNullable(slots.get(name)).map(AppSlot::application);
  }

  @Override
  public DiffReport diff(String name) {
    AppRecord record = known(name).record();
    return new AppSyncer(contextOf(record.application())).diff(record);
  }

  /** The context of passes over {@code app}: its cluster's releases; fails when the cluster cannot be used now. */
  private AgentContext contextOf(Application app) {
    if (targets == null) {
      return ctx;
    }
    String cluster = clusterOf(app);
    ClusterTargets.Resolution resolution = targets.resolve(cluster, app.getMetadata().getNamespace());
    if (resolution instanceof ClusterTargets.Resolution.Ready ready) {
      return ctx.on(ready.releases(), ready.renderer(), ready.kinds(), eventsFor(cluster));
    }
    String why = resolution instanceof ClusterTargets.Resolution.Refused refused ? refused.message()
        : "unreachable: " + ((ClusterTargets.Resolution.Unreachable) resolution).message();
    throw new CapstanException("cluster " + cluster, why);
  }

  @Override
  public List<ObjectNode> tree(String name) {
    Application app = known(name).application();
    String namespace = app.getSpec().destination().namespace();
    if (ctx.releases().history(namespace, releaseName(app)).isEmpty()) {
      return List.of();
    }
    return ctx.releases().tree(namespace, releaseName(app));
  }

  @Override
  public List<HistoryEntry> history(String name) {
    Application app = known(name).application();
    return contextOf(app).releases().history(app.getSpec().destination().namespace(), releaseName(app)).stream()
        .sorted(Comparator.comparingInt(ReleaseRevision::number).reversed())
        .map(AppSyncer::entry)
        .toList();
  }

  @Override
  public Optional<String> requestSync(String name, boolean overrideSyncWindows) {
    AppSlot slot = known(name);
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
    Application app = known(name).application();
    AgentContext on = contextOf(app);
    SyncResult result = on.releases().rollback(app.getSpec().destination().namespace(), releaseName(app), revision,
        AppSyncer.syncOptions(app.getSpec()));
    ReleaseRevision r = result.revision();
    on.events().normal(app, "RolledBack", "revision " + revision + " put back as revision " + r.number());
    return AppSyncer.entry(r);
  }

  @Override
  public List<ClusterView> clusters() {
    Map<String, Long> apps = slots.values().stream()
        .collect(java.util.stream.Collectors.groupingBy(slot -> clusterOf(slot.application()), java.util.stream.Collectors.counting()));
    if (targets == null) {
      return List.of(new ClusterView(Destination.IN_CLUSTER, null, true, "Unknown", "", null,
          apps.getOrDefault(Destination.IN_CLUSTER, 0L)));
    }
    return targets.clusters().stream().map(c -> new ClusterView(c.name(), c.server(), c.reachable(), c.state(), c.message(), c.version(),
        apps.getOrDefault(c.name(), 0L))).toList();
  }

  @Override
  public boolean ready() {
    return ready.get();
  }

  /** Applications waiting to be worked. */
  public int queueDepth() {
    return queue.depth();
  }

  private static String releaseName(Application app) {
    return AppSlot.releaseName(app);
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
