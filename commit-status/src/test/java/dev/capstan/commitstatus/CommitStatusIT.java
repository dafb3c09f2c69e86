package dev.capstan.commitstatus;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import dev.capstan.core.Secret;
import dev.capstan.webhook.event.Provider;
import dev.capstan.webhook.event.RepoId;
import dev.capstan.webhook.verify.SecretValues;
import java.net.URI;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** WireMock stands in for each host's REST API; the assertions are on the exact requests Capstan sends. */
class CommitStatusIT {
  private static final String SHA = "0d1a26e67d8f5eaf1f6ba5c57fc3c7d91ac0fd1c";
  private static final Secret TOKEN = SecretValues.parse("ghp_test_token_value");
  private static final CommitStatus LIVE = new CommitStatus(SHA, CommitState.SUCCESS, "Deployed to prod: 4/4 pods ready",
      URI.create("https://capstan.example.com/apps/shop-web"), "capstan/shop-web");

  private WireMockServer wireMock;
  private StatusReporter reporter;

  @BeforeEach
  void start() {
    wireMock = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
    wireMock.start();
    reporter = new StatusReporter(RetryPolicy.defaults().withBackoff(Duration.ofMillis(50), Duration.ofMillis(200)));
  }

  @AfterEach
  void stop() {
    wireMock.stop();
  }

  private StatusTarget target(Provider provider, String repoUrl, String apiPrefix) {
    return StatusTarget.forRepository(provider, RepoId.of(repoUrl)).withApiBase(URI.create(wireMock.baseUrl() + apiPrefix));
  }

  private StatusResult report(StatusTarget target, Secret token, CommitStatus status) throws Exception {
    return reporter.report(target, token, status).get(30, TimeUnit.SECONDS);
  }

  @Test
  void gitHubStatusesApi() throws Exception {
    String path = "/repos/acme-corp/shop-deploy/statuses/" + SHA;
    wireMock.stubFor(post(urlEqualTo(path)).willReturn(aResponse().withStatus(201).withBody("{\"id\":1}")));
    StatusResult result = report(target(Provider.GITHUB, "git@github.com:Acme-Corp/shop-deploy.git", ""), TOKEN, LIVE);
    assertThat(result).isEqualTo(new StatusResult(true, 1, 201, "delivered"));
    wireMock.verify(1, postRequestedFor(urlEqualTo(path))
        .withHeader("Authorization", equalTo("Bearer ghp_test_token_value"))
        .withHeader("Accept", equalTo("application/vnd.github+json"))
        .withHeader("X-GitHub-Api-Version", equalTo("2022-11-28"))
        .withHeader("Content-Type", equalTo("application/json"))
        .withRequestBody(equalToJson("{\"state\":\"success\",\"target_url\":\"https://capstan.example.com/apps/shop-web\","
            + "\"description\":\"Deployed to prod: 4/4 pods ready\",\"context\":\"capstan/shop-web\"}")));
  }

  @Test
  void gitLabCommitStatusApiWithEncodedProjectPath() throws Exception {
    String path = "/api/v4/projects/platform%2Finfra%2Fplatform-config/statuses/" + SHA;
    wireMock.stubFor(post(urlEqualTo(path)).willReturn(aResponse().withStatus(201)));
    CommitStatus failed = new CommitStatus(SHA, CommitState.FAILURE, "Deployment/shop/web: progress deadline exceeded",
        URI.create("https://capstan.example.com/apps/web"), "capstan/web");
    StatusResult result = report(target(Provider.GITLAB, "https://gitlab.example.com/platform/infra/platform-config.git", "/api/v4"),
        SecretValues.parse("glpat-abc"), failed);
    assertThat(result.delivered()).isTrue();
    wireMock.verify(1, postRequestedFor(urlEqualTo(path))
        .withHeader("PRIVATE-TOKEN", equalTo("glpat-abc"))
        .withHeader("Authorization", absent())
        .withRequestBody(equalToJson("{\"state\":\"failed\",\"target_url\":\"https://capstan.example.com/apps/web\","
            + "\"description\":\"Deployment/shop/web: progress deadline exceeded\",\"name\":\"capstan/web\"}")));
  }

  @Test
  void gitLabRefusingARepeatedStateCountsAsDelivered() throws Exception {
    String path = "/api/v4/projects/team%2Fapp/statuses/" + SHA;
    wireMock.stubFor(post(urlEqualTo(path)).willReturn(aResponse().withStatus(400)
        .withBody("{\"message\":\"Cannot transition status via :enqueue from :pending (Reason(s): Status cannot transition via \\\"enqueue\\\")\"}")));
    CommitStatus pending = new CommitStatus(SHA, CommitState.PENDING, "Deploying", null, "capstan/app");
    assertThat(report(target(Provider.GITLAB, "https://gitlab.com/team/app", "/api/v4"), TOKEN, pending).delivered()).isTrue();
  }

  @Test
  void giteaStatusesApi() throws Exception {
    String path = "/api/v1/repos/ops/edge-stack/statuses/" + SHA;
    wireMock.stubFor(post(urlEqualTo(path)).willReturn(aResponse().withStatus(201)));
    CommitStatus pending = new CommitStatus(SHA, CommitState.PENDING, "Deploying 3 objects", URI.create("https://capstan.example.com/apps/edge"),
        "capstan/edge");
    assertThat(report(target(Provider.GITEA, "https://gitea.example.com/ops/edge-stack.git", "/api/v1"), SecretValues.parse("gitea-token"), pending)
        .delivered()).isTrue();
    wireMock.verify(1, postRequestedFor(urlEqualTo(path))
        .withHeader("Authorization", equalTo("token gitea-token"))
        .withRequestBody(equalToJson("{\"state\":\"pending\",\"target_url\":\"https://capstan.example.com/apps/edge\","
            + "\"description\":\"Deploying 3 objects\",\"context\":\"capstan/edge\"}")));
  }

  @Test
  void bitbucketBuildStatusApiWithAccessTokenOrAppPassword() throws Exception {
    String path = "/2.0/repositories/northwind/payments-gitops/commit/" + SHA + "/statuses/build";
    wireMock.stubFor(post(urlEqualTo(path)).willReturn(aResponse().withStatus(201)));
    StatusTarget target = target(Provider.BITBUCKET, "git@bitbucket.org:northwind/payments-gitops.git", "/2.0");
    assertThat(report(target, SecretValues.parse("bb-access-token"), LIVE).delivered()).isTrue();
    assertThat(report(target, SecretValues.parse("ci-bot:app-password"), LIVE).delivered()).isTrue();
    String json = "{\"key\":\"capstan/shop-web\",\"name\":\"capstan/shop-web\",\"state\":\"SUCCESSFUL\","
        + "\"url\":\"https://capstan.example.com/apps/shop-web\",\"description\":\"Deployed to prod: 4/4 pods ready\"}";
    wireMock.verify(1, postRequestedFor(urlEqualTo(path)).withHeader("Authorization", equalTo("Bearer bb-access-token"))
        .withRequestBody(equalToJson(json)));
    wireMock.verify(1, postRequestedFor(urlEqualTo(path))
        .withHeader("Authorization", equalTo("Basic Y2ktYm90OmFwcC1wYXNzd29yZA=="))
        .withRequestBody(equalToJson(json)));
  }

  @Test
  void serverErrorsAreRetriedWithBackoff() throws Exception {
    String path = "/repos/org/app/statuses/" + SHA;
    wireMock.stubFor(post(urlEqualTo(path)).inScenario("flaky").whenScenarioStateIs(STARTED)
        .willReturn(aResponse().withStatus(500)).willSetStateTo("failed once"));
    wireMock.stubFor(post(urlEqualTo(path)).inScenario("flaky").whenScenarioStateIs("failed once")
        .willReturn(aResponse().withStatus(502)).willSetStateTo("failed twice"));
    wireMock.stubFor(post(urlEqualTo(path)).inScenario("flaky").whenScenarioStateIs("failed twice")
        .willReturn(aResponse().withStatus(201)));
    StatusResult result = report(target(Provider.GITHUB, "https://github.com/org/app", ""), TOKEN, LIVE);
    assertThat(result).isEqualTo(new StatusResult(true, 3, 201, "delivered"));
    List<Long> gaps = gapsMillis();
    assertThat(gaps.get(0)).isGreaterThanOrEqualTo(45);
    assertThat(gaps.get(1)).as("the back-off doubles").isGreaterThanOrEqualTo(95);
  }

  @Test
  void rateLimitedRequestsWaitForRetryAfter() throws Exception {
    String path = "/repos/org/app/statuses/" + SHA;
    wireMock.stubFor(post(urlEqualTo(path)).inScenario("limited").whenScenarioStateIs(STARTED)
        .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "1")).willSetStateTo("waited"));
    wireMock.stubFor(post(urlEqualTo(path)).inScenario("limited").whenScenarioStateIs("waited")
        .willReturn(aResponse().withStatus(403).withHeader("Retry-After", "1")
            .withBody("{\"message\":\"You have exceeded a secondary rate limit.\"}")).willSetStateTo("waited twice"));
    wireMock.stubFor(post(urlEqualTo(path)).inScenario("limited").whenScenarioStateIs("waited twice")
        .willReturn(aResponse().withStatus(201)));
    StatusResult result = report(target(Provider.GITHUB, "https://github.com/org/app", ""), TOKEN, LIVE);
    assertThat(result.delivered()).isTrue();
    assertThat(result.attempts()).isEqualTo(3);
    assertThat(gapsMillis()).allSatisfy(gap -> assertThat(gap).isGreaterThanOrEqualTo(950));
  }

  @Test
  void anExhaustedGitHubRateLimitWaitsUntilItsResetTime() throws Exception {
    String path = "/repos/org/app/statuses/" + SHA;
    long reset = java.time.Instant.now().plusSeconds(2).getEpochSecond();
    wireMock.stubFor(post(urlEqualTo(path)).inScenario("primary").whenScenarioStateIs(STARTED)
        .willReturn(aResponse().withStatus(403).withHeader("X-RateLimit-Remaining", "0")
            .withHeader("X-RateLimit-Reset", Long.toString(reset))
            .withBody("{\"message\":\"API rate limit exceeded\"}")).willSetStateTo("reset"));
    wireMock.stubFor(post(urlEqualTo(path)).inScenario("primary").whenScenarioStateIs("reset")
        .willReturn(aResponse().withStatus(201)));
    StatusResult result = report(target(Provider.GITHUB, "https://github.com/org/app", ""), TOKEN, LIVE);
    assertThat(result.attempts()).isEqualTo(2);
    long secondAt = wireMock.getAllServeEvents().stream().mapToLong(e -> e.getRequest().getLoggedDate().getTime()).max().orElseThrow();
    assertThat(secondAt).as("not before the reset second began").isGreaterThanOrEqualTo((reset - 1) * 1000);
  }

  @Test
  void aForbiddenResponseWithoutRateLimitSignsIsFinal() throws Exception {
    wireMock.stubFor(post(urlEqualTo("/repos/org/app/statuses/" + SHA)).willReturn(aResponse().withStatus(403)
        .withHeader("X-RateLimit-Remaining", "4999").withBody("{\"message\":\"Resource not accessible by integration\"}")));
    StatusResult result = report(target(Provider.GITHUB, "https://github.com/org/app", ""), TOKEN, LIVE);
    assertThat(result.delivered()).isFalse();
    assertThat(result.attempts()).isEqualTo(1);
  }

  @Test
  void clientErrorsAreNotRetriedAndNeverEchoTheToken() throws Exception {
    String path = "/repos/org/app/statuses/" + SHA;
    wireMock.stubFor(post(urlEqualTo(path)).willReturn(aResponse().withStatus(401)
        .withBody("{\"message\":\"Bad credentials\",\"documentation_url\":\"https://docs.github.com/rest\"}")));
    StatusResult result = report(target(Provider.GITHUB, "https://github.com/org/app", ""), TOKEN, LIVE);
    assertThat(result.delivered()).isFalse();
    assertThat(result.attempts()).isEqualTo(1);
    assertThat(result.detail()).startsWith("HTTP 401: {\"message\":\"Bad credentials\"").doesNotContain(TOKEN.reveal());
  }

  @Test
  void persistentFailureGivesUpAfterMaxAttemptsAndLongWaitsAreNotHonoured() throws Exception {
    wireMock.stubFor(post(urlEqualTo("/repos/org/down/statuses/" + SHA)).willReturn(aResponse().withStatus(503)));
    StatusResult down = report(target(Provider.GITHUB, "https://github.com/org/down", ""), TOKEN, LIVE);
    assertThat(down.delivered()).isFalse();
    assertThat(down.attempts()).isEqualTo(5);
    assertThat(down.detail()).isEqualTo("gave up after 5 attempts: HTTP 503");

    wireMock.stubFor(post(urlEqualTo("/repos/org/limited/statuses/" + SHA))
        .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "3600")));
    StatusResult limited = report(target(Provider.GITHUB, "https://github.com/org/limited", ""), TOKEN, LIVE);
    assertThat(limited.attempts()).isEqualTo(1);
    assertThat(limited.detail()).isEqualTo("host asked to wait 3600s: HTTP 429");
  }

  @Test
  void reportingReturnsAtOnceWhileTheHostIsSlow() throws Exception {
    wireMock.stubFor(post(urlEqualTo("/repos/org/slow/statuses/" + SHA)).willReturn(aResponse().withStatus(201).withFixedDelay(1500)));
    var pending = reporter.report(target(Provider.GITHUB, "https://github.com/org/slow", ""), TOKEN, LIVE);
    assertThat(pending).isNotDone();
    assertThat(pending.get(10, TimeUnit.SECONDS).delivered()).isTrue();
  }

  @Test
  void anUnreachableHostEndsAsAFailedResultNotAnException() throws Exception {
    StatusReporter quick = new StatusReporter(RetryPolicy.defaults().withMaxAttempts(2).withBackoff(Duration.ofMillis(10), Duration.ofMillis(10)));
    StatusTarget nowhere = StatusTarget.forRepository(Provider.GITEA, RepoId.of("https://gitea.example.com/o/r"))
        .withApiBase(URI.create("http://127.0.0.1:1/api/v1"));
    StatusResult result = quick.report(nowhere, TOKEN, LIVE).get(30, TimeUnit.SECONDS);
    assertThat(result.delivered()).isFalse();
    assertThat(result.attempts()).isEqualTo(2);
    assertThat(result.detail()).startsWith("gave up after 2 attempts: ConnectException");
  }

  private List<Long> gapsMillis() {
    List<Long> times = wireMock.getAllServeEvents().stream()
        .map(ServeEvent::getRequest).map(r -> r.getLoggedDate().getTime()).sorted(Comparator.naturalOrder()).toList();
    return java.util.stream.IntStream.range(1, times.size()).mapToObj(i -> times.get(i) - times.get(i - 1)).toList();
  }
}
