package dev.capstan.engine.release;

import dev.capstan.engine.cluster.Cluster;
import dev.capstan.engine.cluster.ConcurrentCalls;
import dev.capstan.engine.health.HealthChecker;
import dev.capstan.engine.history.ReleaseRevision;
import dev.capstan.engine.history.ReleaseStore;
import dev.capstan.engine.resource.ReleaseException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reports a release: its latest revision and the health of each object it deployed. Reads only. */
public final class ReleaseStatus {
  private final Cluster cluster;
  private final ReleaseStore store;
  private final HealthChecker checker = new HealthChecker();

  public ReleaseStatus(Cluster cluster, ReleaseStore store) {
    this.cluster = cluster;
    this.store = store;
  }

  public StatusReport run(String namespace, String release) {
    return run(namespace, release, store.list(namespace, release));
  }

  /**
   * The same report from {@code history}, the release's revisions oldest first as {@link ReleaseStore#list}
   * returned them just now: for a caller that read them already, so the history is not listed twice.
   */
  public StatusReport run(String namespace, String release, List<ReleaseRevision> history) {
    if (history.isEmpty()) {
      throw new ReleaseException(namespace, release, "not found (no history in namespace " + namespace + ")");
    }
    ReleaseRevision latest = history.get(history.size() - 1);
    ReleaseRevision shown = ReleaseStore.deployedIn(history).orElse(latest);
    List<ObjectStatus> objects = ConcurrentCalls.map(Revisions.inventory(shown), ref -> {
      Optional<Map<String, Object>> live = cluster.serves(ref) ? cluster.get(ref) : Optional.empty();
      return new ObjectStatus(ref, checker.check(live.orElse(null)));
    });
    return new StatusReport(latest, objects);
  }
}
