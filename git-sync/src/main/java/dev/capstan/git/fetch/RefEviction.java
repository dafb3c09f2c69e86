package dev.capstan.git.fetch;

import dev.capstan.git.GitSyncException;
import dev.capstan.git.cache.CachedRepository;
import dev.capstan.git.cache.RepositoryCache;
import dev.capstan.git.resolve.RefQuery;
import dev.capstan.git.source.GitSource;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import org.eclipse.jgit.internal.storage.file.FileRepository;
import org.eclipse.jgit.internal.storage.file.GC;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.RefUpdate;
import org.eclipse.jgit.lib.Repository;

/**
 * Takes a ref the cache no longer needs out of it, whole: the cache's copy of the ref, the state refs
 * {@link Fetcher} keeps for it (last resolved, last verified), and then every object that nothing left
 * in the repository reaches (a repack that keeps only what the other refs reach). A closed pull
 * request's head is the case in point: its commits, a fork's included, must not stay in the cache
 * after the request is gone. Objects another ref still reaches stay, so evicting a ref that shares
 * history with a followed branch costs that branch nothing.
 *
 * <p>Runs under the repository's lock, as fetches do, so no fetch writes objects while unreachable
 * ones are removed. Readers need no lock: what they read is reachable from a ref and survives the
 * repack. Semver ranges name no one ref and are refused.
 */
public final class RefEviction {
  private final RepositoryCache cache;

  public RefEviction(RepositoryCache cache) {
    this.cache = cache;
  }

  /**
   * Evicts {@code source}'s ref from the cache copy of its URL and credentials.
   *
   * @return the refs deleted (empty when the cache held none of them, and then nothing is repacked)
   * @throws GitSyncException when the refs cannot be deleted or the repository cannot be repacked
   */
  public List<String> evict(GitSource source) {
    RefQuery query = RefQuery.parse(source.ref());
    if (query.kind() == RefQuery.Kind.SEMVER) {
      throw new GitSyncException("ref", "a semver range names no single ref to evict: " + source.ref());
    }
    CachedRepository cached = cache.repository(source);
    cached.lock().lock();
    try {
      Repository repo = cached.repository();
      List<String> deleted = new ArrayList<>();
      for (String name : candidates(query, source)) {
        if (delete(repo, name)) {
          deleted.add(name);
        }
      }
      if (!deleted.isEmpty()) {
        pruneUnreachable(repo);
      }
      return List.copyOf(deleted);
    } catch (IOException e) {
      throw new GitSyncException(source.url().toString(), "cannot evict " + source.ref() + " from the cache: " + e.getMessage(), e);
    } finally {
      cached.lock().unlock();
    }
  }

  /** Every name under which a fetch of {@code query} may have kept the ref or remembered its commit. */
  private static List<String> candidates(RefQuery query, GitSource source) {
    List<String> names = new ArrayList<>(switch (query.kind()) {
      case NAME, FULL_REF -> query.advertisementPrefixes();
      case COMMIT -> List.of(RefSync.commitRef(query.value()));
      case SEMVER -> List.<String>of();
    });
    names.add(StateRefs.resolved(query));
    names.add(StateRefs.verified(query, source.verification()));
    return names;
  }

  private static boolean delete(Repository repo, String name) throws IOException {
    Ref ref = repo.exactRef(name);
    if (ref == null) {
      return false;
    }
    RefUpdate update = repo.updateRef(name);
    update.setForceUpdate(true);
    RefUpdate.Result result = update.delete();
    return switch (result) {
      case FORCED, NO_CHANGE, FAST_FORWARD -> true;
      default -> throw new IOException("cannot delete " + name + ": " + result);
    };
  }

  /** Repacks what the refs reach and drops the rest now, not after Git's usual two-week grace. */
  private static void pruneUnreachable(Repository repo) throws IOException {
    if (!(repo instanceof FileRepository file)) {
      return;
    }
    GC gc = new GC(file);
    Instant now = Instant.now().plusSeconds(1);
    gc.setExpire(now);
    gc.setPackExpire(now);
    try {
      gc.gc().get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while repacking", e);
    } catch (ExecutionException | java.text.ParseException | org.eclipse.jgit.api.errors.GitAPIException e) {
      throw new IOException("repack failed: " + e.getMessage(), e);
    }
  }
}
