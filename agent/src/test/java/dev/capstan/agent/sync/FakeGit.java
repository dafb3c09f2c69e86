package dev.capstan.agent.sync;

import dev.capstan.agent.application.Application;
import dev.capstan.agent.application.Source;
import dev.capstan.git.fetch.FetchFailure;
import dev.capstan.git.fetch.FetchResult;
import dev.capstan.git.fetch.GitRevision;
import dev.capstan.git.fetch.Person;
import dev.capstan.git.fetch.RevisionMove;
import dev.capstan.git.verify.SignatureStatus;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Git in memory: each repository URL has a head commit, moved by {@link #commit}. A repository can be
 * made unreachable, or made to hold fetches until released (to keep a work queue's worker busy).
 */
public final class FakeGit implements SourceFetcher {
  private final Map<String, GitRevision> heads = new ConcurrentHashMap<>();
  private final Map<String, String> unreachable = new ConcurrentHashMap<>();
  private final Map<String, String> refused = new ConcurrentHashMap<>();
  private final Map<String, CountDownLatch> gates = new ConcurrentHashMap<>();
  private final AtomicInteger commits = new AtomicInteger();
  private final AtomicInteger fetches = new AtomicInteger();
  private final CountDownLatch held = new CountDownLatch(1);
  private volatile boolean pathChanged = true;

  /** Moves {@code repoUrl}'s head to a new commit; returns its sha. */
  public String commit(String repoUrl, String subject) {
    byte[] sha = new byte[20];
    int n = commits.incrementAndGet();
    sha[19] = (byte) n;
    sha[0] = (byte) repoUrl.hashCode();
    Person who = new Person("Dev", "dev@example.com", Instant.EPOCH.plusSeconds(n));
    GitRevision revision = new GitRevision(HexFormat.of().formatHex(sha), "HEAD", who, who, who.when(), subject,
        SignatureStatus.unsigned());
    heads.put(repoUrl, revision);
    unreachable.remove(repoUrl);
    return revision.sha();
  }

  public GitRevision head(String repoUrl) {
    return heads.get(repoUrl);
  }

  /** Whether a fetch reports the app's folder changed since the known commit (false: only other folders moved). */
  public void pathChanged(boolean changed) {
    this.pathChanged = changed;
  }

  public void unreachable(String repoUrl, String detail) {
    unreachable.put(repoUrl, detail);
  }

  /** Fetches of {@code repoUrl} fail as git-sync fails credentials it may not use there, before any request. */
  public void refuseCredentials(String repoUrl, String detail) {
    refused.put(repoUrl, detail);
  }

  /** Fetches of {@code repoUrl} wait until {@link #release(String)}. */
  public void hold(String repoUrl) {
    gates.put(repoUrl, new CountDownLatch(1));
  }

  public void release(String repoUrl) {
    gates.remove(repoUrl).countDown();
  }

  /** Lets every held fetch go, so a test can close its agent. */
  public void releaseAll() {
    gates.keySet().forEach(this::release);
  }

  /** Waits until a fetch is held. */
  public boolean awaitHeld() throws InterruptedException {
    return held.await(10, TimeUnit.SECONDS);
  }

  public int fetches() {
    return fetches.get();
  }

  @Override
  public FetchResult fetch(Application app, Source source, Optional<String> known) {
    fetches.incrementAndGet();
    String url = source.repoURL();
    CountDownLatch gate = gates.get(url);
    if (gate != null) {
      held.countDown();
      try {
        gate.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    if (refused.containsKey(url)) {
      return new FetchResult.Failure(new FetchFailure.CredentialsUnusable(url, refused.get(url)), Optional.empty());
    }
    if (unreachable.containsKey(url) || !heads.containsKey(url)) {
      return new FetchResult.Failure(new FetchFailure.HostUnreachable(url, unreachable.getOrDefault(url, "no such repository")),
          Optional.empty());
    }
    GitRevision head = heads.get(url);
    boolean moved = known.map(k -> !k.equals(head.sha())).orElse(true);
    return new FetchResult.Success(head, known.isEmpty() ? RevisionMove.INITIAL : moved ? RevisionMove.FAST_FORWARD : RevisionMove.UNCHANGED,
        known, moved && pathChanged, List.of());
  }
}
