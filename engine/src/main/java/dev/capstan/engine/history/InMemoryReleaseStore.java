package dev.capstan.engine.history;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/** Keeps revisions in memory; for tests and for {@code --dry-run}, where nothing may be written. */
public final class InMemoryReleaseStore implements ReleaseStore {
  private final Map<String, TreeMap<Integer, ReleaseRevision>> releases = new ConcurrentHashMap<>();

  @Override
  public synchronized List<ReleaseRevision> list(String namespace, String release) {
    List<ReleaseRevision> out = new ArrayList<>(releases.getOrDefault(key(namespace, release), new TreeMap<>()).values());
    out.sort(Comparator.comparingInt(ReleaseRevision::number));
    return out;
  }

  @Override
  public synchronized void create(ReleaseRevision revision) {
    TreeMap<Integer, ReleaseRevision> revisions = releases.computeIfAbsent(key(revision.namespace(), revision.release()), k -> new TreeMap<>());
    if (revisions.containsKey(revision.number())) {
      throw new HistoryException(revision.namespace(), revision.release(), "revision " + revision.number() + " already exists");
    }
    revisions.put(revision.number(), revision);
  }

  @Override
  public synchronized void update(ReleaseRevision revision) {
    TreeMap<Integer, ReleaseRevision> revisions = releases.get(key(revision.namespace(), revision.release()));
    if (revisions == null || !revisions.containsKey(revision.number())) {
      throw new HistoryException(revision.namespace(), revision.release(), "revision " + revision.number() + " does not exist");
    }
    revisions.put(revision.number(), revision);
  }

  @Override
  public synchronized void delete(String namespace, String release, int number) {
    TreeMap<Integer, ReleaseRevision> revisions = releases.get(key(namespace, release));
    if (revisions != null) {
      revisions.remove(number);
    }
  }

  private static String key(String namespace, String release) {
    return namespace + "/" + release;
  }
}
