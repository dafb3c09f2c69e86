package dev.capstan.agent.cluster;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.extended.leaderelection.LeaderCallbacks;
import io.fabric8.kubernetes.client.extended.leaderelection.LeaderElectionConfigBuilder;
import io.fabric8.kubernetes.client.extended.leaderelection.resourcelock.LeaseLock;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/**
 * One leader among the agent's replicas, elected through a {@code coordination.k8s.io} Lease. Only
 * the leader syncs; a standby takes over within about the lease duration after the leader dies. A
 * leader that loses its lease stops syncing at once (and the process ends), so no sync runs twice.
 */
public final class Leadership implements AutoCloseable {
  /** Timings of the election: how long a lease lasts, how soon the leader must renew, how often others retry. */
  public record Timing(Duration lease, Duration renewDeadline, Duration retry) {
    public static Timing defaults() {
      return new Timing(Duration.ofSeconds(15), Duration.ofSeconds(10), Duration.ofSeconds(2));
    }
  }

  private final CompletableFuture<?> election;

  private Leadership(CompletableFuture<?> election) {
    this.election = election;
  }

  public static Leadership start(KubernetesClient client, String namespace, String lease, String identity, Timing timing,
      Runnable onStartLeading, Runnable onStopLeading) {
    var config = new LeaderElectionConfigBuilder()
        .withName(lease)
        .withLock(new LeaseLock(namespace, lease, identity))
        .withLeaseDuration(timing.lease())
        .withRenewDeadline(timing.renewDeadline())
        .withRetryPeriod(timing.retry())
        .withReleaseOnCancel(true)
        .withLeaderCallbacks(new LeaderCallbacks(onStartLeading, onStopLeading, leader -> { }))
        .build();
    return new Leadership(client.leaderElector().withConfig(config).build().start());
  }

  @Override
  public void close() {
    election.cancel(true);
  }
}
