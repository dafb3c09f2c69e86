package dev.capstan.git.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.capstan.git.cache.RepositoryCache;
import dev.capstan.git.read.FolderReader;
import dev.capstan.git.read.ReadOptions;
import dev.capstan.git.source.GitSource;
import dev.capstan.git.testing.Upstream;
import dev.capstan.git.verify.SignatureStatus;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevWalk;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Fetching from a bare repository over file://: the transport with no network in the way. */
class FileFetchIT {
  @TempDir Path tmp;
  Upstream upstream;
  RepositoryCache cache;
  Fetcher fetcher;

  @BeforeEach
  void setUp() throws Exception {
    Files.createDirectories(tmp.resolve("srv"));
    upstream = Upstream.create(tmp.resolve("srv"), "shop");
    upstream.push("first", Map.of("apps/web/Chart.yaml", "name: web\n", "apps/api/Chart.yaml", "name: api\n"));
    upstream.push("second", Map.of("apps/web/values.yaml", "replicas: 1\n"));
    cache = RepositoryCache.open(tmp.resolve("cache"));
    fetcher = new Fetcher(cache, FetchOptions.defaults());
  }

  @AfterEach
  void tearDown() {
    cache.close();
  }

  private GitSource source(String ref) {
    return GitSource.of(upstream.fileUrl(), ref);
  }

  private Repository cached() {
    return cache.repository(source("main")).repository();
  }

  @Test
  void firstFetchIsShallowAndSaysWhatItGot() throws Exception {
    String head = upstream.git("rev-parse", "HEAD");

    FetchResult.Success ok = (FetchResult.Success) fetcher.fetch(source("main"));

    GitRevision r = ok.revision();
    assertThat(r.sha()).isEqualTo(head);
    assertThat(r.ref()).isEqualTo("refs/heads/main");
    assertThat(r.subject()).isEqualTo("second");
    assertThat(r.author().name()).isEqualTo("Test Author");
    assertThat(r.committer().email()).isEqualTo("author@example.com");
    assertThat(r.signature().state()).isEqualTo(SignatureStatus.State.UNSIGNED);
    assertThat(ok.change()).isEqualTo(RevisionMove.INITIAL);
    assertThat(cached().getObjectDatabase().getShallowCommits()).containsExactly(ObjectId.fromString(head));
  }

  @Test
  void incrementalFetchBringsTheNewCommitAndReportsFastForward() {
    String before = fetcher.fetch(source("main")).revisionOrThrow().sha();
    String next = upstream.push("third", Map.of("apps/api/values.yaml", "replicas: 2\n"));

    FetchResult.Success ok = (FetchResult.Success) fetcher.fetch(source("main"));

    assertThat(ok.revision().sha()).isEqualTo(next);
    assertThat(ok.change()).isEqualTo(RevisionMove.FAST_FORWARD);
    assertThat(ok.previousSha()).contains(before);
    assertThat(ok.notices()).isEmpty();
  }

  @Test
  void unchangedRefIsReportedUnchanged() {
    fetcher.fetch(source("main"));

    FetchResult.Success again = (FetchResult.Success) fetcher.fetch(source("main"));

    assertThat(again.change()).isEqualTo(RevisionMove.UNCHANGED);
    assertThat(again.pathChanged()).isFalse();
  }

  @Test
  void pathChangedFollowsOnlyTheSourceFolder() {
    GitSource web = source("main").withPath("apps/web");
    GitSource api = source("main").withPath("apps/api");
    String base = fetcher.fetch(web).revisionOrThrow().sha();
    upstream.push("api only", Map.of("apps/api/values.yaml", "replicas: 3\n"));

    FetchResult.Success webResult = (FetchResult.Success) fetcher.fetch(web, Optional.of(base));
    FetchResult.Success apiResult = (FetchResult.Success) fetcher.fetch(api, Optional.of(base));

    assertThat(webResult.change()).isEqualTo(RevisionMove.FAST_FORWARD);
    assertThat(webResult.pathChanged()).isFalse();
    assertThat(apiResult.pathChanged()).isTrue();
  }

  @Test
  void resolvesTagsAnnotatedTagsShasAndSemverRanges() {
    String v1 = upstream.git("rev-parse", "HEAD");
    upstream.git("tag", "v1.2.0");
    String v2 = upstream.push("two", Map.of("x.txt", "2\n"));
    upstream.git("tag", "-a", "v1.3.0", "-m", "release 1.3.0");
    String v3 = upstream.push("three", Map.of("x.txt", "3\n"));
    upstream.git("tag", "v2.0.0");
    upstream.git("push", "-q", "origin", "--tags");

    assertThat(fetcher.fetch(source("v1.2.0")).revisionOrThrow().sha()).isEqualTo(v1);
    GitRevision annotated = fetcher.fetch(source("refs/tags/v1.3.0")).revisionOrThrow();
    assertThat(annotated.sha()).isEqualTo(v2);
    assertThat(fetcher.fetch(source(">=1.2.0 <2")).revisionOrThrow().sha()).isEqualTo(v2);
    assertThat(fetcher.fetch(source("^2")).revisionOrThrow().ref()).isEqualTo("refs/tags/v2.0.0");
    assertThat(fetcher.fetch(source(v1)).revisionOrThrow().sha()).isEqualTo(v1);
    assertThat(fetcher.fetch(source(v3)).revisionOrThrow().sha()).isEqualTo(v3);
  }

  @Test
  void forcePushIsReportedAndTheOldRevisionStaysReadable() throws Exception {
    String old = fetcher.fetch(source("main")).revisionOrThrow().sha();
    upstream.git("commit", "-q", "--amend", "-m", "second, rewritten");
    upstream.forcePush();
    String rewritten = upstream.git("rev-parse", "HEAD");

    FetchResult.Success ok = (FetchResult.Success) fetcher.fetch(source("main"));

    assertThat(ok.revision().sha()).isEqualTo(rewritten);
    assertThat(ok.change()).isEqualTo(RevisionMove.HISTORY_REWRITTEN);
    assertThat(ok.notices()).extracting(Notice::kind).contains(Notice.Kind.HISTORY_REWRITTEN);
    var oldFiles = new FolderReader(ReadOptions.defaults()).read(cached(), ObjectId.fromString(old), "apps/web");
    assertThat(oldFiles.readString("values.yaml")).isEqualTo("replicas: 1\n");
  }

  @Test
  void deletedBranchIsATypedFailureAndTheLastGoodRevisionStays() {
    upstream.git("checkout", "-q", "-b", "feature");
    String feature = upstream.commit("feature work", Map.of("f.txt", "f\n"));
    upstream.git("push", "-q", "origin", "feature");
    fetcher.fetch(source("feature"));
    upstream.git("push", "-q", "origin", "--delete", "feature");

    FetchResult result = fetcher.fetch(source("feature"));

    assertThat(result).isInstanceOf(FetchResult.Failure.class);
    FetchResult.Failure failure = (FetchResult.Failure) result;
    assertThat(failure.failure()).isInstanceOf(FetchFailure.RefNotFound.class);
    assertThat(failure.failure().message()).startsWith(upstream.fileUrl()).contains("\"feature\" not found");
    assertThat(failure.lastGood()).map(GitRevision::sha).contains(feature);
  }

  @Test
  void corruptCacheIsDetectedAndFetchedAgain() throws Exception {
    String head = fetcher.fetch(source("main")).revisionOrThrow().sha();
    Path dir = cache.repository(source("main")).directory();
    cache.close();
    try (var packs = Files.list(dir.resolve("objects/pack"))) {
      for (Path p : packs.filter(p -> p.toString().endsWith(".pack")).toList()) {
        Files.write(p, new byte[] {'b', 'r', 'o', 'k', 'e', 'n'});
      }
    }
    try (var loose = Files.walk(dir.resolve("objects"))) {
      for (Path p : loose.filter(Files::isRegularFile).filter(p -> p.getParent().getFileName().toString().length() == 2)
          .toList()) {
        Files.write(p, new byte[] {0});
      }
    }
    cache = RepositoryCache.open(tmp.resolve("cache"));
    fetcher = new Fetcher(cache, FetchOptions.defaults());

    FetchResult.Success ok = (FetchResult.Success) fetcher.fetch(source("main"));

    assertThat(ok.revision().sha()).isEqualTo(head);
    assertThat(ok.notices()).extracting(Notice::kind).contains(Notice.Kind.CACHE_RECOVERED);
    try (RevWalk walk = new RevWalk(cached())) {
      assertThat(walk.parseCommit(ObjectId.fromString(head)).getShortMessage()).isEqualTo("second");
    }
  }

  @Test
  void refUpdateCutOffMidwayIsNotServed() throws Exception {
    fetcher.fetch(source("main"));
    Path dir = cache.repository(source("main")).directory();
    cache.close();
    Files.writeString(dir.resolve("refs/heads/main.lock"), "half written");
    cache = RepositoryCache.open(tmp.resolve("cache"));
    fetcher = new Fetcher(cache, FetchOptions.defaults());

    FetchResult.Success ok = (FetchResult.Success) fetcher.fetch(source("main"));

    assertThat(ok.notices()).extracting(Notice::message).anyMatch(m -> m.contains("cut off"));
    assertThat(Files.exists(cache.repository(source("main")).directory().resolve("refs/heads/main.lock")))
        .isFalse();
  }

  @Test
  void missingRepositoryIsATypedFailure() {
    FetchResult result = fetcher.fetch(GitSource.of("file://" + tmp.resolve("nope.git"), "main"));

    assertThat(((FetchResult.Failure) result).failure()).isInstanceOf(FetchFailure.RepositoryNotFound.class);
  }
}
