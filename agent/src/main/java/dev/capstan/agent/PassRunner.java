package dev.capstan.agent;

import dev.capstan.agent.AppSlot.PendingPush;
import dev.capstan.agent.application.Application;
import dev.capstan.agent.application.ApplicationStatus;
import dev.capstan.agent.application.Destination;
import dev.capstan.agent.application.HealthState;
import dev.capstan.agent.application.SyncPolicy;
import dev.capstan.agent.loop.PassControl;
import dev.capstan.agent.loop.SyncWindows;
import dev.capstan.agent.status.StatusSink;
import dev.capstan.agent.sync.AgentContext;
import dev.capstan.agent.sync.AppRecord;
import dev.capstan.agent.sync.AppSyncer;
import dev.capstan.agent.sync.PassResult;
import dev.capstan.agent.sync.SyncTrigger;
import dev.capstan.engine.resource.DesiredObject;
import dev.capstan.engine.resource.ObjectRef;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BiConsumer;

/**
 * One pass of one application, as the work queue runs it: takes the waiting trigger, finds the
 * cluster the app deploys to (refusing one this agent cannot use), decides whether the pass may
 * apply (self-heal, sync windows, dependencies), runs it, publishes the status when it changed, and
 * says when to look again (a retry, a push not yet seen, a cluster that is down or busy).
 */
final class PassRunner {
  /** How many times a pass looks again for the commit a push announced. */
  static final int PUSH_LOOKS = 10;
  private static final Duration DEPENDENCY_RECHECK = Duration.ofSeconds(5);
  private static final Duration PUSH_RECHECK = Duration.ofMillis(500);
  private static final Duration PERMIT_RECHECK = Duration.ofMillis(100);

  private final AppSlots slots;
  private final ClusterContexts contexts;
  private final StatusSink sink;
  private final DriftWatch drift;
  private final BiConsumer<String, SyncTrigger> trigger;
  private final AppSyncer syncer;
  private final Deletion deletion;

  /**
   * @param drift how drift is noticed in the home cluster
   * @param trigger queues a pass of an app (a health look after a sync whose rollout goes on)
   */
  PassRunner(AppSlots slots, ClusterContexts contexts, StatusSink sink, DriftWatch drift, BiConsumer<String, SyncTrigger> trigger) {
    this.slots = slots;
    this.contexts = contexts;
    this.sink = sink;
    this.drift = drift;
    this.trigger = trigger;
    this.syncer = new AppSyncer(contexts.home());
    this.deletion = new Deletion(contexts.home(), sink);
  }

  PassControl run(String name) {
    AppSlot slot = slots.get(name);
    SyncTrigger trigger = slot == null ? null : slot.takeTrigger();
    if (trigger == null) {
      return PassControl.done();
    }
    AppRecord record = slot.record();
    Application app = record.application();
    String cluster = AppSlots.clusterOf(app);
    ClusterTargets targets = contexts.targets();
    AgentContext ctx = contexts.home();
    if (targets == null) {
      if (!Destination.IN_CLUSTER.equals(cluster)) { // never deploy an app meant for another cluster into this one
        publish(app, record.status(), syncer.refused(record, "UnknownCluster",
            "spec.destination.cluster: \"" + cluster + "\" is not registered; this agent deploys only to " + Destination.IN_CLUSTER));
        return PassControl.done();
      }
      return pass(name, slot, trigger, ctx, syncer, deletion, cluster);
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
      AgentContext on = contexts.on(ready, cluster);
      return pass(name, slot, trigger, on, new AppSyncer(on), new Deletion(on, sink), cluster);
    } finally {
      ready.permits().release();
    }
  }

  private PassControl unreachable(AppSlot slot, SyncTrigger trigger, String cluster, ClusterTargets.Resolution.Unreachable down) {
    slot.trigger(trigger); // kept for when the cluster is back
    AppRecord record = slot.record();
    contexts.home().metrics().result("unreachable", cluster);
    publish(record.application(), record.status(), syncer.unreachable(record, cluster, down.reason(), down.message()));
    return PassControl.retryWithBackOff();
  }

  private void publish(Application app, ApplicationStatus before, PassResult result) {
    if (!Objects.equals(before, result.status())) {
      app.setStatus(result.status());
      sink.publish(app, result.status());
    }
  }

  private PassControl pass(String name, AppSlot slot, SyncTrigger trigger, AgentContext ctx, AppSyncer syncer, Deletion deletion,
      String cluster) {
    AppRecord record = slot.record();
    Application app = record.application();
    if (app.deletingResources()) {
      return deletion.run(app);
    }
    ClusterTargets targets = contexts.targets();
    SyncPolicy policy = app.getSpec().syncPolicyOrDefault();
    boolean mayApply = trigger != SyncTrigger.HEALTH && (trigger != SyncTrigger.DRIFT || (policy.isAutomated() && policy.isSelfHeal()));
    boolean override = slot.takeWindowOverride() && trigger == SyncTrigger.MANUAL;
    if (!override && SyncWindows.heldBecause(app.getSpec().syncWindowsOrEmpty(), ctx.clock().instant()) != null) {
      mayApply = false;
    }
    Optional<String> waitingFor = slots.unhealthyDependency(app);
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
        this.trigger.accept(name, SyncTrigger.HEALTH);
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
}
