package dev.capstan.agent.fleet;

import dev.capstan.agent.ClusterTargets;
import dev.capstan.agent.cluster.DriftWatcher;
import dev.capstan.agent.sync.AppRenderer;
import dev.capstan.agent.sync.ClusterReleases;
import dev.capstan.engine.cluster.Cluster;
import dev.capstan.engine.history.ReleaseStore;
import dev.capstan.engine.history.SecretReleaseStore;
import dev.capstan.engine.resource.ObjectRef;
import dev.capstan.release.ReleaseRenderer;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.Collection;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * One cluster, connected: its client (with its own request rate and timeouts), the engine's cluster
 * and release history on that client, the drift watch there, its share of the agent's workers, and
 * whether it answered last time it was asked.
 */
final class ClusterConnection implements AutoCloseable {
  private final RegisteredCluster registered;
  private final KubernetesClient client;
  private final boolean ownsClient;
  private final ClusterTargets.Resolution.Ready ready;
  private final DriftWatcher drift;
  private volatile Reachability reachability;

  ClusterConnection(RegisteredCluster registered, KubernetesClient client, boolean ownsClient, ReleaseRenderer renderer,
      Function<ReleaseStore, AppRenderer> renderers, boolean allNamespaces, Consumer<String> onDrift,
      Consumer<String> onStatus) {
    this.registered = registered;
    this.client = client;
    this.ownsClient = ownsClient;
    Cluster cluster = new Cluster(client);
    SecretReleaseStore store = new SecretReleaseStore(client);
    Semaphore slots = new Semaphore(registered.limits().concurrency());
    ClusterTargets.Permits permits = new ClusterTargets.Permits() {
      @Override
      public boolean tryAcquire() {
        return slots.tryAcquire();
      }

      @Override
      public void release() {
        slots.release();
      }
    };
    this.ready = new ClusterTargets.Resolution.Ready(registered.name(), new ClusterReleases(cluster, store, renderer),
        renderers.apply(store), cluster, permits);
    this.drift = new DriftWatcher(cluster, allNamespaces, onDrift, onStatus);
  }

  RegisteredCluster registered() {
    return registered;
  }

  ClusterTargets.Resolution.Ready ready() {
    return ready;
  }

  /** The last answer; null before the first probe ended. */
  Reachability reachability() {
    return reachability;
  }

  void watch(Collection<ObjectRef> refs) {
    drift.watch(refs);
  }

  boolean watchedSince(Collection<ObjectRef> refs, long nanos) {
    return drift.watchedSince(refs, nanos);
  }

  /**
   * Asks the API server for its version, waiting at most {@code timeoutMillis}; records and returns the answer.
   * A 401 or a TLS failure is an answer too: the cluster is there, the agent may not use it.
   */
  Reachability probe(Executor executor, long timeoutMillis) {
    CompletableFuture<Reachability> answer = CompletableFuture.supplyAsync(() -> Reachability.check(client), executor);
    Reachability now;
    try {
      now = answer.get(timeoutMillis, TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      now = Reachability.timedOut(timeoutMillis);
    } catch (ExecutionException e) {
      now = Reachability.of(e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return reachability;
    }
    reachability = now;
    return now;
  }

  @Override
  public void close() {
    drift.close();
    if (ownsClient) {
      client.close();
    }
  }
}
