package dev.capstan.commitstatus;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.capstan.core.Secret;
import dev.capstan.webhook.event.Provider;
import dev.capstan.webhook.event.RepoId;
import dev.capstan.webhook.verify.SecretValues;
import java.net.URI;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** WireMock stands in for each host's comments API; the assertions are on the requests it received. */
class PullRequestCommentsIT {
  private static final Secret TOKEN = SecretValues.parse("test-token");

  private WireMockServer wireMock;
  private PullRequestComments comments;

  @BeforeEach
  void start() {
    wireMock = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
    wireMock.start();
    comments = new PullRequestComments(RetryPolicy.defaults().withBackoff(Duration.ofMillis(20), Duration.ofMillis(100)));
  }

  @AfterEach
  void stop() {
    comments.close();
    wireMock.stop();
  }

  private StatusTarget target(Provider provider, String repoUrl) {
    return StatusTarget.forRepository(provider, RepoId.of(repoUrl)).withApiBase(URI.create(wireMock.baseUrl()));
  }

  private PullRequestComments.CommentResult upsert(StatusTarget target, long number, String body) throws Exception {
    return comments.upsert(target, TOKEN, number, body).get(30, TimeUnit.SECONDS);
  }

  private List<String> received() {
    return wireMock.getAllServeEvents().stream()
        .sorted(Comparator.comparing(e -> e.getRequest().getLoggedDate()))
        .map(e -> e.getRequest().getMethod() + " " + e.getRequest().getUrl())
        .toList();
  }

  private LoggedRequest last(String method) {
    return wireMock.findAll(anyRequestedFor(anyUrl())).stream().filter(r -> r.getMethod().getName().equals(method))
        .reduce((a, b) -> b).orElseThrow();
  }

  private void createdOnceThenEdited(Provider provider, String repoUrl, String listPath, String listQuery, String listBody,
      MappingBuilder create, MappingBuilder edit, String editMethod, String editPath, String textField) throws Exception {
    wireMock.stubFor(get(urlPathEqualTo(listPath)).willReturn(aResponse().withStatus(200).withBody(listBody)));
    wireMock.stubFor(create.willReturn(aResponse().withStatus(201).withBody("{\"id\": 7001}")));
    wireMock.stubFor(edit.willReturn(aResponse().withStatus(200).withBody("{\"id\": 7001}")));
    StatusTarget target = target(provider, repoUrl);

    assertThat(upsert(target, 42, "first push")).isEqualTo(new PullRequestComments.CommentResult("7001", true));
    assertThat(upsert(target, 42, "second push")).isEqualTo(new PullRequestComments.CommentResult("7001", false));
    assertThat(upsert(target, 42, "third push").created()).isFalse();

    assertThat(received()).containsExactly("GET " + listPath + listQuery, "POST " + listPath,
        editMethod + " " + editPath, editMethod + " " + editPath);
    JsonNode created = new ObjectMapper().readTree(last("POST").getBodyAsString());
    assertThat(created.at(textField).asText()).isEqualTo(PullRequestComments.MARKER + "\nfirst push");
    JsonNode edited = new ObjectMapper().readTree(last(editMethod).getBodyAsString());
    assertThat(edited.at(textField).asText()).isEqualTo(PullRequestComments.MARKER + "\nthird push");
  }

  @Test
  void gitHubCommentIsCreatedOnceThenEditedInPlace() throws Exception {
    createdOnceThenEdited(Provider.GITHUB, "https://github.com/acme-corp/shop-deploy",
        "/repos/acme-corp/shop-deploy/issues/42/comments", "?per_page=50&page=1", "[{\"id\": 1, \"body\": \"LGTM\"}]",
        post(urlEqualTo("/repos/acme-corp/shop-deploy/issues/42/comments"))
            .withHeader("Authorization", equalTo("Bearer test-token")).withHeader("X-GitHub-Api-Version", equalTo("2022-11-28")),
        patch(urlEqualTo("/repos/acme-corp/shop-deploy/issues/comments/7001")), "PATCH",
        "/repos/acme-corp/shop-deploy/issues/comments/7001", "/body");
  }

  @Test
  void gitLabNoteIsCreatedOnceThenEditedInPlace() throws Exception {
    createdOnceThenEdited(Provider.GITLAB, "https://gitlab.example.com/platform/deploy",
        "/projects/platform%2Fdeploy/merge_requests/42/notes", "?per_page=50&page=1", "[]",
        post(urlEqualTo("/projects/platform%2Fdeploy/merge_requests/42/notes")).withHeader("PRIVATE-TOKEN", equalTo("test-token")),
        put(urlEqualTo("/projects/platform%2Fdeploy/merge_requests/42/notes/7001")), "PUT",
        "/projects/platform%2Fdeploy/merge_requests/42/notes/7001", "/body");
  }

  @Test
  void giteaCommentIsCreatedOnceThenEditedInPlace() throws Exception {
    createdOnceThenEdited(Provider.GITEA, "https://git.example.org/ops/deploy",
        "/repos/ops/deploy/issues/42/comments", "?limit=50&page=1", "[]",
        post(urlEqualTo("/repos/ops/deploy/issues/42/comments")).withHeader("Authorization", equalTo("token test-token")),
        patch(urlEqualTo("/repos/ops/deploy/issues/comments/7001")), "PATCH", "/repos/ops/deploy/issues/comments/7001", "/body");
  }

  @Test
  void bitbucketCommentIsCreatedOnceThenEditedInPlace() throws Exception {
    createdOnceThenEdited(Provider.BITBUCKET, "https://bitbucket.org/acme/deploy",
        "/repositories/acme/deploy/pullrequests/42/comments", "?pagelen=50&page=1", "{\"values\": [], \"pagelen\": 50}",
        post(urlEqualTo("/repositories/acme/deploy/pullrequests/42/comments")).withHeader("Authorization", equalTo("Bearer test-token"))
            .withRequestBody(matchingJsonPath("$.content.raw")),
        put(urlEqualTo("/repositories/acme/deploy/pullrequests/42/comments/7001")), "PUT",
        "/repositories/acme/deploy/pullrequests/42/comments/7001", "/content/raw");
  }

  @Test
  void afterARestartTheExistingCommentIsFoundByItsMarkerOnALaterPage() throws Exception {
    String path = "/repos/acme-corp/shop-deploy/issues/9/comments";
    StringBuilder page1 = new StringBuilder("[");
    for (int i = 0; i < CommentRequests.PAGE_SIZE; i++) {
      page1.append(i == 0 ? "" : ",").append("{\"id\": ").append(i + 1).append(", \"body\": \"comment ").append(i).append("\"}");
    }
    page1.append("]");
    wireMock.stubFor(get(urlEqualTo(path + "?per_page=50&page=1")).willReturn(aResponse().withBody(page1.toString())));
    wireMock.stubFor(get(urlEqualTo(path + "?per_page=50&page=2")).willReturn(aResponse().withBody(
        "[{\"id\": 555, \"body\": \"" + PullRequestComments.MARKER + "\\nold preview\"}]")));
    wireMock.stubFor(patch(urlEqualTo("/repos/acme-corp/shop-deploy/issues/comments/555")).willReturn(aResponse().withBody("{}")));

    assertThat(upsert(target(Provider.GITHUB, "https://github.com/acme-corp/shop-deploy"), 9, "new preview"))
        .isEqualTo(new PullRequestComments.CommentResult("555", false));
    assertThat(received()).containsExactly("GET " + path + "?per_page=50&page=1", "GET " + path + "?per_page=50&page=2",
        "PATCH /repos/acme-corp/shop-deploy/issues/comments/555");
  }

  @Test
  void aServerErrorIsRetriedAndAUserDeletedCommentIsWrittenAgain() throws Exception {
    String path = "/repos/acme-corp/shop-deploy/issues/3/comments";
    wireMock.stubFor(get(urlPathEqualTo(path)).willReturn(aResponse().withBody("[]")));
    wireMock.stubFor(post(urlEqualTo(path)).inScenario("flaky").whenScenarioStateIs(STARTED)
        .willReturn(aResponse().withStatus(502)).willSetStateTo("up"));
    wireMock.stubFor(post(urlEqualTo(path)).inScenario("flaky").whenScenarioStateIs("up")
        .willReturn(aResponse().withStatus(201).withBody("{\"id\": 10}")).willSetStateTo("created"));
    wireMock.stubFor(post(urlEqualTo(path)).inScenario("flaky").whenScenarioStateIs("created")
        .willReturn(aResponse().withStatus(201).withBody("{\"id\": 11}")));
    wireMock.stubFor(patch(urlEqualTo("/repos/acme-corp/shop-deploy/issues/comments/10")).willReturn(aResponse().withStatus(404)));
    StatusTarget target = target(Provider.GITHUB, "https://github.com/acme-corp/shop-deploy");

    assertThat(upsert(target, 3, "one")).isEqualTo(new PullRequestComments.CommentResult("10", true));
    assertThat(upsert(target, 3, "two")).isEqualTo(new PullRequestComments.CommentResult("11", true));
    assertThat(received()).containsExactly("GET " + path + "?per_page=50&page=1", "POST " + path, "POST " + path,
        "PATCH /repos/acme-corp/shop-deploy/issues/comments/10", "POST " + path);
  }

  @Test
  void aRefusingHostFailsTheUpsertWithTheStatusAndNoToken() {
    wireMock.stubFor(get(urlPathEqualTo("/repos/acme-corp/shop-deploy/issues/4/comments"))
        .willReturn(aResponse().withStatus(403).withBody("{\"message\": \"Resource not accessible by integration\"}")));
    assertThatThrownBy(() -> upsert(target(Provider.GITHUB, "https://github.com/acme-corp/shop-deploy"), 4, "x"))
        .isInstanceOf(ExecutionException.class)
        .cause().isInstanceOf(HostApiException.class)
        .hasMessageContaining("HTTP 403")
        .hasMessageNotContaining("test-token");
  }
}
