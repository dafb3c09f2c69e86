package dev.capstan.agent;

import dev.capstan.agent.application.Application;
import dev.capstan.agent.application.ApplicationStatus;
import dev.capstan.agent.application.ApplicationStatus.HistoryEntry;
import dev.capstan.agent.application.GoDuration;
import dev.capstan.agent.application.HealthState;
import dev.capstan.agent.application.SyncPolicy;
import dev.capstan.agent.application.SyncState;
import dev.capstan.agent.loop.SyncWindows;
import dev.capstan.agent.loop.WorkQueue;
import dev.capstan.agent.metrics.AgentMetrics;
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
import dev.capstan.engine.release.Rollback;
import dev.capstan.engine.release.SyncResult;
import dev.capstan.engine.release.Uninstall;
import dev.capstan.engine.resource.CapstanMetadata;
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

  private final AgentContext ctx;
  private final AppSyncer syncer;
  private final StatusSink sink;
  private final Map<String, AppRecord> records = new ConcurrentHashMap<>();
  private final Map<String, SyncTrigger> pending = new ConcurrentHashMap<>();
  private final Map<String, Boolean> windowOverride = new ConcurrentHashMap<>();
  private final WorkQueue<String> queue;
  private final PollScheduler polls;
  private final AtomicBoolean ready = new AtomicBoolean();
  private final Map<String, String> appOfRelease = new ConcurrentHashMap<>();
  /** Commits announced by pushes and not yet seen by a fetch, with the looks left. */
  private final Map<String, PendingPush> pushed = new ConcurrentHashMap<>();
  private final DriftWatch drift;

  /**
   * @param driftWatch how drift of applied objects is noticed; the runtime passes the cluster's
   */
  public Agent(AgentContext ctx, StatusSink sink, DriftWatch.Factory driftWatch, int concurrency) {
    this.ctx = ctx;
    this.syncer = new AppSyncer(ctx);
    this.sink = sink;
    this.queue = new WorkQueue<>(concurrency, this::work, this::retryDelay);
    this.polls = new PollScheduler(name -> trigger(name, SyncTrigger.POLL));
    this.drift = driftWatch.start(release -> {
      String app = appOfRelease.get(release);
      if (app != null) {
        onDrift(app);
      }
    });
    registerGauges(ctx.metrics());
  }

  private void registerGauges(AgentMetrics metrics) {
    metrics.gauge("capstan.queue.depth", "Applications waiting for a pass", Map.of(), queue::depth);
    for (SyncState sync : SyncState.values()) {
      metrics.gauge("capstan.applications", "Applications by sync status", Map.of("sync", sync.label()),
          () -> records.values().stream().filter(r -> syncOf(r) == sync).count());
    }
    for (HealthState health : HealthState.values()) {
      metrics.gauge("capstan.applications.health", "Applications by health status", Map.of("health", health.label()),
          () -> records.values().stream().filter(r -> healthOf(r) == health).count());
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
    AppRecord existing = records.get(name);
    boolean deleting = app.deletingResources();
    if (!deleting && existing != null && Objects.equals(existing.application().getSpec(), app.getSpec())) {
      return;
    }
    if (existing == null) {
      records.put(name, new AppRecord(app));
    } else {
      existing.application(app);
    }
    if (deleting) {
      polls.unschedule(name);
      trigger(name, SyncTrigger.MANUAL); // the pass deletes before it looks at the trigger
      return;
    }
    appOfRelease.values().remove(name);
    appOfRelease.put(CapstanMetadata.releaseId(app.getSpec().destination().namespace(), releaseName(app)), name);
    polls.schedule(name, intervalOf(app));
    trigger(name, SyncTrigger.SPEC);
  }

  /** Forgets an application; what it deployed stays, as when an Argo CD Application without finalizer is deleted. */
  public void remove(String name) {
    polls.unschedule(name);
    pushed.remove(name);
    appOfRelease.values().remove(name);
    records.remove(name);
    pending.remove(name);
  }

  /** Marks the agent ready once the initial set of applications is loaded. */
  public void markReady() {
    ready.set(true);
  }

  @Override
  public void onPush(PushEvent push) {
    records.forEach((name, record) -> {
      if (PushMatch.matches(record.application().getSpec().source(), push)) {
        pushed.put(name, new PendingPush(push.commit(), PUSH_LOOKS));
        trigger(name, SyncTrigger.PUSH);
      }
    });
  }

  /** A managed object of {@code name} was changed or deleted by hand. */
  public void onDrift(String name) {
    if (records.containsKey(name)) {
      trigger(name, SyncTrigger.DRIFT);
    }
  }

  private void trigger(String name, SyncTrigger trigger) {
    pending.merge(name, trigger, (a, b) -> a.compareTo(b) >= 0 ? a : b);
    queue.add(name);
  }

  private Optional<Duration> work(String name) {
    AppRecord record = records.get(name);
    SyncTrigger trigger = pending.remove(name);
    if (record == null || trigger == null) {
      return Optional.empty();
    }
    Application app = record.application();
    if (app.deletingResources()) {
      return deleteResources(name, app);
    }
    SyncPolicy policy = app.getSpec().syncPolicyOrDefault();
    boolean mayApply = trigger != SyncTrigger.DRIFT || (policy.isAutomated() && policy.isSelfHeal());
    boolean override = Boolean.TRUE.equals(windowOverride.remove(name)) && trigger == SyncTrigger.MANUAL;
    if (!override && SyncWindows.heldBecause(app.getSpec().syncWindowsOrEmpty(), ctx.clock().instant()) != null) {
      mayApply = false;
    }
    Optional<String> waitingFor = unhealthyDependency(app);
    if (mayApply && waitingFor.isPresent()) {
      pending.merge(name, trigger, (a, b) -> a.compareTo(b) >= 0 ? a : b);
      ctx.metrics().result("waiting");
      return Optional.of(DEPENDENCY_RECHECK);
    }
    ApplicationStatus before = record.status();
    boolean applyDrift = mayApply && trigger == SyncTrigger.DRIFT;
    boolean passApplies = mayApply;
    PassResult result = ctx.metrics().pass().record(() -> syncer.pass(record, trigger, passApplies));
    ctx.metrics().result(result.outcome().label());
    if (applyDrift && result.outcome() == PassResult.Outcome.SYNCED) {
      ctx.metrics().driftCorrected();
    }
    if (result.outcome() == PassResult.Outcome.SYNCED && record.desired() != null) {
      String namespace = record.desired().namespace();
      drift.watch(record.desired().objects().stream().map(DesiredObject::ref)
          .map(ref -> ref.namespace() == null ? new ObjectRef(ref.apiVersion(), ref.kind(), namespace, ref.name()) : ref).toList());
    }
    if (!Objects.equals(before, result.status())) {
      app.setStatus(result.status());
      sink.publish(app, result.status());
    }
    if (result.retry()) {
      throw new PassFailed(name);
    }
    return lookAgainForPush(name, record);
  }

  /**
   * The Application is being deleted with {@link Application#RESOURCES_FINALIZER}: whatever trigger
   * brought it here (drift from the deletions themselves included), delete what its release deployed
   * and the history, then let the deletion finish. A failure is retried with the app's back-off.
   */
  private Optional<Duration> deleteResources(String name, Application app) {
    if (app.getSpec() == null || app.getSpec().destination() == null || app.getSpec().destination().namespace() == null) {
      sink.released(app); // a spec this broken never deployed anything
      return Optional.empty();
    }
    String namespace = app.getSpec().destination().namespace();
    String release = releaseName(app);
    try {
      // Once deleted, the watch events of the deletions bring the app here again: nothing left to do then.
      if (!ctx.store().list(namespace, release).isEmpty()) {
        int objects = new Uninstall(ctx.cluster(), ctx.store()).run(namespace, release).changes().size();
        ctx.events().normal(app, "ResourcesDeleted", "deleted " + objects + " object(s) and the history of release " + namespace + "/" + release);
      }
    } catch (CapstanException e) {
      ctx.events().warning(app, "DeleteFailed", e.getMessage());
      throw new PassFailed(name);
    }
    sink.released(app);
    return Optional.empty();
  }

  /**
   * A push names the commit it brought. Fetches of one repository are shared, so a pass may have
   * joined a fetch that started just before the push (with many apps on one repository, a poll's
   * fetch is nearly always in flight) and still seen the old commit. The first look again is at once:
   * any fetch it joins started after that stale one ended, so after the push. Later looks wait a
   * little, for a host that announces a commit before serving it, and stop after a few.
   */
  private Optional<Duration> lookAgainForPush(String name, AppRecord record) {
    PendingPush push = pushed.get(name);
    if (push == null || push.commit().equals(record.fetchedCommit())) {
      pushed.remove(name);
      return Optional.empty();
    }
    if (push.looksLeft() <= 1) {
      pushed.remove(name);
      return Optional.empty();
    }
    pushed.put(name, new PendingPush(push.commit(), push.looksLeft() - 1));
    pending.merge(name, SyncTrigger.PUSH, (a, b) -> a.compareTo(b) >= 0 ? a : b);
    return Optional.of(push.looksLeft() == PUSH_LOOKS ? Duration.ZERO : PUSH_RECHECK);
  }

  private record PendingPush(String commit, int looksLeft) {}

  private Optional<String> unhealthyDependency(Application app) {
    for (String dep : app.getSpec().dependsOnOrEmpty()) {
      AppRecord other = records.get(dep);
      ApplicationStatus status = other == null ? null : other.status();
      if (status == null || status.healthState() != HealthState.HEALTHY) {
        return Optional.of(dep);
      }
    }
    return Optional.empty();
  }

  private Optional<Duration> retryDelay(String name, int failures) {
    AppRecord record = records.get(name);
    if (record == null) {
      return Optional.empty();
    }
    SyncPolicy.Retry retry = record.application().getSpec().syncPolicyOrDefault().retryOrDefault();
    Duration base = GoDuration.parse(retry.backoffOrDefault());
    Optional<Duration> delay = WorkQueue.<String>exponential(base, base.multipliedBy(32), retry.limitOrDefault()).apply(name, failures);
    delay.ifPresent(d -> pending.merge(name, SyncTrigger.RETRY, (a, b) -> a.compareTo(b) >= 0 ? a : b));
    if (delay.isEmpty()) {
      LOG.warn("Application/{}: giving up after {} failed passes until the next trigger", name, failures);
    }
    return delay;
  }

  /** The poll interval; an invalid one polls at the default, and the pass reports the spec as invalid. */
  private static Duration intervalOf(Application app) {
    try {
      return GoDuration.parse(app.getSpec().syncPolicyOrDefault().intervalOrDefault());
    } catch (IllegalArgumentException invalid) {
      return GoDuration.parse(SyncPolicy.defaults().interval());
    }
  }

  private AppRecord known(String name) {
    AppRecord record = records.get(name);
    if (record == null) {
      throw new UnknownApplicationException(name);
    }
    return record;
  }

  @Override
  public List<Application> applications() {
    return records.values().stream().map(AppRecord::application)
        .sorted(Comparator.comparing(a -> a.getMetadata().getName())).toList();
  }

  @Override
  public Optional<Application> application(String name) {
    return Optional.ofNullable(records.get(name)).map(AppRecord::application);
  }

  @Override
  public DiffReport diff(String name) {
    return syncer.diff(known(name));
  }

  @Override
  public List<HistoryEntry> history(String name) {
    Application app = known(name).application();
    return ctx.store().list(app.getSpec().destination().namespace(), releaseName(app)).stream()
        .sorted(Comparator.comparingInt(ReleaseRevision::number).reversed())
        .map(r -> new HistoryEntry(r.number(), r.gitCommit(), r.time().toString(), r.status().label()))
        .toList();
  }

  @Override
  public Optional<String> requestSync(String name, boolean overrideSyncWindows) {
    Application app = known(name).application();
    String held = SyncWindows.heldBecause(app.getSpec().syncWindowsOrEmpty(), ctx.clock().instant());
    if (held != null && !overrideSyncWindows) {
      return Optional.of(held + "; pass overrideSyncWindows to sync anyway");
    }
    windowOverride.put(name, overrideSyncWindows);
    trigger(name, SyncTrigger.MANUAL);
    return Optional.empty();
  }

  @Override
  public HistoryEntry rollback(String name, int revision) {
    Application app = known(name).application();
    SyncResult result = new Rollback(ctx.cluster(), ctx.store(), AppSyncer.syncOptions(app.getSpec()), progress -> { })
        .run(app.getSpec().destination().namespace(), releaseName(app), revision);
    ReleaseRevision r = result.revision();
    ctx.events().normal(app, "RolledBack", "revision " + revision + " put back as revision " + r.number());
    return new HistoryEntry(r.number(), r.gitCommit(), r.time().toString(), r.status().label());
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
    String release = app.getSpec().destination().releaseName();
    return release == null || release.isBlank() ? app.getMetadata().getName() : release;
  }

  @Override
  public void close() {
    polls.close();
    queue.close();
    drift.close();
  }

  /** A pass ended in a failure worth retrying; the queue backs off by the application's retry policy. */
  private static final class PassFailed extends RuntimeException {
    PassFailed(String name) {
      super("Application/" + name + ": pass failed", null, false, false);
    }
  }
}
