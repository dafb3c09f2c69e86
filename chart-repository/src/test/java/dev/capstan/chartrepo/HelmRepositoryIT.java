package dev.capstan.chartrepo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.capstan.chart.ChartLoader;
import dev.capstan.chartrepo.cache.ChartCache;
import dev.capstan.chartrepo.cache.Digest;
import dev.capstan.chartrepo.http.Credentials;
import dev.capstan.chartrepo.http.HttpTransport;
import dev.capstan.chartrepo.http.SourceException;
import dev.capstan.chartrepo.http.TransportOptions;
import dev.capstan.chartrepo.index.HelmRepository;
import dev.capstan.chartrepo.index.HelmRepositoryClient;
import dev.capstan.testsupport.HelmOracle;
import dev.capstan.testsupport.HelmRepositoryServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Charts from a real Helm HTTP repository: archives packaged by Capstan, {@code index.yaml} written by
 * real {@code helm repo index}, served by Jetty behind basic auth with ETags.
 */
class HelmRepositoryIT {
  private static final Credentials GOOD = Credentials.basic("ci", "s3cret");

  @TempDir static Path work;
  static Path repoDir;
  static HelmRepositoryServer server;

  @TempDir Path cacheDir;

  @BeforeAll
  static void serveRepository() throws Exception {
    repoDir = Files.createDirectories(work.resolve("repo"));
    for (String v : new String[] {"1.0.0", "1.1.0", "2.0.0-rc.1"}) {
      TestCharts.pack(work.resolve("src"), "web", v, repoDir);
    }
    HelmOracle.in(work.resolve("helm")).run("repo", "index", repoDir.toString()).ok();
    server = HelmRepositoryServer.serve(repoDir, "ci", "s3cret");
  }

  @AfterAll
  static void stop() throws Exception {
    server.close();
  }

  private HelmRepository repo(Credentials c) {
    return new HelmRepository(server.url(), c);
  }

  private ChartFetcher fetcher() {
    return ChartFetcher.create(HttpTransport.create(TransportOptions.defaults()), ChartCache.at(cacheDir));
  }

  @Test
  void resolvesARangeToTheNewestReleaseAndRendersIt() throws Exception {
    ChartFetcher fetcher = fetcher();
    FetchedChart fetched = fetcher.fetch(new ChartSource.Repository(repo(GOOD), "web", "^1.0"));
    assertThat(fetched.resolved().version()).isEqualTo("1.1.0");
    assertThat(fetched.fromCache()).isFalse();
    assertThat(TestCharts.render(fetched.load()))
        .isEqualTo(TestCharts.render(ChartLoader.load(work.resolve("src/web-1.1.0"))));
    assertThat(fetcher.resolve(new ChartSource.Repository(repo(GOOD), "web", "")).version()).isEqualTo("1.1.0");
    assertThat(fetcher.resolve(new ChartSource.Repository(repo(GOOD), "web", ">=2.0.0-0")).version()).isEqualTo("2.0.0-rc.1");
  }

  @Test
  void aSecondFetchComesFromTheCacheVerified() {
    ChartFetcher fetcher = fetcher();
    FetchedChart first = fetcher.fetch(new ChartSource.Repository(repo(GOOD), "web", "1.0.0"));
    int downloads = server.requests("/web-1.0.0.tgz", 200);
    FetchedChart second = fetcher.fetch(new ChartSource.Repository(repo(GOOD), "web", "1.0.0"));
    assertThat(second.fromCache()).isTrue();
    assertThat(second.archive()).isEqualTo(first.archive());
    assertThat(server.requests("/web-1.0.0.tgz", 200)).isEqualTo(downloads);
    assertThat(second.archiveDigest()).isEqualTo(Digest.of(first.archive()));
  }

  @Test
  void anUnchangedIndexCostsOneConditionalRequest() {
    HelmRepositoryClient client = HelmRepositoryClient.inMemory(HttpTransport.create(TransportOptions.defaults()));
    int full = server.requests("/index.yaml", 200);
    int notModified = server.requests("/index.yaml", 304);
    assertThat(client.index(repo(GOOD)).downloaded()).isTrue();
    assertThat(client.index(repo(GOOD)).downloaded()).isFalse();
    assertThat(server.requests("/index.yaml", 200)).isEqualTo(full + 1);
    assertThat(server.requests("/index.yaml", 304)).isEqualTo(notModified + 1);
  }

  @Test
  void theIndexAndItsEtagSurviveTheProcessWhenPersisted() {
    Path indexDir = cacheDir.resolve("index");
    HttpTransport transport = HttpTransport.create(TransportOptions.defaults());
    HelmRepositoryClient.persistent(transport, indexDir).index(repo(GOOD));
    int notModified = server.requests("/index.yaml", 304);
    HelmRepositoryClient.IndexFetch again = HelmRepositoryClient.persistent(transport, indexDir).index(repo(GOOD));
    assertThat(again.downloaded()).isFalse();
    assertThat(again.index().versions("web")).hasSize(3);
    assertThat(server.requests("/index.yaml", 304)).isEqualTo(notModified + 1);
  }

  @Test
  void concurrentCallersWithinTheIntervalShareOneRequest() throws Exception {
    HelmRepositoryClient client = HelmRepositoryClient.inMemory(HttpTransport.create(TransportOptions.defaults()));
    int before = server.requests("/index.yaml", 200);
    int challengesBefore = server.requests("/index.yaml", 401);
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<HelmRepositoryClient.IndexFetch>> all = new ArrayList<>();
      for (int i = 0; i < 100; i++) {
        Callable<HelmRepositoryClient.IndexFetch> call = () -> client.index(repo(GOOD), java.time.Duration.ofMinutes(5));
        all.add(pool.submit(call));
      }
      for (Future<HelmRepositoryClient.IndexFetch> f : all) {
        assertThat(f.get().index().versions("web")).hasSize(3);
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(server.requests("/index.yaml", 200)).isEqualTo(before + 1);
    // A new client meets the repository's challenge once (credentials are never sent before it asks).
    assertThat(server.requests("/index.yaml", 401)).isEqualTo(challengesBefore + 1);
  }

  @Test
  void wrongOrMissingCredentialsAreOneLineErrors() {
    assertThatThrownBy(() -> fetcher().resolve(new ChartSource.Repository(repo(Credentials.basic("ci", "nope")), "web", "")))
        .isInstanceOf(SourceException.class)
        .hasMessage(server.url() + "index.yaml: access denied (HTTP 401): check the credentials")
        .hasMessageNotContaining("nope");
    assertThatThrownBy(() -> fetcher().resolve(new ChartSource.Repository(repo(Credentials.NONE), "web", "")))
        .hasMessageContaining("access denied (HTTP 401)");
  }

  @Test
  void missingChartsAndUnsatisfiableRangesAreNamed() {
    assertThatThrownBy(() -> fetcher().resolve(new ChartSource.Repository(repo(GOOD), "db", "")))
        .hasMessage(server.url() + "index.yaml: chart \"db\" not found in the repository");
    assertThatThrownBy(() -> fetcher().resolve(new ChartSource.Repository(repo(GOOD), "web", "^3.0")))
        .hasMessage(server.url() + "index.yaml: no version of chart \"web\" matches \"^3.0\" (newest: 2.0.0-rc.1)");
  }

  @Test
  void aTamperedArchiveIsRefusedAndNotCached() throws Exception {
    Path tampered = work.resolve("tampered");
    Files.createDirectories(tampered);
    for (Path p : List.of(repoDir.resolve("index.yaml"), repoDir.resolve("web-1.0.0.tgz"))) {
      Files.copy(p, tampered.resolve(p.getFileName()));
    }
    Files.copy(repoDir.resolve("web-1.1.0.tgz"), tampered.resolve("web-1.0.0.tgz"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    try (HelmRepositoryServer evil = HelmRepositoryServer.serve(tampered)) {
      HelmRepository r = new HelmRepository(evil.url(), Credentials.NONE);
      assertThatThrownBy(() -> fetcher().fetch(new ChartSource.Repository(r, "web", "1.0.0")))
          .isInstanceOf(SourceException.class)
          .hasMessageStartingWith(evil.url() + "web-1.0.0.tgz: digest mismatch: index.yaml publishes sha256:");
      assertThat(Files.exists(cacheDir.resolve("sha256"))).isFalse();
    }
  }

  @Test
  void credentialsGoOnlyToAServerThatAskedForThem() throws Exception {
    try (HelmRepositoryServer open = HelmRepositoryServer.serve(repoDir);
        HelmRepositoryServer guarded = HelmRepositoryServer.serve(repoDir, "ci", "s3cret")) {
      ChartFetcher fetcher = fetcher();
      fetcher.fetch(new ChartSource.Repository(new HelmRepository(open.url(), GOOD), "web", "1.0.0"));
      assertThat(open.requests()).isGreaterThanOrEqualTo(2);
      assertThat(open.requestsWithAuthorization()).as("a repository that never asked").isZero();

      fetcher.fetch(new ChartSource.Repository(new HelmRepository(guarded.url(), GOOD), "web", "1.0.0"));
      assertThat(guarded.requests("/index.yaml", 401)).as("the first request carries nothing").isEqualTo(1);
      int challenged = guarded.requests() - guarded.requestsWithAuthorization();
      fetcher.repositories().index(new HelmRepository(guarded.url(), GOOD));
      assertThat(guarded.requests() - guarded.requestsWithAuthorization()).as("once asked, the origin gets them from the start")
          .isEqualTo(challenged);
      assertThat(guarded.requests("/index.yaml", 401)).isEqualTo(1);
    }
  }

  @Test
  void credentialsAreNotSentToAnotherHostTheIndexPointsAt() throws Exception {
    Path other = Files.createDirectories(work.resolve("other-host"));
    Files.copy(repoDir.resolve("web-1.0.0.tgz"), other.resolve("web-1.0.0.tgz"));
    try (HelmRepositoryServer mirror = HelmRepositoryServer.serve(other)) {
      Path pointing = Files.createDirectories(work.resolve("pointing"));
      String index = Files.readString(repoDir.resolve("index.yaml"))
          .replace("- web-1.0.0.tgz", "- " + mirror.url().toString().replace("127.0.0.1", "localhost") + "web-1.0.0.tgz");
      Files.writeString(pointing.resolve("index.yaml"), index);
      try (HelmRepositoryServer origin = HelmRepositoryServer.serve(pointing, "ci", "s3cret")) {
        FetchedChart fetched = fetcher().fetch(new ChartSource.Repository(new HelmRepository(origin.url(), GOOD), "web", "1.0.0"));
        assertThat(fetched.resolved().version()).isEqualTo("1.0.0");
        assertThat(mirror.requests("/web-1.0.0.tgz", 200)).isEqualTo(1);
        assertThat(mirror.requestsWithAuthorization()).isZero();
      }
    }
  }

  @Test
  void aMalformedIndexIsNamedWithItsLine() throws Exception {
    Path broken = Files.createDirectories(work.resolve("broken"));
    Files.writeString(broken.resolve("index.yaml"), "apiVersion: v1\nentries:\n  web: [\n");
    try (HelmRepositoryServer s = HelmRepositoryServer.serve(broken)) {
      assertThatThrownBy(() -> fetcher().resolve(new ChartSource.Repository(new HelmRepository(s.url(), Credentials.NONE), "web", "")))
          .isInstanceOf(SourceException.class)
          .hasMessage(s.url() + "index.yaml:3: invalid YAML: while parsing a flow node expected the node content, but found '<stream end>'");
    }
  }
}
