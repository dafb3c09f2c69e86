package dev.capstan.git.fetch;

import dev.capstan.git.GitSyncException;
import dev.capstan.git.auth.CredentialBinding;
import dev.capstan.git.auth.Credentials;
import dev.capstan.git.auth.Redactor;
import dev.capstan.git.cache.CachedRepository;
import dev.capstan.git.cache.RepositoryCache;
import dev.capstan.git.changes.ChangeDetector;
import dev.capstan.git.resolve.RefQuery;
import dev.capstan.git.resolve.RemoteRef;
import dev.capstan.git.source.GitSource;
import dev.capstan.git.transport.TransportSetup;
import dev.capstan.git.verify.CommitVerifier;
import dev.capstan.git.verify.SignatureStatus;
import dev.capstan.git.verify.VerificationPolicy;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.eclipse.jgit.errors.MissingObjectException;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings a source up to date and says what it resolved to. One public verb: {@link #fetch}.
 *
 * <p>Per call: resolve the ref against the server's advertisement (one round trip when nothing
 * changed), fetch only that ref if it moved, verify the commit when the source asks for it, and
 * compare with the previous revision. Concurrent calls for the same URL, ref and credentials share
 * one network round; calls for other refs of the same URL wait for the per-repository lock. A cache
 * found corrupt while fetching is rebuilt once and the fetch retried. Thread-safe.
 */
public final class Fetcher {
  private final java.util.Set<String> warnedInsecure = java.util.concurrent.ConcurrentHashMap.newKeySet();
  private static final Logger LOG = LoggerFactory.getLogger(Fetcher.class);

  private final RepositoryCache cache;
  private final FetchOptions options;
  private final RefSync refSync;
  private final CommitVerifier verifier = new CommitVerifier();
  private final ChangeDetector changes = new ChangeDetector();
  private final SingleFlight<String, Attempt> flights = new SingleFlight<>();

  public Fetcher(RepositoryCache cache, FetchOptions options) {
    this.cache = cache;
    this.options = options;
    this.refSync = new RefSync(options);
  }

  private record Attempt(CachedRepository cached, RefSync.Outcome outcome, Optional<ObjectId> previous,
      List<Notice> notices) {
  }

  /** Fetches {@code source}, comparing with the last revision this cache resolved for its ref. */
  public FetchResult fetch(GitSource source) {
    return fetch(source, Optional.empty());
  }

  /**
   * Fetches {@code source}, comparing with {@code lastSeenSha}: the revision the caller last
   * deployed, which in a shared cache may be older than what another source already fetched.
   */
  public FetchResult fetch(GitSource source, Optional<String> lastSeenSha) {
    FetchResult result = fetchQuietly(source, lastSeenSha);
    log(source, result);
    return result;
  }

  // every message here is built from masked URLs and masked details; nothing raw reaches the log
  private void log(GitSource source, FetchResult result) {
    if (result instanceof FetchResult.Failure f) {
      LOG.warn("{}", f.failure().message());
    } else if (result instanceof FetchResult.Success ok) {
      // An agent polls the same insecure URL for ever: say so once, not on every poll.
      ok.notices().stream()
          .filter(n -> n.kind() != Notice.Kind.INSECURE_TRANSPORT || warnedInsecure.add(source.url().toString()))
          .forEach(n -> LOG.warn("{}", n.message()));
      if (ok.change() != RevisionMove.UNCHANGED) {
        LOG.info("{}: {} {}", source.url(), ok.change(), ok.revision());
      }
    }
  }

  private FetchResult fetchQuietly(GitSource source, Optional<String> lastSeenSha) {
    RefQuery query = RefQuery.parse(source.ref());
    Credentials credentials;
    try {
      credentials = source.credentials().load();
    } catch (GitSyncException e) {
      // a Secret not mounted yet or rotated to garbage is an operating condition, not a crash
      return new FetchResult.Failure(new FetchFailure.CredentialsUnusable(source.url().toString(), e.getMessage()),
          lastGoodOrEmpty(source, query));
    }
    Optional<String> refused = CredentialBinding.refusal(source.url(), credentials, source.credentials());
    if (refused.isPresent()) {
      // decided before any request: credentials that are not bound to this URL never reach the network
      return new FetchResult.Failure(new FetchFailure.CredentialsUnusable(source.url().toString(), refused.get()),
          lastGoodOrEmpty(source, query));
    }
    String key = source.url().cacheKey() + "\n" + query + "\n" + source.credentials();
    Attempt attempt = flights.run(key, () -> syncWithRecovery(source, query, credentials), options.deadline(),
        () -> new Attempt(cache.repository(source),
            new RefSync.Failed(new FetchFailure.Timeout(source.url().toString(), options.deadline())),
            Optional.empty(), List.of()));
    List<Notice> notices = new ArrayList<>(attempt.notices());
    source.url().insecureTransportWarning().ifPresent(w -> notices.add(0, new Notice(Notice.Kind.INSECURE_TRANSPORT, w)));
    Repository repo = attempt.cached().repository();
    try {
      if (attempt.outcome() instanceof RefSync.Failed failed) {
        return new FetchResult.Failure(failed.failure(), lastGood(repo, source, query));
      }
      RefSync.Synced synced = (RefSync.Synced) attempt.outcome();
      return accept(attempt.cached(), source, query, synced, lastSeen(lastSeenSha).or(attempt::previous), notices);
    } catch (IOException e) {
      cache.invalidate(source);
      return new FetchResult.Failure(new FetchFailure.CacheFailed(source.url().toString(), e.getMessage()),
          Optional.empty());
    }
  }

  private FetchResult accept(CachedRepository cached, GitSource source, RefQuery query, RefSync.Synced synced,
      Optional<ObjectId> previous, List<Notice> notices) throws IOException {
    Repository repo = cached.repository();
    try (RevWalk walk = new RevWalk(repo)) {
      RevCommit commit = walk.parseCommit(synced.commit());
      VerificationPolicy policy = source.verification();
      SignatureStatus signature = verifier.verify(repo, commit, policy.target().commit() ? policy : VerificationPolicy.none());
      if (policy.required()) {
        Optional<FetchFailure> refused = refusal(repo, walk, source, synced.remote(), commit, signature);
        if (refused.isPresent()) {
          return new FetchResult.Failure(refused.get(), lastGood(repo, source, query));
        }
        rememberVerified(cached, query, source, commit);
        if (!policy.target().commit()) {
          // mode Tag: what was verified, and so who vouches for the revision, is the ref's annotated tag
          signature = verifier.verifyTag(repo, walk.parseTag(synced.remote().objectId()), policy);
        }
      }
      GitRevision revision = RevisionFactory.of(commit, synced.remote().name(), signature);
      RevisionMove change = change(repo, previous, commit);
      if (change == RevisionMove.HISTORY_REWRITTEN) {
        notices.add(new Notice(Notice.Kind.HISTORY_REWRITTEN, source.url() + ": " + synced.remote().name()
            + " was rewritten: " + previous.get().name().substring(0, 12) + " is no longer in its history"
            + " (force-push or moved tag); now at " + revision.shortSha()));
      }
      boolean pathChanged = change == RevisionMove.INITIAL
          || change != RevisionMove.UNCHANGED && changes.pathChanged(repo, previous.get(), commit, source.path());
      return new FetchResult.Success(revision, change, previous.map(ObjectId::name), pathChanged, notices);
    }
  }

  /** Why the policy refuses this revision: the ref's annotated tag first (modes Tag, TagAndHEAD), then the commit. */
  private Optional<FetchFailure> refusal(Repository repo, RevWalk walk, GitSource source, RemoteRef remote, RevCommit commit,
      SignatureStatus signature) throws IOException {
    VerificationPolicy policy = source.verification();
    String url = source.url().toString();
    if (policy.target().tag()) {
      if (!remote.name().startsWith(Constants.R_TAGS) || remote.objectId().equals(commit)) {
        return Optional.of(new FetchFailure.TagRefused(url, remote.name(), new SignatureStatus(SignatureStatus.State.UNSIGNED,
            "", "", "", remote.name() + " is not an annotated tag, and verify mode " + policy.target() + " needs a signed one")));
      }
      SignatureStatus tag = verifier.verifyTag(repo, walk.parseTag(remote.objectId()), policy);
      if (!tag.verified()) {
        return Optional.of(new FetchFailure.TagRefused(url, remote.name().substring(Constants.R_TAGS.length()), tag));
      }
    }
    if (policy.target().commit() && !signature.verified()) {
      return Optional.of(new FetchFailure.VerificationRefused(url, commit.name(), signature));
    }
    return Optional.empty();
  }

  private static Optional<ObjectId> lastSeen(Optional<String> sha) {
    try {
      return sha.map(ObjectId::fromString);
    } catch (IllegalArgumentException e) {
      throw new GitSyncException("lastSeenSha", "\"" + sha.get() + "\" is not a full commit SHA");
    }
  }

  // under the repository lock: a fetch of another ref may be updating refs of the same repository
  private static void rememberVerified(CachedRepository cached, RefQuery query, GitSource source, RevCommit commit) {
    cached.lock().lock();
    try {
      StateRefs.write(cached.repository(), StateRefs.verified(query, source.verification()), commit);
    } catch (IOException e) {
      // the commit is verified and is returned; only a later lastGood would be older than it could be
      LOG.warn("{}: cannot record verified commit {}: {}", source.url(), commit.name(), e.getMessage());
    } finally {
      cached.lock().unlock();
    }
  }

  private static RevisionMove change(Repository repo, Optional<ObjectId> previous, RevCommit current) throws IOException {
    if (previous.isEmpty() || !RefSync.hasCommit(repo, previous.get())) {
      return RevisionMove.INITIAL;
    }
    if (previous.get().equals(current)) {
      return RevisionMove.UNCHANGED;
    }
    try (RevWalk walk = new RevWalk(repo)) {
      return walk.isMergedInto(walk.parseCommit(previous.get()), walk.parseCommit(current))
          ? RevisionMove.FAST_FORWARD : RevisionMove.HISTORY_REWRITTEN;
    } catch (MissingObjectException e) {
      // history between the two is not all here: the new tip does not descend from what we had
      return RevisionMove.HISTORY_REWRITTEN;
    }
  }

  private Attempt syncWithRecovery(GitSource source, RefQuery query, Credentials credentials) {
    List<Notice> notices = new ArrayList<>();
    for (int tries = 0; ; tries++) {
      CachedRepository cached = cache.repository(source);
      cached.takeRecoveryNotice().ifPresent(why -> notices.add(recovered(source, why)));
      cached.lock().lock();
      try (TransportSetup setup = new TransportSetup(source.url(), credentials, options.timeout())) {
        FailureClassifier classifier = new FailureClassifier(source.url().toString(), setup.secrets(), options.timeout());
        Repository repo = cached.repository();
        Optional<ObjectId> previous = StateRefs.read(repo, StateRefs.resolved(query));
        RefSync.Outcome outcome;
        try {
          outcome = refSync.sync(cached, query, setup, classifier);
        } catch (GitSyncException e) {
          outcome = new RefSync.Failed(new FetchFailure.CredentialsUnusable(source.url().toString(),
              Redactor.mask(e.getMessage(), setup.secrets())));
        }
        // a ref write is a lock file and a rename: only when the commit moved, not on every poll
        if (outcome instanceof RefSync.Synced synced && !previous.map(synced.commit()::equals).orElse(false)) {
          StateRefs.write(repo, StateRefs.resolved(query), synced.commit());
        }
        return new Attempt(cached, outcome, previous, notices);
      } catch (IOException | RuntimeException e) {
        if (tries > 0 || e instanceof dev.capstan.core.CapstanException) {
          return failed(cached, source, e, notices);
        }
        cache.invalidate(source);
        notices.add(recovered(source, String.valueOf(e.getMessage())));
      } finally {
        cached.lock().unlock();
      }
    }
  }

  private Attempt failed(CachedRepository cached, GitSource source, Exception e, List<Notice> notices) {
    if (e instanceof dev.capstan.core.CapstanException ce) {
      throw ce;
    }
    return new Attempt(cached, new RefSync.Failed(new FetchFailure.CacheFailed(source.url().toString(),
        String.valueOf(e.getMessage()))), Optional.empty(), notices);
  }

  private static Notice recovered(GitSource source, String why) {
    return new Notice(Notice.Kind.CACHE_RECOVERED, source.url() + ": cached copy was unusable (" + why
        + ") and has been fetched again");
  }

  private Optional<GitRevision> lastGoodOrEmpty(GitSource source, RefQuery query) {
    try {
      return lastGood(cache.repository(source).repository(), source, query);
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  private Optional<GitRevision> lastGood(Repository repo, GitSource source, RefQuery query) throws IOException {
    String ref = source.verification().required()
        ? StateRefs.verified(query, source.verification()) : StateRefs.resolved(query);
    Optional<ObjectId> id = StateRefs.read(repo, ref);
    if (id.isEmpty() || !RefSync.hasCommit(repo, id.get())) {
      return Optional.empty();
    }
    try (RevWalk walk = new RevWalk(repo)) {
      RevCommit commit = walk.parseCommit(id.get());
      return Optional.of(RevisionFactory.of(commit, source.ref(), verifier.verify(repo, commit, source.verification())));
    }
  }
}
