package dev.capstan.agent.preview;

import dev.capstan.agent.ClusterTargets;
import dev.capstan.agent.application.Application;
import dev.capstan.agent.application.Destination;
import dev.capstan.agent.sync.AgentContext;
import java.util.Optional;

/**
 * Where a preview's dry run goes: the Application's destination cluster ({@code
 * spec.destination.cluster}), resolved exactly as a sync resolves it, through the fleet's connection
 * to it (its client, request rate, release history and kinds) and its policy. A cluster that is
 * unknown, invalid, forbidden or known to be down ends the preview with the reason the sync would
 * give, before any request is sent to it. Previews do not take the cluster's pass permits: those
 * share out the sync workers, and previews run on workers of their own; the request rate, which is
 * what protects the cluster, is the connection's and so shared with the syncs.
 */
final class PreviewCluster {
  /** Where to preview {@code app}: a context on its cluster, or why not ({@code Reason: message}, one line). */
  sealed interface Target {
    record On(String cluster, AgentContext ctx) implements Target {}

    record Refused(String error) implements Target {}
  }

  private final AgentContext ctx;
  private final ClusterTargets targets;

  /** @param targets the agent's clusters; null when it deploys to its own cluster only */
  PreviewCluster(AgentContext ctx, ClusterTargets targets) {
    this.ctx = ctx;
    this.targets = targets;
  }

  Target of(Application app) {
    String cluster = app.getSpec() == null || app.getSpec().destination() == null ? Destination.IN_CLUSTER
        : app.getSpec().destination().clusterOrDefault();
    if (targets == null) {
      return Destination.IN_CLUSTER.equals(cluster) ? new Target.On(cluster, ctx) : new Target.Refused("UnknownCluster: "
          + "spec.destination.cluster: \"" + cluster + "\" is not registered; this agent deploys only to " + Destination.IN_CLUSTER);
    }
    ClusterTargets.Resolution resolution = targets.resolve(cluster, app.getMetadata().getNamespace());
    if (resolution instanceof ClusterTargets.Resolution.Refused refused) {
      return new Target.Refused(refused.reason() + ": " + refused.message());
    }
    if (resolution instanceof ClusterTargets.Resolution.Unreachable down) {
      return new Target.Refused(unreachable(cluster, down));
    }
    ClusterTargets.Resolution.Ready ready = (ClusterTargets.Resolution.Ready) resolution;
    return new Target.On(cluster, ctx.on(ready.releases(), ready.renderer(), ready.kinds(), ctx.events()));
  }

  /** After a failed preview on {@code cluster}: why, when the cluster itself does not answer (asked now, briefly). */
  Optional<String> downAfterFailure(String cluster) {
    return targets == null ? Optional.empty() : targets.checkAfterFailure(cluster).map(down -> unreachable(cluster, down));
  }

  /** As the sync's {@code ClusterUnreachable} condition says it. */
  private static String unreachable(String cluster, ClusterTargets.Resolution.Unreachable down) {
    return "ClusterUnreachable: cluster " + cluster + " is unreachable: " + down.message();
  }
}
