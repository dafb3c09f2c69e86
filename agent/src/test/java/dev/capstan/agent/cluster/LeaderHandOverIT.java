package dev.capstan.agent.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.capstan.agent.application.AgentPolicy;
import dev.capstan.agent.application.Application;
import dev.capstan.agent.application.ApplicationStatus;
import dev.capstan.agent.application.SyncState;
import dev.capstan.agent.runtime.AgentRuntime;
import dev.capstan.engine.history.ReleaseRevision;
import dev.capstan.engine.history.RevisionStatus;
import dev.capstan.engine.history.SecretReleaseStore;
import dev.capstan.git.testing.Upstream;
import dev.capstan.testsupport.Await;
import dev.capstan.testsupport.KubeApiServerTest;
import dev.capstan.testsupport.KubeEnv;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two agents in cluster mode on one Lease, as two replicas of the install chart's Deployment: only
 * the leader syncs; when it dies without giving the Lease back (or stops and gives it back), the
 * standby takes over, adopts what was deployed without deploying it again, and deploys the next
 * commit, each commit once; a leader that finds its Lease taken stops syncing at once.
 */
@KubeApiServerTest
class LeaderHandOverIT {
  private static final Duration WAIT = Duration.ofSeconds(60);
  private static final Path CRD = Path.of("../charts/capstan/crds/applications.capstan.dev-v1.yml");
  private static final Leadership.Timing FAST = new Leadership.Timing(Duration.ofSeconds(3), Duration.ofSeconds(2), Duration.ofMillis(500));

  KubernetesClient client;
  KubeEnv env;

  @BeforeEach
  void crd() throws Exception {
    installCrd();
  }

  /** One replica: its own API client (its own connections, as a separate pod has), runtime and election. */
  private final class Replica implements AutoCloseable {
    final KubernetesClient ownClient;
    final AgentRuntime runtime;
    final ClusterMode mode;
    final CountDownLatch lostLead = new CountDownLatch(1);
    private boolean closed;

    Replica(Path tmp, String ns, String name) {
      this(tmp, ns, name, UnaryOperator.identity());
    }

    Replica(Path tmp, String ns, String name, UnaryOperator<ClusterMode.Options> shard) {
      // The Pod this replica would run in; nothing runs it, but the leader labels it.
      client.pods().inNamespace(ns).resource(new PodBuilder().withNewMetadata().withName(name).endMetadata()
          .withNewSpec().addNewContainer().withName("agent").withImage("capstan").endContainer().endSpec().build()).create();
      this.ownClient = env.server().newClient(ns);
      this.runtime = AgentRuntime.start(ownClient, new AgentRuntime.Settings(tmp.resolve(name + "-cache"), tmp.resolve("creds"), AgentPolicy.permissive(), 2,
          "127.0.0.1", 0, true, Map.of()));
      this.mode = ClusterMode.start(ownClient, runtime.agent(), shard.apply(ClusterMode.Options.defaults(ns).withIdentity(name).withTiming(FAST)
          .withPod(new ClusterMode.Options.Pod(ns, name))),
          line -> { }, lostLead::countDown);
    }

    /** Passes this replica ran, whatever their result, as its /metrics counts them. */
    double passes() {
      return runtime.metrics().find("capstan.syncs").counters().stream().mapToDouble(c -> c.count()).sum();
    }

    /**
     * Dies as a killed pod does: its connections and the election's threads stop with its client, so
     * it neither renews nor gives back the Lease; then what is left of it is shut down.
     */
    void die() {
      ownClient.close();
      close();
    }

    @Override
    public void close() {
      if (closed) {
        return;
      }
      closed = true;
      mode.close();
      runtime.close();
      ownClient.close();
    }
  }

  @Test
  void whenTheLeaderDiesTheStandbyTakesOverAfterTheLeaseRunsOut(@TempDir Path tmp) throws Exception {
    String ns = env.newNamespace("dies");
    Upstream upstream = upstream(tmp);
    try (Replica a = new Replica(tmp, ns, "agent-a"); Replica b = leaderAndStandbySynced(tmp, ns, upstream, a)) {
      a.die();
      Lease lease = lease(ns);
      assertThat(lease.getSpec().getHolderIdentity()).as("a dead leader does not give the lease back").isEqualTo("agent-a");
      assertThat(lease.getSpec().getLeaseDurationSeconds()).isEqualTo((int) FAST.lease().toSeconds());

      standbyTakesOverAndDeploysTheNextCommit(ns, upstream, b);
    }
  }

  @Test
  void aLeaderStoppedForARollingUpdateHandsTheLeaseOverAtOnce(@TempDir Path tmp) throws Exception {
    String ns = env.newNamespace("rolls");
    Upstream upstream = upstream(tmp);
    try (Replica a = new Replica(tmp, ns, "agent-a"); Replica b = leaderAndStandbySynced(tmp, ns, upstream, a)) {
      a.close();
      // fabric8 gives a Lease back by shortening it to one second rather than clearing its holder.
      assertThat(lease(ns).getSpec().getLeaseDurationSeconds()).as("a leader that stops gives the lease back").isLessThan((int) FAST.lease().toSeconds());
      assertThat(leaderLabel(ns, "agent-a")).as("a leader that stops takes its Pod out of the Service").isNull();

      standbyTakesOverAndDeploysTheNextCommit(ns, upstream, b);
      assertThat(leaderLabel(ns, "agent-b")).as("the new leader's Pod receives webhooks").isEqualTo("true");
    }
  }

  @Test
  void aLeaderWhoseLeaseIsTakenStopsSyncingAtOnce(@TempDir Path tmp) throws Exception {
    String ns = env.newNamespace("taken");
    Upstream upstream = upstream(tmp);
    try (Replica a = new Replica(tmp, ns, "agent-a"); Replica b = leaderAndStandbySynced(tmp, ns, upstream, a)) {
      b.close();
      // What a leader finds after a long pause (GC, a frozen node): another replica holds the Lease.
      await("the lease taken by agent-x", () -> take(ns, "agent-x"));

      assertThat(a.lostLead.await(30, TimeUnit.SECONDS)).as("agent-a reports it lost the lease").isTrue();
      assertThat(a.mode.leading()).isFalse();
      assertThat(a.runtime.agent().applications()).as("agent-a forgot every application").isEmpty();
      assertThat(holder(ns)).isEqualTo("agent-x");
    }
  }

  @Test
  void shardsSplitOneNamespacesApplicationsByLabel(@TempDir Path tmp) throws Exception {
    String ns = env.newNamespace("shards");
    String one = env.newNamespace("shard-one");
    String two = env.newNamespace("shard-two");
    Upstream upstream = upstream(tmp);
    try (Replica a = new Replica(tmp, ns, "agent-one", o -> o.withLabelSelector("capstan.dev/shard=one").withLease("capstan-one"));
        Replica b = new Replica(tmp, ns, "agent-two", o -> o.withLabelSelector("capstan.dev/shard=two").withLease("capstan-two"))) {
      String commit = upstream.git("rev-parse", "main").strip();
      for (String shard : List.of("one", "two")) {
        client.resources(Application.class).inNamespace(ns).resource(Serialization.unmarshal("""
            apiVersion: capstan.dev/v1alpha1
            kind: Application
            metadata: {name: web-%s, labels: {capstan.dev/shard: %s}}
            spec:
              source: {repoURL: "%s", ref: main, path: web}
              destination: {namespace: %s}
              syncPolicy: {automated: true, interval: 1h}
            """.formatted(shard, shard, upstream.fileUrl(), shard.equals("one") ? one : two), Application.class)).create();
      }

      await("both shards synced their application", () -> synced(ns, "web-one", commit) && synced(ns, "web-two", commit));
      assertThat(a.runtime.agent().applications()).extracting(app -> app.getMetadata().getName()).containsExactly("web-one");
      assertThat(b.runtime.agent().applications()).extracting(app -> app.getMetadata().getName()).containsExactly("web-two");
      assertThat(client.leases().inNamespace(ns).withName("capstan-one").get().getSpec().getHolderIdentity()).isEqualTo("agent-one");
      assertThat(client.leases().inNamespace(ns).withName("capstan-two").get().getSpec().getHolderIdentity()).isEqualTo("agent-two");
      assertThat(client.configMaps().inNamespace(one).withName("web-config").get()).isNotNull();
      assertThat(client.configMaps().inNamespace(two).withName("web-config").get()).isNotNull();
    }
  }

  private static Upstream upstream(Path tmp) {
    Upstream upstream = Upstream.create(tmp, "apps");
    upstream.push("web", Map.of(
        "web/Chart.yaml", "apiVersion: v2\nname: web\nversion: 0.1.0\n",
        "web/values.yaml", "message: hello\n",
        "web/templates/configmap.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: web-config\ndata:\n  message: {{ values.message | quote }}\n"));
    return upstream;
  }

  /** {@code a} leads and deploys the Application as revision 1; a second replica, started after, stays idle. */
  private Replica leaderAndStandbySynced(Path tmp, String ns, Upstream upstream, Replica a) throws Exception {
    await("agent-a holds the lease", () -> "agent-a".equals(holder(ns)) && a.mode.leading());
    Replica b = new Replica(tmp, ns, "agent-b");
    try {
      String first = upstream.git("rev-parse", "main").strip();
      Application web = Serialization.unmarshal("""
          apiVersion: capstan.dev/v1alpha1
          kind: Application
          metadata: {name: web}
          spec:
            source: {repoURL: "%s", ref: main, path: web}
            destination: {namespace: %s}
            syncPolicy: {automated: true, interval: 1s}
          """.formatted(upstream.fileUrl(), ns), Application.class);
      client.resources(Application.class).inNamespace(ns).resource(web).create();

      await("web Synced at the first commit", () -> synced(ns, first));
      assertThat(holder(ns)).isEqualTo("agent-a");
      assertThat(b.mode.leading()).isFalse();
      assertThat(b.runtime.agent().applications()).isEmpty();
      assertThat(leaderLabel(ns, "agent-a")).as("the Service selects the leader's Pod").isEqualTo("true");
      assertThat(leaderLabel(ns, "agent-b")).as("and not the standby's").isNull();
      assertThat(b.passes()).isZero();
      assertThat(history(ns)).extracting(ReleaseRevision::number, ReleaseRevision::gitCommit).containsExactly(tuple(1, first));
      assertThat(eventReasons(ns)).containsExactlyInAnyOrder("Syncing", "Synced");
      return b;
    } catch (Exception | AssertionError e) {
      b.close();
      throw e;
    }
  }

  /** {@code b} adopts revision 1 without deploying it again, then deploys a new commit as revision 2. */
  private void standbyTakesOverAndDeploysTheNextCommit(String ns, Upstream upstream, Replica b) throws Exception {
    String first = upstream.git("rev-parse", "main").strip();
    await("agent-b holds the lease", () -> "agent-b".equals(holder(ns)));
    await("agent-b passed over what it inherited", () -> b.mode.leading() && b.passes() >= 1);
    assertThat(history(ns)).extracting(ReleaseRevision::number, ReleaseRevision::gitCommit).containsExactly(tuple(1, first));
    assertThat(eventReasons(ns)).containsExactlyInAnyOrder("Syncing", "Synced");

    String second = upstream.push("web says bye", Map.of("web/values.yaml", "message: bye\n"));
    await("web Synced at the second commit", () -> synced(ns, second));
    assertThat(client.configMaps().inNamespace(ns).withName("web-config").get().getData()).containsEntry("message", "bye");
    assertThat(history(ns)).extracting(ReleaseRevision::number, ReleaseRevision::status, ReleaseRevision::gitCommit).containsExactly(
        tuple(1, RevisionStatus.SUPERSEDED, first), tuple(2, RevisionStatus.DEPLOYED, second));
    assertThat(eventReasons(ns)).containsExactlyInAnyOrder("Syncing", "Synced", "Syncing", "Synced");
  }

  /** Writes {@code holder} into the Lease for an hour; false when a renewal raced with the write (409). */
  private boolean take(String ns, String holder) {
    try {
      client.leases().inNamespace(ns).withName("capstan-agent").edit(lease -> {
        lease.getSpec().setHolderIdentity(holder);
        lease.getSpec().setLeaseDurationSeconds(3600);
        lease.getSpec().setRenewTime(ZonedDateTime.now(ZoneOffset.UTC));
        return lease;
      });
      return true;
    } catch (KubernetesClientException e) {
      if (e.getCode() == 409) {
        return false;
      }
      throw e;
    }
  }

  private String leaderLabel(String ns, String pod) {
    Map<String, String> labels = client.pods().inNamespace(ns).withName(pod).get().getMetadata().getLabels();
    return labels == null ? null : labels.get(LeaderPodLabel.LABEL);
  }

  private Lease lease(String ns) {
    return client.leases().inNamespace(ns).withName("capstan-agent").get();
  }

  private String holder(String ns) {
    Lease lease = lease(ns);
    return lease == null || lease.getSpec() == null ? null : lease.getSpec().getHolderIdentity();
  }

  private boolean synced(String ns, String commit) {
    return synced(ns, "web", commit);
  }

  private boolean synced(String ns, String name, String commit) {
    Application app = client.resources(Application.class).inNamespace(ns).withName(name).get();
    ApplicationStatus status = app == null ? null : app.getStatus();
    return status != null && status.sync() != null && status.sync().status() == SyncState.SYNCED && commit.equals(status.sync().revision());
  }

  private List<ReleaseRevision> history(String ns) {
    return new SecretReleaseStore(client).list(ns, "web");
  }

  private List<String> eventReasons(String ns) {
    return client.v1().events().inNamespace(ns).list().getItems().stream()
        .filter(e -> "Application".equals(e.getInvolvedObject().getKind()) && "web".equals(e.getInvolvedObject().getName()))
        .map(Event::getReason)
        .toList();
  }

  private void installCrd() throws Exception {
    CustomResourceDefinition crd = Serialization.unmarshal(Files.readString(CRD), CustomResourceDefinition.class);
    client.apiextensions().v1().customResourceDefinitions().resource(crd).fieldManager("test").forceConflicts().serverSideApply();
    client.apiextensions().v1().customResourceDefinitions().withName(crd.getMetadata().getName())
        .waitUntilCondition(c -> c != null && c.getStatus() != null && c.getStatus().getConditions().stream()
            .anyMatch(cond -> "Established".equals(cond.getType()) && "True".equals(cond.getStatus())), 60, TimeUnit.SECONDS);
  }

  private static void await(String what, BooleanSupplier condition) throws InterruptedException {
    Await.until(what, WAIT, condition);
  }
}
