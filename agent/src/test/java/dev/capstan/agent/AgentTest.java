package dev.capstan.agent;

import static org.assertj.core.api.Assertions.assertThat;

import dev.capstan.agent.application.Application;
import dev.capstan.agent.application.ApplicationStatus;
import dev.capstan.agent.application.SyncState;
import dev.capstan.agent.status.StatusSink;
import dev.capstan.agent.sync.FakeWorld;
import dev.capstan.engine.resource.ObjectRef;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The agent around the passes: what it keeps per application, how a failed deletion is retried, how
 * drift reaches an app. One worker, Git and the cluster in memory; every wait is on a status the
 * agent publishes, never on time.
 */
class AgentTest {
  private static final String OTHER_REPO = "https://git.example.com/other.git";
  private static final String HELD = """
      syncPolicy: {automated: true, interval: 1h}
      syncWindows: [{kind: deny, schedule: "* * * * *", duration: 1h}]""";
  private static final String AUTO = "syncPolicy: {automated: true, selfHeal: true, interval: 1h, retry: {limit: 3, backoff: 10ms}}";

  private final FakeWorld world = new FakeWorld();
  private final RecordingSink sink = new RecordingSink();
  private final FakeDriftWatch drift = new FakeDriftWatch();
  private final Agent agent = new Agent(world.context(), sink, drift, 1);

  @AfterEach
  void close() {
    world.git.releaseAll();
    agent.close();
  }

  @Test
  void aSyncOverridingAWindowAppliesThroughIt() throws Exception {
    world.git.commit(FakeWorld.REPO, "v1");
    agent.upsert(FakeWorld.app("held", HELD));
    assertThat(sink.next("held").syncState()).isEqualTo(SyncState.OUT_OF_SYNC);

    assertThat(agent.requestSync("held", true)).isEmpty();

    assertThat(sink.next("held").syncState()).isEqualTo(SyncState.SYNCED);
    assertThat(world.cluster.upgrades()).singleElement().asString().startsWith("held/held@");
  }

  @Test
  void anAppRemovedWhileAnOverridingSyncWaitsIsAddedAgainWithoutTheOverride() throws Exception {
    world.git.commit(FakeWorld.REPO, "v1");
    agent.upsert(FakeWorld.app("held", HELD));
    assertThat(sink.next("held").syncState()).isEqualTo(SyncState.OUT_OF_SYNC);
    occupyTheWorker();

    assertThat(agent.requestSync("held", true)).isEmpty();
    agent.remove("held");
    agent.upsert(FakeWorld.app("held", HELD));
    world.git.release(OTHER_REPO);

    ApplicationStatus status = sink.next("held");
    assertThat(status.syncState()).as("compared only: the window holds it").isEqualTo(SyncState.OUT_OF_SYNC);
    assertThat(world.cluster.upgrades()).noneMatch(u -> u.startsWith("held/"));
  }

  @Test
  void aRemovedAppIsForgottenWholeAndItsDriftStartsNothing() throws Exception {
    world.git.commit(FakeWorld.REPO, "v1");
    agent.upsert(FakeWorld.app("web", AUTO));
    assertThat(sink.next("web").syncState()).isEqualTo(SyncState.SYNCED);
    assertThat(drift.watched()).contains(new ObjectRef("v1", "ConfigMap", "web", "web-config"));

    agent.remove("web");
    world.cluster.editByHand("web", "web-config", "by-hand");
    drift.report("web/web");
    occupyTheWorker(); // the worker is free again only after any pass queued before it

    assertThat(agent.applications()).extracting(a -> a.getMetadata().getName()).containsExactly("other");
    assertThat(world.cluster.liveMessage("web", "web-config")).as("no pass healed it").isEqualTo("by-hand");
    assertThat(sink.forgotten).as("told once, so the dashboard drops its row").containsExactly("web");
    agent.remove("web");
    assertThat(sink.forgotten).containsExactly("web");
  }

  @Test
  void driftOfAKnownAppIsHealedThroughItsRelease() throws Exception {
    world.git.commit(FakeWorld.REPO, "v1");
    agent.upsert(FakeWorld.app("web", AUTO));
    assertThat(sink.next("web").syncState()).isEqualTo(SyncState.SYNCED);

    world.cluster.editByHand("web", "web-config", "by-hand");
    drift.report("web/web");

    assertThat(sink.next("web").conditions()).anySatisfy(c -> assertThat(c.getMessage()).startsWith("drift corrected"));
    assertThat(world.cluster.liveMessage("web", "web-config")).isEqualTo("v1");
  }

  @Test
  void aDeletionThatFailsIsRetriedWithTheBackOffUntilTheResourcesAreGone() throws Exception {
    world.git.commit(FakeWorld.REPO, "v1");
    agent.upsert(FakeWorld.app("web", AUTO));
    assertThat(sink.next("web").syncState()).isEqualTo(SyncState.SYNCED);
    world.cluster.failUninstalls(1);

    agent.upsert(deleting(FakeWorld.app("web", AUTO)));

    assertThat(sink.released.poll(10, TimeUnit.SECONDS)).isEqualTo("web");
    assertThat(world.reported.events()).containsSubsequence("DeleteFailed", "ResourcesDeleted");
    assertThat(world.cluster.uninstalls()).isEqualTo(1);
    assertThat(world.cluster.history("web", "web")).isEmpty();
    assertThat(world.cluster.upgrades()).as("no sync runs for an app being deleted").hasSize(1);
  }

  /** Keeps the one worker busy with a pass of another app, whose fetch waits until OTHER_REPO is released. */
  private void occupyTheWorker() throws InterruptedException {
    world.git.commit(OTHER_REPO, "other");
    world.git.hold(OTHER_REPO);
    agent.upsert(FakeWorld.app("other", "source: {repoURL: \"" + OTHER_REPO + "\", path: app}\n" + AUTO));
    assertThat(world.git.awaitHeld()).isTrue();
  }

  private static Application deleting(Application app) {
    Application copy = Serialization.clone(app);
    copy.getMetadata().setDeletionTimestamp("2026-01-05T10:00:00Z");
    copy.getMetadata().setFinalizers(List.of(Application.RESOURCES_FINALIZER));
    return copy;
  }

  /** The statuses published, per application, in order; and the applications released after deletion. */
  private static final class RecordingSink implements StatusSink {
    private final Map<String, BlockingQueue<ApplicationStatus>> published = new ConcurrentHashMap<>();
    final BlockingQueue<String> released = new LinkedBlockingQueue<>();
    final List<String> forgotten = new CopyOnWriteArrayList<>();

    @Override
    public void forgotten(String name) {
      forgotten.add(name);
    }

    @Override
    public void publish(Application app, ApplicationStatus status) {
      queue(app.getMetadata().getName()).add(status);
    }

    @Override
    public void released(Application app) {
      released.add(app.getMetadata().getName());
    }

    ApplicationStatus next(String app) throws InterruptedException {
      ApplicationStatus status = queue(app).poll(10, TimeUnit.SECONDS);
      assertThat(status).as("a status published for " + app).isNotNull();
      return status;
    }

    private BlockingQueue<ApplicationStatus> queue(String app) {
      return published.computeIfAbsent(app, a -> new LinkedBlockingQueue<>());
    }
  }

  /** Drift reported by the test, as the cluster's watch would report it. */
  private static final class FakeDriftWatch implements DriftWatch, DriftWatch.Factory {
    private final List<ObjectRef> watched = new CopyOnWriteArrayList<>();
    private volatile Consumer<String> onDrift;

    @Override
    public DriftWatch start(Consumer<String> onDriftedRelease) {
      this.onDrift = onDriftedRelease;
      return this;
    }

    @Override
    public void watch(Collection<ObjectRef> refs) {
      watched.addAll(refs);
    }

    List<ObjectRef> watched() {
      return List.copyOf(watched);
    }

    void report(String releaseId) {
      onDrift.accept(releaseId);
    }

    @Override
    public void close() {}
  }
}
