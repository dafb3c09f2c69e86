package dev.capstan.webhook.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.capstan.webhook.Fixtures;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PayloadParserTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private static ParsedDelivery parse(Provider provider, String fixture, Map<String, String> headers) throws IOException {
    JsonNode body = JSON.readTree(Fixtures.payload(fixture));
    return PayloadParser.forProvider(provider).parse(DeliveryHeaders.of(headers), body);
  }

  private static PushEvent onlyPush(ParsedDelivery parsed) {
    assertThat(parsed).isInstanceOf(ParsedDelivery.Pushes.class);
    List<PushEvent> events = ((ParsedDelivery.Pushes) parsed).events();
    assertThat(events).hasSize(1);
    return events.get(0);
  }

  @Test
  void gitHubPushListsEveryPathOfEveryCommit() throws IOException {
    PushEvent push = onlyPush(parse(Provider.GITHUB, "github-push.json",
        Map.of("X-GitHub-Event", "push", "X-GitHub-Delivery", "72d3162e-cc78-11e3-81ab-4c9367dc0958")));
    assertThat(push).isEqualTo(new PushEvent(RepoId.of("https://github.com/acme-corp/shop-deploy"), "refs/heads/main",
        "0d1a26e67d8f5eaf1f6ba5c57fc3c7d91ac0fd1c",
        ChangedPaths.of(List.of("apps/web/values.yaml", "apps/worker/queue.yaml", "apps/worker/cron.yaml")),
        Provider.GITHUB, "72d3162e-cc78-11e3-81ab-4c9367dc0958"));
    assertThat(push.isBranch()).isTrue();
    assertThat(push.shortRef()).isEqualTo("main");
  }

  @Test
  void gitHubTagPushHasUnknownPathsBecauseTheCommitListIsEmpty() throws IOException {
    PushEvent tag = onlyPush(parse(Provider.GITHUB, "github-tag.json", Map.of("X-GitHub-Event", "push")));
    assertThat(tag.isTag()).isTrue();
    assertThat(tag.shortRef()).isEqualTo("v1.4.0");
    assertThat(tag.commit()).isEqualTo("7c5e1f0b3d9a2c48e6f1a0b9d8c7e6f5a4b3c2d1");
    assertThat(tag.changedPaths().known()).isFalse();
    assertThat(tag.deliveryId()).isEmpty();
  }

  @Test
  void gitHubBranchDeletionCarriesTheZeroSha() throws IOException {
    PushEvent deleted = onlyPush(parse(Provider.GITHUB, "github-branch-deleted.json", Map.of("X-GitHub-Event", "push")));
    assertThat(deleted.isDeletion()).isTrue();
    assertThat(deleted.ref()).isEqualTo("refs/heads/feature/canary");
    assertThat(deleted.changedPaths()).isEqualTo(ChangedPaths.of(List.of()));
  }

  @Test
  void gitHubPingAndOtherEventsAreRecognised() throws IOException {
    assertThat(parse(Provider.GITHUB, "github-ping.json", Map.of("X-GitHub-Event", "ping")))
        .isEqualTo(new ParsedDelivery.Ping(RepoId.of("git@github.com:acme-corp/shop-deploy.git")));
    assertThat(parse(Provider.GITHUB, "github-issues.json", Map.of("X-GitHub-Event", "issues")))
        .isInstanceOf(ParsedDelivery.Ignored.class)
        .extracting(p -> ((ParsedDelivery.Ignored) p).eventName()).isEqualTo("issues");
  }

  @Test
  void gitLabPushOfSubgroupProject() throws IOException {
    PushEvent push = onlyPush(parse(Provider.GITLAB, "gitlab-push.json",
        Map.of("X-Gitlab-Event", "Push Hook", "X-Gitlab-Event-UUID", "13792a34-cac6-4fda-95a8-c58e00a3954e")));
    assertThat(push.repository()).isEqualTo(RepoId.of("git@gitlab.example.com:platform/infra/platform-config.git"));
    assertThat(push.commit()).isEqualTo("da1560886d4f094c3e6c9ef40349f7d38b5d27d7");
    assertThat(push.changedPaths().paths()).containsExactly(
        "clusters/prod/ingress.yaml", "clusters/prod/redis/Chart.yaml", "clusters/prod/redis/values.yaml");
    assertThat(push.deliveryId()).isEqualTo("13792a34-cac6-4fda-95a8-c58e00a3954e");
  }

  @Test
  void gitLabIdempotencyKeyWinsOverEventUuid() throws IOException {
    PushEvent push = onlyPush(parse(Provider.GITLAB, "gitlab-push.json",
        Map.of("X-Gitlab-Event-UUID", "event-uuid", "Idempotency-Key", "idem-key")));
    assertThat(push.deliveryId()).isEqualTo("idem-key");
  }

  @Test
  void gitLabTagPush() throws IOException {
    PushEvent tag = onlyPush(parse(Provider.GITLAB, "gitlab-tag.json", Map.of("X-Gitlab-Event", "Tag Push Hook")));
    assertThat(tag.ref()).isEqualTo("refs/tags/v2.0.0");
    assertThat(tag.commit()).isEqualTo("82b3d5ae55f7080f1e6022629cdb57bfae7cccc7");
    assertThat(tag.changedPaths().known()).isFalse();
  }

  @Test
  void giteaPushUnderForgejoHeaders() throws IOException {
    PushEvent push = onlyPush(parse(Provider.GITEA, "gitea-push.json",
        Map.of("X-Forgejo-Event", "push", "X-Forgejo-Delivery", "f6266f16-1bf3-46a5-9ea4-602e06ead473")));
    assertThat(push).isEqualTo(new PushEvent(RepoId.of("git@gitea.example.com:ops/edge-stack.git"), "refs/heads/release",
        "bffeb74224043ba2feb48d137756c8a9331c449a",
        ChangedPaths.of(List.of("envoy/deployment.yaml", "envoy/kustomization.yaml")),
        Provider.GITEA, "f6266f16-1bf3-46a5-9ea4-602e06ead473"));
  }

  @Test
  void giteaBranchDeletionArrivesAsADeleteEvent() throws IOException {
    PushEvent deleted = onlyPush(parse(Provider.GITEA, "gitea-delete.json", Map.of("X-Gitea-Event", "delete")));
    assertThat(deleted.ref()).isEqualTo("refs/heads/preview/pr-214");
    assertThat(deleted.isDeletion()).isTrue();
    assertThat(parse(Provider.GITEA, "gitea-push.json", Map.of("X-Gitea-Event", "create")))
        .isInstanceOf(ParsedDelivery.Ignored.class);
  }

  @Test
  void bitbucketPushYieldsOneEventPerChangeIncludingDeletionsAndTags() throws IOException {
    ParsedDelivery parsed = parse(Provider.BITBUCKET, "bitbucket-push.json",
        Map.of("X-Event-Key", "repo:push", "X-Request-UUID", "a2c1b2c3-0000-4000-8000-000000000001"));
    RepoId repo = RepoId.of("git@bitbucket.org:northwind/payments-gitops.git");
    String delivery = "a2c1b2c3-0000-4000-8000-000000000001";
    assertThat(((ParsedDelivery.Pushes) parsed).events()).containsExactly(
        new PushEvent(repo, "refs/heads/main", "c3d9e8f7a6b5c4d3e2f1a0b9c8d7e6f5a4b3c2d1", ChangedPaths.unknown(), Provider.BITBUCKET, delivery),
        new PushEvent(repo, "refs/heads/hotfix/retry-timeouts", PushEvent.ZERO_SHA, ChangedPaths.unknown(), Provider.BITBUCKET, delivery),
        new PushEvent(repo, "refs/tags/release-2026.11.26", "c3d9e8f7a6b5c4d3e2f1a0b9c8d7e6f5a4b3c2d1", ChangedPaths.unknown(), Provider.BITBUCKET, delivery));
  }

  @Test
  void genericPush() throws IOException {
    PushEvent push = onlyPush(parse(Provider.GENERIC, "generic-push.json", Map.of("X-Capstan-Delivery", "ci-run-881")));
    assertThat(push.repository()).isEqualTo(new RepoId("git.internal.example/team/services"));
    assertThat(push.changedPaths().paths()).containsExactly("charts/api/templates/hpa.yaml", "charts/api/values-prod.yaml");
  }

  @Test
  void aPushWithoutItsCommitNamesTheMissingField() throws IOException {
    JsonNode body = JSON.readTree("{\"ref\":\"refs/heads/main\",\"repository\":{\"clone_url\":\"https://github.com/o/r.git\"}}");
    assertThatThrownBy(() -> PayloadParser.forProvider(Provider.GITHUB).parse(DeliveryHeaders.of(Map.of("X-GitHub-Event", "push")), body))
        .isInstanceOf(PayloadException.class)
        .hasMessage("$.after: is missing or not a string");
  }

  @Test
  void aGenericPushWithAnAbbreviatedShaIsRefused() throws IOException {
    JsonNode body = JSON.readTree("{\"repository\":\"https://git.example.com/o/r\",\"ref\":\"refs/heads/main\",\"commit\":\"5d41402\"}");
    assertThatThrownBy(() -> PayloadParser.forProvider(Provider.GENERIC).parse(DeliveryHeaders.of(Map.of()), body))
        .isInstanceOf(PayloadException.class)
        .hasMessage("$.commit: must be a full 40- or 64-character hex commit SHA, got 5d41402");
  }

  @Test
  void aTruncatedGitLabCommitListMakesPathsUnknown() throws IOException {
    JsonNode body = JSON.readTree(Fixtures.payload("gitlab-push.json"));
    ((com.fasterxml.jackson.databind.node.ObjectNode) body).put("total_commits_count", 35);
    PushEvent push = onlyPush(PayloadParser.forProvider(Provider.GITLAB).parse(DeliveryHeaders.of(Map.of()), body));
    assertThat(push.changedPaths().known()).isFalse();
  }
}
