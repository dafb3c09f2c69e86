package dev.capstan.git.fetch;

import dev.capstan.git.cache.CachedRepository;
import dev.capstan.git.resolve.RefQuery;
import dev.capstan.git.resolve.RefResolver;
import dev.capstan.git.resolve.RemoteRef;
import dev.capstan.git.transport.TransportSetup;
import java.io.IOException;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.jgit.errors.MissingObjectException;
import org.eclipse.jgit.errors.NotSupportedException;
import org.eclipse.jgit.errors.TransportException;
import org.eclipse.jgit.lib.NullProgressMonitor;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.RefUpdate;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.transport.FetchConnection;
import org.eclipse.jgit.transport.RefSpec;
import org.eclipse.jgit.transport.TagOpt;
import org.eclipse.jgit.transport.TrackingRefUpdate;
import org.eclipse.jgit.transport.Transport;
import org.eclipse.jgit.transport.URIish;

/**
 * Brings one ref of a cached repository up to date with the server; the network half of a fetch.
 * First the advertisement (the {@code ls-remote} round trip): if the server's ref equals the cached
 * one, nothing more is sent. Otherwise only that ref is fetched into the same name in the cache:
 * shallow on first sight, incrementally after. A commit SHA already in the cache needs no network.
 */
final class RefSync {
  private static final String COMMIT_REFS = "refs/capstan/commits/";

  private final FetchOptions options;
  private final RefResolver resolver = new RefResolver();

  /** Where a commit fetched by its SHA is kept, so it stays reachable. */
  static String commitRef(String sha) {
    return COMMIT_REFS + sha;
  }

  RefSync(FetchOptions options) {
    this.options = options;
  }

  /** The outcome of one sync: the ref brought up to date, or why not. */
  sealed interface Outcome {
  }

  record Synced(RemoteRef remote, String localRef, ObjectId commit, boolean fetched) implements Outcome {
  }

  record Failed(FetchFailure failure) implements Outcome {
  }

  /**
   * Syncs {@code query}; remote problems come back as {@link Failed}, local repository problems
   * (missing objects, lock files) as an IOException so the caller can rebuild the cache.
   */
  Outcome sync(CachedRepository cached, RefQuery query, TransportSetup setup, FailureClassifier classifier)
      throws IOException {
    Repository repo = cached.repository();
    if (query.kind() == RefQuery.Kind.COMMIT) {
      ObjectId id = ObjectId.fromString(query.value());
      if (hasCommit(repo, id)) {
        return new Synced(new RemoteRef(query.value(), id, id), COMMIT_REFS + query.value(), id, false);
      }
    }
    // read by JGit when the transport is made; only this fetcher's copy of the config, never saved.
    // A commit not yet cached is asked for by id, which v2 servers grant and many v0 servers refuse.
    WireProtocol protocol = query.kind() == RefQuery.Kind.COMMIT ? WireProtocol.V2 : options.protocol();
    int version = protocol.configValue();
    repo.getConfig().setInt("protocol", null, "version", version);
    try (Transport transport = Transport.open(repo, new URIish(cached.url().transportUrl()))) {
      setup.configure(transport);
      transport.setTagOpt(TagOpt.NO_TAGS);
      if (query.kind() == RefQuery.Kind.COMMIT) {
        return fetchCommit(repo, transport, query.value(), cached);
      }
      Optional<RemoteRef> remote = resolver.resolve(query, advertise(transport, query));
      if (remote.isEmpty()) {
        return new Failed(new FetchFailure.RefNotFound(cached.url().toString(), query.value()));
      }
      String local = remote.get().name();
      Ref current = repo.exactRef(local);
      boolean upToDate = current != null && remote.get().objectId().equals(current.getObjectId())
          && hasCommit(repo, remote.get().commitId());
      if (!upToDate) {
        fetch(transport, repo, remote.get().name(), local, current == null);
      }
      return new Synced(remote.get(), local, peel(repo, local), !upToDate);
    } catch (TransportException | NotSupportedException | URISyntaxException e) {
      return new Failed(classifier.classify(e, setup.hostKeyProblem()));
    }
  }

  private static Map<String, Ref> advertise(Transport transport, RefQuery query)
      throws TransportException, NotSupportedException {
    try (FetchConnection connection = transport.openFetch(List.of(),
        query.advertisementPrefixes().toArray(String[]::new))) {
      return connection.getRefsMap();
    }
  }

  private Outcome fetchCommit(Repository repo, Transport transport, String sha, CachedRepository cached)
      throws IOException {
    String local = COMMIT_REFS + sha;
    try {
      fetch(transport, repo, sha, local, true);
    } catch (TransportException e) {
      // servers that refuse unadvertised SHAs: take every branch and tag, then look for the commit
      transport.setDepth(null);
      transport.fetch(NullProgressMonitor.INSTANCE,
          List.of(new RefSpec("+refs/heads/*:refs/heads/*"), new RefSpec("+refs/tags/*:refs/tags/*")));
      ObjectId id = ObjectId.fromString(sha);
      if (!hasCommit(repo, id)) {
        return new Failed(new FetchFailure.RefNotFound(cached.url().toString(), sha));
      }
      RefUpdate update = repo.updateRef(local);
      update.setNewObjectId(id);
      update.forceUpdate();
    }
    ObjectId id = ObjectId.fromString(sha);
    return new Synced(new RemoteRef(sha, id, id), local, id, true);
  }

  private void fetch(Transport transport, Repository repo, String source, String local, boolean firstTime)
      throws IOException {
    transport.setDepth(firstTime && options.depth() > 0 ? Integer.valueOf(options.depth()) : null);
    var result = transport.fetch(NullProgressMonitor.INSTANCE, List.of(new RefSpec("+" + source + ":" + local)));
    TrackingRefUpdate update = result.getTrackingRefUpdate(local);
    if (update != null) {
      switch (update.getResult()) {
        case NEW, FORCED, FAST_FORWARD, NO_CHANGE -> { }
        default -> throw new IOException("cannot update " + local + " in cache: " + update.getResult());
      }
    } else if (repo.exactRef(local) == null) {
      throw new IOException("fetch of " + source + " did not create " + local);
    }
  }

  private static ObjectId peel(Repository repo, String local) throws IOException {
    Ref ref = repo.exactRef(local);
    if (ref == null) {
      throw new IOException(local + " missing after fetch");
    }
    try (RevWalk walk = new RevWalk(repo)) {
      return walk.parseCommit(ref.getObjectId()).copy();
    }
  }

  static boolean hasCommit(Repository repo, ObjectId id) throws IOException {
    try (RevWalk walk = new RevWalk(repo)) {
      walk.parseCommit(id);
      return true;
    } catch (MissingObjectException e) {
      return false;
    } catch (org.eclipse.jgit.errors.IncorrectObjectTypeException e) {
      return false;
    }
  }
}
