package dev.capstan.webhook.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.capstan.webhook.Fixtures;
import java.io.IOException;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Each host's pull-request (merge-request) payload, hand-written from the hosts' documentation. */
class PullRequestPayloadTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private static ParsedDelivery parse(Provider provider, String fixture, Map<String, String> headers) throws IOException {
    JsonNode body = JSON.readTree(Fixtures.payload(fixture));
    return PayloadParser.forProvider(provider).parse(DeliveryHeaders.of(headers), body);
  }

  private static PullRequestEvent pullRequest(ParsedDelivery parsed) {
    assertThat(parsed).isInstanceOf(ParsedDelivery.PullRequest.class);
    return ((ParsedDelivery.PullRequest) parsed).event();
  }

  @Test
  void gitHubSynchronizeIsAnUpdateWhoseHeadIsThePullRef() throws IOException {
    PullRequestEvent pr = pullRequest(parse(Provider.GITHUB, "github-pull-request-synchronize.json",
        Map.of("X-GitHub-Event", "pull_request", "X-GitHub-Delivery", "d-1")));
    RepoId repo = RepoId.of("https://github.com/acme-corp/shop-deploy");
    assertThat(pr).isEqualTo(new PullRequestEvent(repo, 42, PullRequestAction.UPDATED,
        "9f4e2a7c1b3d5e6f708192a3b4c5d6e7f8091a2b", "bump-web", repo, "main", "refs/pull/42/head",
        "web: raise replicas to 4", "https://github.com/acme-corp/shop-deploy/pull/42", Provider.GITHUB, "d-1"));
    assertThat(pr.fromFork()).isFalse();
    assertThat(pr.baseRef()).isEqualTo("refs/heads/main");
    assertThat(pr.id()).isEqualTo("github.com/acme-corp/shop-deploy#42");
  }

  @Test
  void gitHubMergedForkRequestIsClosedAndFromAFork() throws IOException {
    PullRequestEvent pr = pullRequest(parse(Provider.GITHUB, "github-pull-request-fork-closed.json",
        Map.of("X-GitHub-Event", "pull_request")));
    assertThat(pr.action()).isEqualTo(PullRequestAction.CLOSED);
    assertThat(pr.fromFork()).isTrue();
    assertThat(pr.headRepository()).isEqualTo(RepoId.of("https://github.com/stranger/shop-deploy"));
    assertThat(pr.repository()).isEqualTo(RepoId.of("https://github.com/acme-corp/shop-deploy"));
    // The fork's head is read from the target repository's pull ref, never from the fork.
    assertThat(pr.headRef()).isEqualTo("refs/pull/7/head");
  }

  @Test
  void gitHubLabelChangesAreIgnored() throws IOException {
    assertThat(parse(Provider.GITHUB, "github-pull-request-labeled.json", Map.of("X-GitHub-Event", "pull_request")))
        .isEqualTo(new ParsedDelivery.Ignored("pull_request:labeled", RepoId.of("https://github.com/acme-corp/shop-deploy")));
  }

  @Test
  void gitLabMergeRequestUpdateFromAForkUsesTheMergeRequestRef() throws IOException {
    PullRequestEvent pr = pullRequest(parse(Provider.GITLAB, "gitlab-merge-request-update.json",
        Map.of("X-Gitlab-Event", "Merge Request Hook", "Idempotency-Key", "k-7")));
    assertThat(pr).isEqualTo(new PullRequestEvent(RepoId.of("https://gitlab.example.com/platform/deploy"), 3,
        PullRequestAction.UPDATED, "5e6f708192a3b4c5d6e7f8091a2b9f4e2a7c1b3d", "worker-queue",
        RepoId.of("https://gitlab.example.com/dev-one/deploy.git"), "main", "refs/merge-requests/3/head",
        "worker: new queue", "https://gitlab.example.com/platform/deploy/-/merge_requests/3", Provider.GITLAB, "k-7"));
    assertThat(pr.fromFork()).isTrue();
  }

  @Test
  void gitLabApprovalsAreIgnored() throws IOException {
    assertThat(parse(Provider.GITLAB, "gitlab-merge-request-approved.json", Map.of("X-Gitlab-Event", "Merge Request Hook")))
        .isInstanceOf(ParsedDelivery.Ignored.class);
  }

  @Test
  void giteaOpenedPullRequest() throws IOException {
    PullRequestEvent pr = pullRequest(parse(Provider.GITEA, "gitea-pull-request-opened.json",
        Map.of("X-Gitea-Event", "pull_request", "X-Gitea-Delivery", "g-3")));
    RepoId repo = RepoId.of("https://git.example.org/ops/deploy");
    assertThat(pr).isEqualTo(new PullRequestEvent(repo, 12, PullRequestAction.OPENED,
        "c0ffee00c0ffee00c0ffee00c0ffee00c0ffee00", "cache-memory", repo, "main", "refs/pull/12/head",
        "cache: bigger memory limit", "https://git.example.org/ops/deploy/pulls/12", Provider.GITEA, "g-3"));
  }

  @Test
  void forgejoHeadersAndTheSyncEventNameAreReadToo() throws IOException {
    ObjectNode body = (ObjectNode) JSON.readTree(Fixtures.payload("gitea-pull-request-opened.json"));
    body.put("action", "synchronized");
    ParsedDelivery parsed = PayloadParser.forProvider(Provider.GITEA)
        .parse(DeliveryHeaders.of(Map.of("X-Forgejo-Event", "pull_request_sync")), body);
    assertThat(pullRequest(parsed).action()).isEqualTo(PullRequestAction.UPDATED);
  }

  @Test
  void bitbucketUpdatedSameRepositoryRequestFetchesTheSourceBranch() throws IOException {
    PullRequestEvent pr = pullRequest(parse(Provider.BITBUCKET, "bitbucket-pullrequest-updated.json",
        Map.of("X-Event-Key", "pullrequest:updated", "X-Request-UUID", "b-9")));
    RepoId repo = RepoId.of("https://bitbucket.org/acme/deploy");
    assertThat(pr).isEqualTo(new PullRequestEvent(repo, 5, PullRequestAction.UPDATED, "d2f4a8c9e1b3", "api-tracing", repo,
        "main", "refs/heads/api-tracing", "api: enable tracing", "https://bitbucket.org/acme/deploy/pull-requests/5",
        Provider.BITBUCKET, "b-9"));
  }

  @Test
  void bitbucketForkHasNoRefInTheTargetRepository() throws IOException {
    PullRequestEvent pr = pullRequest(parse(Provider.BITBUCKET, "bitbucket-pullrequest-fork-rejected.json",
        Map.of("X-Event-Key", "pullrequest:rejected")));
    assertThat(pr.action()).isEqualTo(PullRequestAction.CLOSED);
    assertThat(pr.fromFork()).isTrue();
    assertThat(pr.headRef()).isNull();
  }

  @Test
  void bitbucketCreatedAndFulfilledFoldToOpenedAndClosed() throws IOException {
    assertThat(pullRequest(parse(Provider.BITBUCKET, "bitbucket-pullrequest-updated.json",
        Map.of("X-Event-Key", "pullrequest:created"))).action()).isEqualTo(PullRequestAction.OPENED);
    assertThat(pullRequest(parse(Provider.BITBUCKET, "bitbucket-pullrequest-updated.json",
        Map.of("X-Event-Key", "pullrequest:fulfilled"))).action()).isEqualTo(PullRequestAction.CLOSED);
    assertThat(parse(Provider.BITBUCKET, "bitbucket-pullrequest-updated.json", Map.of("X-Event-Key", "pullrequest:comment_created")))
        .isInstanceOf(ParsedDelivery.Ignored.class);
  }

  @Test
  void aRequestWithoutItsHeadCommitNamesTheMissingField() throws IOException {
    ObjectNode body = (ObjectNode) JSON.readTree(Fixtures.payload("github-pull-request-synchronize.json"));
    ((ObjectNode) body.get("pull_request").get("head")).remove("sha");
    assertThatThrownBy(() -> PayloadParser.forProvider(Provider.GITHUB)
        .parse(DeliveryHeaders.of(Map.of("X-GitHub-Event", "pull_request")), body))
        .isInstanceOf(PayloadException.class)
        .hasMessageContaining("$.pull_request.head.sha");
  }
}
