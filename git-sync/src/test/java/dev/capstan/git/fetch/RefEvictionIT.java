package dev.capstan.git.fetch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.capstan.git.GitSyncException;
import dev.capstan.git.cache.RepositoryCache;
import dev.capstan.git.source.GitSource;
import dev.capstan.git.testing.Upstream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A pull request's head fetched into the cache and evicted again: its ref and the objects only it reached are gone. */
class RefEvictionIT {
  @TempDir Path tmp;
  Upstream upstream;
  RepositoryCache cache;
  Fetcher fetcher;
  String main;
  String prHead;

  @BeforeEach
  void setUp() throws Exception {
    upstream = Upstream.create(Files.createDirectories(tmp.resolve("srv")), "deploy");
    main = upstream.push("first", Map.of("web/values.yaml", "message: hello\n"));
    upstream.git("checkout", "-q", "-b", "bump");
    prHead = upstream.commit("pr", Map.of("web/values.yaml", "message: from-a-pull-request\n"));
    upstream.git("push", "-q", "origin", "HEAD:refs/pull/7/head");
    upstream.git("checkout", "-q", "main");
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
  void evictingAPullRequestRefDropsTheRefAndItsOwnObjectsAndKeepsTheBranch() throws Exception {
    assertThat(fetcher.fetch(source("main")).revisionOrThrow().sha()).isEqualTo(main);
    assertThat(fetcher.fetch(source("refs/pull/7/head")).revisionOrThrow().sha()).isEqualTo(prHead);
    assertThat(cached().exactRef("refs/pull/7/head")).isNotNull();
    assertThat(cached().getObjectDatabase().has(ObjectId.fromString(prHead))).isTrue();

    assertThat(new RefEviction(cache).evict(source("refs/pull/7/head"))).contains("refs/pull/7/head");

    assertThat(cached().exactRef("refs/pull/7/head")).isNull();
    assertThat(cached().getRefDatabase().getRefsByPrefix("refs/").stream().map(r -> r.getObjectId().name()))
        .as("no state ref keeps the head either").doesNotContain(prHead);
    assertThat(cached().getObjectDatabase().has(ObjectId.fromString(prHead))).as("the head commit is pruned").isFalse();
    assertThat(cached().getObjectDatabase().has(ObjectId.fromString(main))).isTrue();
    FetchResult.Success again = (FetchResult.Success) fetcher.fetch(source("main"), java.util.Optional.of(main));
    assertThat(again.change()).as("the followed branch is untouched").isEqualTo(RevisionMove.UNCHANGED);
    assertThat(new RefEviction(cache).evict(source("refs/pull/7/head"))).as("a second close finds nothing").isEmpty();
    assertThat(fetcher.fetch(source("refs/pull/7/head")).revisionOrThrow().sha()).as("a reopened request fetches again")
        .isEqualTo(prHead);
  }

  @Test
  void aSemverRangeNamesNoRefToEvict() {
    assertThatThrownBy(() -> new RefEviction(cache).evict(source("^1.0"))).isInstanceOf(GitSyncException.class)
        .hasMessageContaining("semver");
  }
}
