package dev.capstan.agent.sync;

import dev.capstan.core.CapstanException;
import dev.capstan.engine.diff.DiffAction;
import dev.capstan.engine.diff.DiffReport;
import dev.capstan.engine.diff.ObjectDiff;
import dev.capstan.engine.health.Health;
import dev.capstan.engine.history.ReleaseRevision;
import dev.capstan.engine.history.RevisionStatus;
import dev.capstan.engine.release.ObjectStatus;
import dev.capstan.engine.release.StatusReport;
import dev.capstan.engine.release.SyncFailedException;
import dev.capstan.engine.release.SyncOptions;
import dev.capstan.engine.release.SyncResult;
import dev.capstan.engine.resource.Action;
import dev.capstan.engine.resource.Change;
import dev.capstan.engine.resource.ChangeSet;
import dev.capstan.engine.resource.DesiredObject;
import dev.capstan.engine.resource.DesiredState;
import dev.capstan.engine.resource.KindScopes;
import dev.capstan.engine.resource.ObjectRef;
import dev.capstan.engine.resource.ReleaseException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A cluster and release history in memory, with the engine's contract as the agent relies on it: an
 * upgrade records a revision unless the same commit, chart and values are deployed and the live
 * objects match (then it reports that revision); a diff compares the live objects with the desired
 * ones; every object is Healthy. Objects can be edited "by hand" and upgrades made to fail.
 */
public final class FakeCluster implements Releases, KindScopes {
  private final Map<String, List<ReleaseRevision>> history = new HashMap<>();
  private final Map<ObjectRef, Map<String, Object>> live = new LinkedHashMap<>();
  private final List<String> upgrades = new ArrayList<>();
  private RevisionStatus failNextAs;
  private String failNextMessage;
  private int uninstallFailures;
  private int uninstalls;

  /** Releases upgraded, one {@code namespace/release@commit} per upgrade that ran (failed ones too). */
  public synchronized List<String> upgrades() {
    return List.copyOf(upgrades);
  }

  /** The next upgrade fails after recording a revision with {@code recorded} (FAILED, or ROLLED_BACK for atomic). */
  public synchronized void failNextUpgrade(RevisionStatus recorded, String message) {
    this.failNextAs = recorded;
    this.failNextMessage = message;
  }

  public synchronized void failUninstalls(int times) {
    this.uninstallFailures = times;
  }

  public synchronized int uninstalls() {
    return uninstalls;
  }

  /** Someone edits a live object's {@code data.message}. */
  public synchronized void editByHand(String namespace, String name, String message) {
    ObjectRef ref = new ObjectRef("v1", "ConfigMap", namespace, name);
    Map<String, Object> object = Objects.requireNonNull(live.get(ref), () -> ref + " is not live");
    Map<String, Object> edited = new HashMap<>(object);
    edited.put("data", Map.of("message", message));
    live.put(ref, edited);
  }

  public synchronized String liveMessage(String namespace, String name) {
    Map<String, Object> object = live.get(new ObjectRef("v1", "ConfigMap", namespace, name));
    return object == null ? null : String.valueOf(((Map<?, ?>) object.get("data")).get("message"));
  }

  /** A revision deployed before the agent started, with its objects live. */
  public synchronized void deployedBefore(DesiredState desired) {
    record(desired, RevisionStatus.DEPLOYED);
    desired.objects().forEach(o -> live.put(ref(desired, o), o.object()));
  }

  @Override
  public synchronized SyncResult upgrade(DesiredState desired, SyncOptions options) {
    upgrades.add(desired.releaseId() + "@" + desired.gitCommit());
    if (failNextAs != null) {
      RevisionStatus recorded = failNextAs;
      failNextAs = null;
      ReleaseRevision failed = record(desired, RevisionStatus.FAILED);
      if (recorded == RevisionStatus.ROLLED_BACK) {
        history.get(desired.releaseId()).set(failed.number() - 1, failed.withStatus(RevisionStatus.ROLLED_BACK, failNextMessage));
      }
      throw new SyncFailedException(desired.namespace(), desired.release(), failed.number(), recorded, failNextMessage, null);
    }
    List<ReleaseRevision> revisions = revisions(desired.namespace(), desired.release());
    ReleaseRevision last = revisions.isEmpty() ? null : revisions.get(revisions.size() - 1);
    boolean sameRender = last != null && last.status() == RevisionStatus.DEPLOYED && Objects.equals(last.gitCommit(), desired.gitCommit())
        && last.values().equals(desired.values());
    boolean liveMatches = desired.objects().stream().allMatch(o -> o.object().equals(live.get(ref(desired, o))));
    List<Change> changes = new ArrayList<>();
    for (DesiredObject o : desired.objects()) {
      ObjectRef ref = ref(desired, o);
      Map<String, Object> before = live.put(ref, o.object());
      changes.add(new Change(ref, before == null ? Action.CREATED : before.equals(o.object()) ? Action.UNCHANGED : Action.CONFIGURED));
    }
    ReleaseRevision revision = sameRender && liveMatches ? last : record(desired, RevisionStatus.DEPLOYED);
    return new SyncResult(revision, new ChangeSet(changes));
  }

  @Override
  public synchronized DiffReport diff(DesiredState desired) {
    List<ObjectDiff> objects = new ArrayList<>();
    for (DesiredObject o : desired.objects()) {
      Map<String, Object> now = live.get(ref(desired, o));
      DiffAction action = now == null ? DiffAction.ADDED : now.equals(o.object()) ? DiffAction.UNCHANGED : DiffAction.CHANGED;
      objects.add(new ObjectDiff(ref(desired, o), action, String.valueOf(now), String.valueOf(o.object())));
    }
    return new DiffReport(objects);
  }

  @Override
  public synchronized List<ReleaseRevision> history(String namespace, String release) {
    return List.copyOf(revisions(namespace, release));
  }

  @Override
  public synchronized StatusReport status(String namespace, String release) {
    List<ReleaseRevision> revisions = revisions(namespace, release);
    if (revisions.isEmpty()) {
      throw new ReleaseException(namespace, release, "not found (no history in namespace " + namespace + ")");
    }
    List<ObjectStatus> objects = live.keySet().stream().filter(ref -> namespace.equals(ref.namespace()))
        .map(ref -> new ObjectStatus(ref, Health.healthy())).toList();
    return new StatusReport(revisions.get(revisions.size() - 1), objects);
  }

  @Override
  public synchronized SyncResult rollback(String namespace, String release, int revision, SyncOptions options) {
    ReleaseRevision target = revisions(namespace, release).stream().filter(r -> r.number() == revision).findFirst()
        .orElseThrow(() -> new ReleaseException(namespace, release, "has no revision " + revision));
    DesiredState again = new DesiredState(release, namespace, target.chartName(), target.chartVersion(), target.values(), List.of(), null,
        target.gitCommit());
    return new SyncResult(record(again, RevisionStatus.DEPLOYED), ChangeSet.empty());
  }

  @Override
  public synchronized ChangeSet uninstall(String namespace, String release) {
    if (uninstallFailures > 0) {
      uninstallFailures--;
      throw new CapstanException("release " + namespace + "/" + release, "the API server is unavailable");
    }
    uninstalls++;
    List<Change> deleted = new ArrayList<>();
    live.keySet().removeIf(ref -> {
      boolean ours = namespace.equals(ref.namespace());
      if (ours) {
        deleted.add(new Change(ref, Action.DELETED));
      }
      return ours;
    });
    history.remove(namespace + "/" + release);
    return new ChangeSet(deleted);
  }

  @Override
  public boolean namespaced(ObjectRef ref) {
    return !FakeCharts.clusterKinds().contains(ref.kind());
  }

  private List<ReleaseRevision> revisions(String namespace, String release) {
    return history.computeIfAbsent(namespace + "/" + release, id -> new ArrayList<>());
  }

  private ReleaseRevision record(DesiredState desired, RevisionStatus status) {
    List<ReleaseRevision> revisions = revisions(desired.namespace(), desired.release());
    for (int i = 0; i < revisions.size(); i++) {
      if (revisions.get(i).status() == RevisionStatus.DEPLOYED && status == RevisionStatus.DEPLOYED) {
        revisions.set(i, revisions.get(i).withStatus(RevisionStatus.SUPERSEDED, "superseded"));
      }
    }
    ReleaseRevision revision = new ReleaseRevision(desired.namespace(), desired.release(), revisions.size() + 1,
        Instant.EPOCH.plusSeconds(revisions.size() + 1), status, desired.chartName(), desired.chartVersion(), desired.values(),
        List.of(), desired.gitCommit(), status.name().toLowerCase(java.util.Locale.ROOT), null);
    revisions.add(revision);
    return revision;
  }

  private static ObjectRef ref(DesiredState desired, DesiredObject o) {
    ObjectRef ref = o.ref();
    return ref.namespace() == null && !FakeCharts.clusterKinds().contains(ref.kind())
        ? new ObjectRef(ref.apiVersion(), ref.kind(), desired.namespace(), ref.name()) : ref;
  }
}
