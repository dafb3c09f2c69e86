package dev.capstan.agent;

import dev.capstan.agent.sync.AppRenderer;
import dev.capstan.agent.sync.Releases;
import dev.capstan.engine.resource.KindScopes;
import dev.capstan.engine.resource.ObjectRef;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * The clusters Applications deploy to, by name ({@code spec.destination.cluster}). Defined here and
 * implemented by the fleet ({@code fleet.Fleet}), which the runtime wires in, so the agent does not
 * depend on how clusters are registered, connected or watched. Resolving a name makes no request to
 * the cluster: a cluster known to be down, unknown, invalid or forbidden answers at once.
 */
public interface ClusterTargets extends AutoCloseable {
  /**
   * What a pass of an Application in {@code applicationNamespace} (null for one from files) may use of
   * {@code cluster}.
   */
  Resolution resolve(String cluster, String applicationNamespace);

  /**
   * A pass against {@code cluster} failed: asks the cluster now (bounded by a short timeout) and tells
   * why when it cannot be reached, so the failure is reported as the cluster's, not the app's.
   */
  Optional<Resolution.Unreachable> checkAfterFailure(String cluster);

  /** Makes sure changes to every one of {@code refs} in {@code cluster} are noticed from now on. */
  void watch(String cluster, Collection<ObjectRef> refs);

  /** {@link DriftWatch#watchedSince} for {@code refs} in {@code cluster}; false when unsure. */
  default boolean watchedSince(String cluster, Collection<ObjectRef> refs, long nanos) {
    return false;
  }

  /** Every registered cluster, by name, as last seen. */
  List<ClusterInfo> clusters();

  @Override
  void close();

  /**
   * A registered cluster as {@code capstan cluster list} shows it.
   *
   * @param state {@code Reachable}, {@code Unknown} (not asked yet), {@code Invalid} (its registration
   *     cannot be used), or why it is unreachable ({@code Timeout}, {@code Unauthorized}, …)
   * @param version the API server's version when it last answered
   */
  record ClusterInfo(String name, String server, String source, boolean reachable, String state, String message, String version) {}

  /** What the agent hears of its clusters. */
  interface Listener {
    /** An object of release {@code releaseId} ({@code namespace/release}) in {@code cluster} was changed by someone else. */
    void drifted(String cluster, String releaseId);

    /** Only the status of an object of release {@code releaseId} in {@code cluster} changed (a rollout went on). */
    default void statusChanged(String cluster, String releaseId) {}

    /** {@code cluster} was registered, changed, removed, came back or went away: its Applications need a pass. */
    void changed(String cluster);
  }

  /** Starts the targets, reporting to {@code listener}. */
  @FunctionalInterface
  interface Factory {
    ClusterTargets start(Listener listener);
  }

  /** What resolving a cluster name gave. */
  sealed interface Resolution {
    /**
     * The cluster's release actions, renderer (history read there) and kinds, and its share of the
     * passes: a pass holds one of its permits while it runs, so a slow cluster holds at most that many workers.
     */
    record Ready(String cluster, Releases releases, AppRenderer renderer, KindScopes kinds, Permits permits) implements Resolution {}

    /** The Application may not use the cluster (unknown, invalid Secret, forbidden); it stalls. */
    record Refused(String reason, String message) implements Resolution {}

    /** The cluster does not answer now; {@code reason} is one word ({@code Timeout}, {@code Unauthorized}, …). */
    record Unreachable(String reason, String message) implements Resolution {}
  }

  /** A cluster's pass slots. */
  interface Permits {
    boolean tryAcquire();

    void release();
  }
}
