package dev.capstan.git.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.capstan.git.auth.CredentialsRef;
import dev.capstan.git.cache.RepositoryCache;
import dev.capstan.git.source.GitSource;
import dev.capstan.git.testing.HttpGitServer;
import dev.capstan.git.testing.Upstream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Smart HTTP with basic auth (JGit's GitServlet in Jetty), counting what reaches the server. */
class HttpFetchIT {
  @TempDir Path tmp;
  Upstream upstream;
  HttpGitServer server;
  RepositoryCache cache;
  Fetcher fetcher;

  @BeforeEach
  void setUp() throws Exception {
    Files.createDirectories(tmp.resolve("srv"));
    upstream = Upstream.create(tmp.resolve("srv"), "shop");
    upstream.push("first", Map.of("apps/web/Chart.yaml", "name: web\n"));
    server = HttpGitServer.start(tmp.resolve("srv"));
    cache = RepositoryCache.open(tmp.resolve("cache"));
    fetcher = new Fetcher(cache, FetchOptions.defaults());
  }

  @AfterEach
  void tearDown() throws Exception {
    cache.close();
    server.close();
  }

  private GitSource source(String password) throws Exception {
    return GitSource.of(server.url("shop.git"), "main").withCredentials(credentials(password, server.url("")));
  }

  /** A folder laid out like a mounted repository Secret: user, password and the URL prefix they are for. */
  private CredentialsRef credentials(String password, String boundTo) throws Exception {
    Path creds = Files.createDirectories(tmp.resolve("creds-" + (password + boundTo).hashCode()));
    Files.writeString(creds.resolve("username"), HttpGitServer.USER);
    Files.writeString(creds.resolve("password"), password + "\n");
    Files.writeString(creds.resolve("url"), boundTo + "\n");
    return CredentialsRef.directory(creds);
  }

  /** Issue #14: the password went out preemptively on the first request of every fetch, to whatever host the URL named. */
  @Test
  void theFirstRequestCarriesNoCredentialsAndTheAnswerToTheChallengeDoes() throws Exception {
    fetcher.fetch(source(HttpGitServer.PASSWORD)).revisionOrThrow();

    List<String> sent = server.authorizations();
    assertThat(sent.get(0)).isEmpty();
    assertThat(sent.subList(1, sent.size())).isNotEmpty().allMatch(HttpGitServer.basicHeader()::equals);
  }

  @Test
  void credentialsBoundToAnotherHostNeverLeaveTheAgent() throws Exception {
    String otherHost = server.url("").replace("127.0.0.1", "localhost");
    GitSource source = GitSource.of(server.url("shop.git"), "main")
        .withCredentials(credentials(HttpGitServer.PASSWORD, otherHost));

    FetchResult.Failure refused = (FetchResult.Failure) fetcher.fetch(source);

    assertThat(refused.failure()).isInstanceOf(FetchFailure.CredentialsUnusable.class);
    assertThat(refused.failure().message()).contains("key \"url\" binds these credentials to http://localhost:")
        .contains("does not cover " + server.url("shop.git"));
    assertThat(server.requests()).isZero();
  }

  @Test
  void credentialsWithoutAUrlAreNeverSent() throws Exception {
    Path creds = Files.createDirectories(tmp.resolve("unbound"));
    Files.writeString(creds.resolve("username"), HttpGitServer.USER);
    Files.writeString(creds.resolve("password"), HttpGitServer.PASSWORD);

    FetchResult.Failure refused = (FetchResult.Failure) fetcher.fetch(
        GitSource.of(server.url("shop.git"), "main").withCredentials(CredentialsRef.directory(creds)));

    assertThat(refused.failure().message()).contains("key \"url\" is missing").doesNotContain(HttpGitServer.PASSWORD);
    assertThat(server.requests()).isZero();
  }

  /**
   * The server the credentials are bound to takes them, then redirects to another host: when that
   * host asks (401), JGit asks the credentials provider again, and a provider that answers for any
   * URI would hand it the password.
   */
  @Test
  void aRedirectToAnotherHostGetsNoCredentials() throws Exception {
    try (HttpGitServer redirector = HttpGitServer.redirecting(server.url("").replace("127.0.0.1", "localhost").replaceAll("/$", ""))) {
      GitSource source = GitSource.of(redirector.url("shop.git"), "main")
          .withCredentials(credentials(HttpGitServer.PASSWORD, redirector.url("")));

      FetchResult result = fetcher.fetch(source);

      assertThat(redirector.authorizations()).contains(HttpGitServer.basicHeader());
      assertThat(server.requests()).isPositive();
      assertThat(server.authorizations()).allMatch(String::isEmpty);
      assertThat(((FetchResult.Failure) result).failure()).isInstanceOf(FetchFailure.AuthRejected.class);
    }
  }

  @Test
  void basicAuthFetchWorksAndWarnsAboutPlainHttp() throws Exception {
    FetchResult.Success ok = (FetchResult.Success) fetcher.fetch(source(HttpGitServer.PASSWORD));

    assertThat(ok.revision().sha()).isEqualTo(upstream.git("rev-parse", "HEAD"));
    assertThat(ok.notices()).extracting(Notice::kind).containsExactly(Notice.Kind.INSECURE_TRANSPORT);
    assertThat(server.packs()).isEqualTo(1);
  }

  @Test
  void wrongPasswordIsAuthRejectedAndNeverShowsThePassword() throws Exception {
    FetchResult result = fetcher.fetch(source("wrong-Secret-123"));

    FetchFailure failure = ((FetchResult.Failure) result).failure();
    assertThat(failure).isInstanceOf(FetchFailure.AuthRejected.class);
    assertThat(failure.message()).startsWith(server.url("shop.git") + ": authentication rejected")
        .doesNotContain("wrong-Secret-123");
  }

  /**
   * Issue #14: the cache was one copy per URL, so a source without the credentials was served the
   * last good revision an authenticated fetch had left there, and could read it from the cache.
   */
  @Test
  void whatOneCredentialFetchedIsNeverServedToAnotherSource() throws Exception {
    GitSource authorised = source(HttpGitServer.PASSWORD);
    String sha = fetcher.fetch(authorised).revisionOrThrow().sha();

    FetchResult anonymous = fetcher.fetch(GitSource.of(server.url("shop.git"), "main"));
    FetchResult wrong = fetcher.fetch(source("not-the-password"));

    assertThat(((FetchResult.Failure) anonymous).lastGood()).isEmpty();
    assertThat(((FetchResult.Failure) wrong).lastGood()).isEmpty();
    assertThat(cache.repository(GitSource.of(server.url("shop.git"), "main")).directory())
        .isNotEqualTo(cache.repository(authorised).directory());
    assertThat(((FetchResult.Failure) fetcher.fetch(source("still-wrong"))).lastGood()).isEmpty();
    assertThat(fetcher.fetch(authorised).revisionOrThrow().sha()).isEqualTo(sha);
  }

  @Test
  void passwordEmbeddedInTheUrlIsUsedButMaskedEverywhere() throws Exception {
    String url = server.url("shop.git").replace("http://", "http://alice:" + HttpGitServer.PASSWORD + "@");
    GitSource embedded = GitSource.of(url, "nope");

    FetchResult.Failure failure = (FetchResult.Failure) fetcher.fetch(embedded);

    assertThat(failure.failure()).isInstanceOf(FetchFailure.RefNotFound.class);
    assertThat(failure.failure().message()).contains("http://alice@127.0.0.1").doesNotContain(HttpGitServer.PASSWORD);
    assertThat(embedded.toString()).doesNotContain(HttpGitServer.PASSWORD);
  }

  @Test
  void noChangeCheckAsksOnlyForTheAdvertisementAndSendsNoPack() throws Exception {
    GitSource source = source(HttpGitServer.PASSWORD);
    fetcher.fetch(source);
    server.resetCounts();

    FetchResult.Success again = (FetchResult.Success) fetcher.fetch(source);

    assertThat(again.change()).isEqualTo(RevisionMove.UNCHANGED);
    assertThat(server.packs()).isZero();
    // the advertisement, asked for without credentials first: the 401 challenge, then the answer
    assertThat(server.log()).hasSize(2);
  }

  @Test
  void twoThreadsFetchingOneUrlCauseOneNetworkFetch() throws Exception {
    GitSource source = source(HttpGitServer.PASSWORD);
    server.delay(300);
    ExecutorService pool = Executors.newFixedThreadPool(2);
    CountDownLatch start = new CountDownLatch(1);
    try {
      List<Future<FetchResult>> results = List.of(
          pool.submit(() -> { start.await(); return fetcher.fetch(source); }),
          pool.submit(() -> { start.await(); return fetcher.fetch(source); }));
      start.countDown();
      String a = results.get(0).get().revisionOrThrow().sha();
      String b = results.get(1).get().revisionOrThrow().sha();

      assertThat(a).isEqualTo(b).isEqualTo(upstream.git("rev-parse", "HEAD"));
      assertThat(server.packs()).isEqualTo(1);
    } finally {
      pool.shutdownNow();
    }
    int requestsForTwo = server.requests();
    cache.close();
    cache = RepositoryCache.open(tmp.resolve("cache-single"));
    fetcher = new Fetcher(cache, FetchOptions.defaults());
    server.resetCounts();
    fetcher.fetch(source);
    assertThat(requestsForTwo).isEqualTo(server.requests());
  }
}
