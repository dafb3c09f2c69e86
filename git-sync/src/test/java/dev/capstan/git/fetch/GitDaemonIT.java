package dev.capstan.git.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.capstan.git.cache.RepositoryCache;
import dev.capstan.git.source.GitSource;
import dev.capstan.git.testing.GitDaemon;
import dev.capstan.git.testing.Ports;
import dev.capstan.git.testing.Upstream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The git daemon that ships with Git, on 127.0.0.1: the C implementation on the other end. */
class GitDaemonIT {
  @TempDir static Path tmp;
  static Upstream upstream;
  static GitDaemon daemon;

  @BeforeAll
  static void start() throws Exception {
    Files.createDirectories(tmp.resolve("srv"));
    upstream = Upstream.create(tmp.resolve("srv"), "shop");
    upstream.push("first", Map.of("apps/web/Chart.yaml", "name: web\n"));
    daemon = GitDaemon.start(tmp.resolve("srv"));
  }

  @AfterAll
  static void stop() {
    daemon.close();
  }

  @Test
  void shallowCloneThenIncrementalFetchOfBranchTagAndSha() throws Exception {
    try (RepositoryCache cache = RepositoryCache.open(tmp.resolve("cache-1"))) {
      Fetcher fetcher = new Fetcher(cache, FetchOptions.defaults());
      GitSource main = GitSource.of(daemon.url("shop.git"), "main");
      String first = fetcher.fetch(main).revisionOrThrow().sha();
      String second = upstream.push("second", Map.of("apps/web/values.yaml", "replicas: 2\n"));
      upstream.git("tag", "v1.0.0");
      upstream.git("push", "-q", "origin", "v1.0.0");

      FetchResult.Success ok = (FetchResult.Success) fetcher.fetch(main);

      assertThat(ok.change()).isEqualTo(RevisionMove.FAST_FORWARD);
      assertThat(ok.previousSha()).contains(first);
      assertThat(ok.revision().sha()).isEqualTo(second);
      assertThat(ok.notices()).extracting(Notice::kind).containsExactly(Notice.Kind.INSECURE_TRANSPORT);
      assertThat(fetcher.fetch(main.withRef("v1.0.0")).revisionOrThrow().sha()).isEqualTo(second);
      assertThat(fetcher.fetch(main.withRef(first)).revisionOrThrow().sha()).isEqualTo(first);
    }
  }

  @Test
  void protocolV2AsksOnlyForTheRefItNeeds() throws Exception {
    try (RepositoryCache cache = RepositoryCache.open(tmp.resolve("cache-v2"))) {
      Fetcher fetcher = new Fetcher(cache, FetchOptions.defaults().withProtocol(WireProtocol.V2));
      GitSource main = GitSource.of(daemon.url("shop.git"), "main");

      String sha = fetcher.fetch(main).revisionOrThrow().sha();
      FetchResult.Success again = (FetchResult.Success) fetcher.fetch(main);

      assertThat(sha).isEqualTo(upstream.git("rev-parse", "HEAD"));
      assertThat(again.change()).isEqualTo(RevisionMove.UNCHANGED);
    }
  }

  @Test
  void commitNotYetInTheCacheIsFetchedBySha() throws Exception {
    String older = upstream.git("rev-parse", "HEAD");
    upstream.push("newer", Map.of("n.txt", "n\n"));
    try (RepositoryCache cache = RepositoryCache.open(tmp.resolve("cache-2"))) {
      Fetcher fetcher = new Fetcher(cache, FetchOptions.defaults());

      GitRevision pinned = fetcher.fetch(GitSource.of(daemon.url("shop.git"), older)).revisionOrThrow();

      assertThat(pinned.sha()).isEqualTo(older);
    }
  }

  @Test
  void nobodyListeningIsHostUnreachable() throws Exception {
    try (RepositoryCache cache = RepositoryCache.open(tmp.resolve("cache-3"))) {
      Fetcher fetcher = new Fetcher(cache, FetchOptions.defaults().withTimeout(Duration.ofSeconds(5)));

      FetchResult result = fetcher.fetch(GitSource.of("git://127.0.0.1:" + Ports.free() + "/shop.git", "main"));

      assertThat(((FetchResult.Failure) result).failure()).isInstanceOf(FetchFailure.HostUnreachable.class);
      assertThat(((FetchResult.Failure) result).lastGood()).isEmpty();
    }
  }

  @Test
  void serverThatNeverAnswersIsATimeout() throws Exception {
    try (java.net.ServerSocket silent = new java.net.ServerSocket(0, 5, java.net.InetAddress.getLoopbackAddress());
        RepositoryCache cache = RepositoryCache.open(tmp.resolve("cache-5"))) {
      Thread acceptor = new Thread(() -> {
        java.util.List<java.net.Socket> held = new java.util.ArrayList<>();
        try {
          while (true) {
            held.add(silent.accept()); // accept and say nothing
          }
        } catch (java.io.IOException closed) {
          held.forEach(s -> { try { s.close(); } catch (java.io.IOException e) { } });
        }
      });
      acceptor.setDaemon(true);
      acceptor.start();
      Fetcher fetcher = new Fetcher(cache,
          FetchOptions.defaults().withTimeout(Duration.ofSeconds(2)).withDeadline(Duration.ofSeconds(3)));

      FetchResult result = fetcher.fetch(GitSource.of("git://127.0.0.1:" + silent.getLocalPort() + "/shop.git", "main"));

      FetchFailure failure = ((FetchResult.Failure) result).failure();
      assertThat(failure).isInstanceOf(FetchFailure.Timeout.class);
      assertThat(failure.message()).endsWith(": timed out after 3s");
    }
  }

  @Test
  void unknownRepositoryIsRepositoryNotFound() throws Exception {
    try (RepositoryCache cache = RepositoryCache.open(tmp.resolve("cache-4"))) {
      Fetcher fetcher = new Fetcher(cache, FetchOptions.defaults());

      FetchResult result = fetcher.fetch(GitSource.of(daemon.url("missing.git"), "main"));

      FetchFailure failure = ((FetchResult.Failure) result).failure();
      assertThat(failure).isInstanceOf(FetchFailure.RepositoryNotFound.class);
    }
  }
}
