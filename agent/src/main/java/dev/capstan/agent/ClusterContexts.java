package dev.capstan.agent;

import dev.capstan.agent.application.Application;
import dev.capstan.agent.application.Destination;
import dev.capstan.agent.status.EventRecorder;
import dev.capstan.agent.sync.AgentContext;
import dev.capstan.core.CapstanException;

/**
 * Where work on an application runs: the agent's own cluster ({@link #home()}), or, when the agent
 * deploys to registered clusters, the one its {@code spec.destination.cluster} names.
 */
final class ClusterContexts {
  private final AgentContext home;
  private final ClusterTargets targets;

  /** @param targets the registered clusters, or null when every app deploys to the one cluster of {@code home} */
  ClusterContexts(AgentContext home, ClusterTargets targets) {
    this.home = home;
    this.targets = targets;
  }

  AgentContext home() {
    return home;
  }

  /** The registered clusters, or null when every app deploys to the home cluster. */
  ClusterTargets targets() {
    return targets;
  }

  /** The context of passes on a cluster that resolved {@code ready}. */
  AgentContext on(ClusterTargets.Resolution.Ready ready, String cluster) {
    return home.on(ready.releases(), ready.renderer(), ready.kinds(), eventsFor(cluster));
  }

  /** The context of passes over {@code app}: its cluster's releases; fails when the cluster cannot be used now. */
  AgentContext of(Application app) {
    if (targets == null) {
      return home;
    }
    String cluster = AppSlots.clusterOf(app);
    ClusterTargets.Resolution resolution = targets.resolve(cluster, app.getMetadata().getNamespace());
    if (resolution instanceof ClusterTargets.Resolution.Ready ready) {
      return on(ready, cluster);
    }
    String why = resolution instanceof ClusterTargets.Resolution.Refused refused ? refused.message()
        : "unreachable: " + ((ClusterTargets.Resolution.Unreachable) resolution).message();
    throw new CapstanException("cluster " + cluster, why);
  }

  /** Events of apps on a registered cluster name it; those of the agent's own cluster read as they always have. */
  private EventRecorder eventsFor(String cluster) {
    return Destination.IN_CLUSTER.equals(cluster) ? home.events() : new ClusterEvents(home.events(), cluster);
  }
}
