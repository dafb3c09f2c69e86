package dev.capstan.release;

import dev.capstan.engine.cluster.Cluster;
import dev.capstan.engine.diff.DiffOptions;
import dev.capstan.engine.diff.DiffReport;
import dev.capstan.engine.diff.Differ;
import dev.capstan.engine.history.ReleaseStore;
import dev.capstan.engine.plan.Planner;
import dev.capstan.engine.resource.DesiredState;
import dev.capstan.engine.resource.ObjectRef;
import java.util.List;

/**
 * What syncing a release would change in the cluster, as {@code kubectl diff} shows it: the chart
 * rendered as {@link Upgrade} would render it, planned, and compared with the live objects, plus
 * what the deployed revision has that is no longer rendered (to be pruned). Writes nothing.
 * {@code capstan diff} and the agent's compare-only passes both run this.
 */
public final class Diff {
  private final Cluster cluster;
  private final ReleaseStore store;
  private final ReleaseRenderer renderer;
  private final DiffOptions options;

  public Diff(Cluster cluster, ReleaseStore store, ReleaseRenderer renderer, DiffOptions options) {
    this.cluster = cluster;
    this.store = store;
    this.renderer = renderer;
    this.options = options;
  }

  public DiffReport run(ReleaseInput input) {
    return run(renderer.render(store, input));
  }

  /** Compares a state rendered earlier (the agent's drift check compares what it applied last). */
  public DiffReport run(DesiredState desired) {
    List<ObjectRef> deployed = store.deployed(desired.namespace(), desired.release())
        .map(r -> r.manifests().stream().map(m -> ObjectRef.of(m.object())).toList())
        .orElse(List.of());
    return new Differ(cluster, options).diff(new Planner(cluster).plan(desired), deployed);
  }
}
