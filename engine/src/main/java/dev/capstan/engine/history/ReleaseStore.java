package dev.capstan.engine.history;

import java.util.List;
import java.util.Optional;

/**
 * Where revisions are kept. Two drivers: {@link SecretReleaseStore} (in the cluster, the default)
 * and {@link InMemoryReleaseStore} (tests, dry runs).
 */
public interface ReleaseStore {
  /** All kept revisions of a release, oldest first; empty when the release does not exist. */
  List<ReleaseRevision> list(String namespace, String release);

  /** Stores a new revision; its number must not exist yet. */
  void create(ReleaseRevision revision);

  /** Replaces an existing revision (status and description change as a sync proceeds). */
  void update(ReleaseRevision revision);

  void delete(String namespace, String release, int number);

  default Optional<ReleaseRevision> get(String namespace, String release, int number) {
    return list(namespace, release).stream().filter(r -> r.number() == number).findFirst();
  }

  default Optional<ReleaseRevision> latest(String namespace, String release) {
    List<ReleaseRevision> all = list(namespace, release);
    return all.isEmpty() ? Optional.empty() : Optional.of(all.get(all.size() - 1));
  }

  /** The newest revision with status deployed: what is supposed to be live. */
  default Optional<ReleaseRevision> deployed(String namespace, String release) {
    return deployedIn(list(namespace, release));
  }

  /** The newest deployed revision of a history already read, oldest first. */
  static Optional<ReleaseRevision> deployedIn(List<ReleaseRevision> all) {
    for (int i = all.size() - 1; i >= 0; i--) {
      if (all.get(i).status() == RevisionStatus.DEPLOYED) {
        return Optional.of(all.get(i));
      }
    }
    return Optional.empty();
  }
}
