package dev.capstan.engine.apply;

import dev.capstan.engine.cluster.ApplyMode;
import dev.capstan.engine.cluster.Cluster;
import dev.capstan.engine.cluster.ConcurrentCalls;
import dev.capstan.engine.cluster.RejectedException;
import dev.capstan.engine.diff.ApplyPrediction;
import dev.capstan.engine.diff.ObjectComparison;
import dev.capstan.engine.health.HealthWaiter;
import dev.capstan.engine.health.WaitProgress;
import dev.capstan.engine.plan.Ownership;
import dev.capstan.engine.plan.Plan;
import dev.capstan.engine.plan.PlannedObject;
import dev.capstan.engine.resource.Action;
import dev.capstan.engine.resource.CapstanMetadata;
import dev.capstan.engine.resource.Change;
import dev.capstan.engine.resource.ChangeSet;
import dev.capstan.engine.resource.Maps;
import dev.capstan.engine.resource.ObjectRef;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * Applies a plan stage by stage with server-side apply (field manager {@code capstan}): CRDs and
 * Namespaces first (CRDs established and discovery refreshed before any custom resource), then one
 * stage per sync wave, each healthy before the next starts. An object whose manifest is the one
 * Capstan applied last time and whose live state still has every field of it is not sent at all, so
 * re-applying an unchanged release makes no write requests.
 */
public final class Applier {
  private final Cluster cluster;
  private final ApplyOptions options;
  private final Consumer<WaitProgress> progress;
  private final ObjectComparison comparison;
  private final ApplyPrediction prediction;

  public Applier(Cluster cluster, ApplyOptions options, Consumer<WaitProgress> progress) {
    this.cluster = cluster;
    this.options = options;
    this.progress = progress;
    this.comparison = new ObjectComparison(options.ignoreRules());
    this.prediction = new ApplyPrediction(cluster);
  }

  /**
   * Reads every object of the plan (hooks included) and checks that none belongs to another
   * release or to nobody. Writes nothing, so a plan that would steal an object fails before the
   * first write.
   */
  public LiveState read(Plan plan) {
    String releaseId = plan.state().releaseId();
    List<ObjectRef> refs = plan.objects().stream().map(PlannedObject::ref).toList();
    List<Optional<Map<String, Object>>> found =
        ConcurrentCalls.map(refs, ref -> cluster.serves(ref) ? cluster.get(ref) : Optional.empty());
    Map<String, Map<String, Object>> live = new HashMap<>();
    for (int i = 0; i < refs.size(); i++) {
      if (found.get(i).isPresent()) {
        Ownership.check(refs.get(i), found.get(i).get(), releaseId);
        live.put(refs.get(i).key(), found.get(i).get());
      }
    }
    return new LiveState(live);
  }

  /**
   * @param lastApplied the manifests Capstan applied in the deployed revision, by {@link ObjectRef#key()}
   * @param live what {@link #read} returned for this plan
   */
  public ChangeSet apply(Plan plan, Map<String, Map<String, Object>> lastApplied, LiveState live) {
    long deadline = System.nanoTime() + options.timeout().toNanos();
    List<List<PlannedObject>> stages = plan.stages();
    List<Change> changes = new ArrayList<>();
    for (int i = 0; i < stages.size(); i++) {
      List<PlannedObject> stage = stages.get(i);
      for (List<PlannedObject> sameKind : byKind(stage)) {
        List<Action> actions = ConcurrentCalls.map(sameKind,
            object -> applyOne(object, live.get(object.ref()), lastApplied.get(object.ref().key())));
        for (int j = 0; j < sameKind.size(); j++) {
          changes.add(new Change(sameKind.get(j).ref(), actions.get(j)));
        }
      }
      if (options.dryRun()) {
        continue;
      }
      boolean hasCrds = stage.stream().anyMatch(o -> o.ref().kind().equals("CustomResourceDefinition"));
      boolean last = i == stages.size() - 1;
      if (hasCrds || !last || options.waitForLastStage()) {
        new HealthWaiter(cluster).await(refs(stage), remaining(deadline), progress);
      }
      if (hasCrds) {
        cluster.refreshDiscovery();
      }
    }
    return new ChangeSet(changes);
  }

  /**
   * True when applying would send nothing: the plan has exactly the objects Capstan applied last
   * time, with the same manifests, and every live object still has them.
   */
  public boolean upToDate(Plan plan, Map<String, Map<String, Object>> lastApplied, LiveState live) {
    Set<String> keys = plan.objects().stream().map(o -> o.ref().key()).collect(Collectors.toSet());
    if (!keys.equals(lastApplied.keySet())) {
      return false;
    }
    for (PlannedObject object : plan.resources()) {
      Optional<Map<String, Object>> current = live.get(object.ref());
      if (current.isEmpty() || !unchanged(object, current.get(), lastApplied.get(object.ref().key()))) {
        return false;
      }
    }
    return true;
  }

  /**
   * Known unchanged without a request: the manifest is the one Capstan applied last time and the
   * live object still has all of it, i.e. not {@link ObjectComparison#drifted} from the manifest
   * overlaid on it. A field dropped from the manifest changes the manifest, so it is never missed.
   */
  private boolean unchanged(PlannedObject object, Map<String, Object> live, Map<String, Object> previous) {
    return sameAsApplied(object, live, previous) && !comparison.drifted(live, ApplyPrediction.local(object.object(), live));
  }

  private boolean sameAsApplied(PlannedObject object, Map<String, Object> live, Map<String, Object> previous) {
    return object.object().equals(previous) && appliedByCapstan(live);
  }

  /**
   * Sends an object unless applying it would change nothing. A changed manifest is always sent. When
   * the manifest is the one applied last and the cheap check sees a difference (someone changed the
   * object, or the server keeps a field in another form), the server is asked with a dry run and
   * the result judged by {@code capstan diff}'s rule ({@link ObjectComparison#drifted}): what diff
   * calls changed is sent, what it calls unchanged is not rewritten. A field another manager owns
   * fails here, before any write, unless conflicts are forced.
   */
  private Action applyOne(PlannedObject object, Optional<Map<String, Object>> live, Map<String, Object> previous) {
    if (live.isPresent() && sameAsApplied(object, live.get(), previous) && !drifted(object, live.get())) {
      return Action.UNCHANGED;
    }
    ApplyMode mode = ApplyMode.defaults().withDryRun(options.dryRun()).withForceConflicts(options.forceConflicts());
    try {
      cluster.apply(object.object(), mode);
    } catch (RejectedException e) {
      if (!(options.dryRun() && e.code() == 404 && live.isEmpty())) {
        throw e; // in a dry run a 404 on create means the namespace or CRD comes with this release
      }
    }
    return live.isPresent() ? Action.CONFIGURED : Action.CREATED;
  }

  /** The cheap check first; only when it sees a difference, the server's dry run decides. */
  private boolean drifted(PlannedObject object, Map<String, Object> live) {
    return comparison.drifted(live, ApplyPrediction.local(object.object(), live))
        && comparison.drifted(live, prediction.predict(object.ref(), object.object(), live, options.forceConflicts()));
  }

  private static boolean appliedByCapstan(Map<String, Object> live) {
    return Maps.list(live, "metadata", "managedFields").stream()
        .anyMatch(m -> CapstanMetadata.FIELD_MANAGER.equals(m.get("manager")) && "Apply".equals(m.get("operation")));
  }

  /**
   * Runs of objects of one kind, in stage order. Kinds keep Helm's order (a ServiceAccount before the
   * Deployment that runs as it); objects of one kind do not depend on each other and go together.
   */
  static List<List<PlannedObject>> byKind(List<PlannedObject> stage) {
    List<List<PlannedObject>> runs = new ArrayList<>();
    String kind = null;
    for (PlannedObject object : stage) {
      String next = object.ref().apiVersion() + "/" + object.ref().kind();
      if (!next.equals(kind)) {
        runs.add(new ArrayList<>());
        kind = next;
      }
      runs.get(runs.size() - 1).add(object);
    }
    return runs;
  }

  private static List<ObjectRef> refs(List<PlannedObject> stage) {
    return stage.stream().map(PlannedObject::ref).toList();
  }

  private static Duration remaining(long deadline) {
    return Duration.ofNanos(Math.max(0, deadline - System.nanoTime()));
  }
}
