package dev.capstan.webhook.receive;

import static org.assertj.core.api.Assertions.assertThat;

import dev.capstan.webhook.Fixtures;
import dev.capstan.webhook.event.ChangedPaths;
import dev.capstan.webhook.event.Provider;
import dev.capstan.webhook.event.PushEvent;
import dev.capstan.webhook.event.RepoId;
import dev.capstan.webhook.verify.SecretValues;
import dev.capstan.webhook.verify.WebhookSecrets;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every provider's documented payloads, signed as the provider signs them, through a real HTTP client and server. */
class WebhookReceiverIT {
  private static final String SECRET = "It's a Secret to Everybody";
  private static final Duration WAIT = Duration.ofSeconds(5);
  private static RunningReceiver receiver;

  @BeforeAll
  static void start() {
    WebhookSecrets.Builder secrets = WebhookSecrets.builder();
    for (Provider provider : Provider.values()) {
      secrets.provider(provider, SecretValues.parse(SECRET));
    }
    receiver = new RunningReceiver(secrets.build(), ReceiverOptions.defaults());
  }

  @BeforeEach
  void forgetEarlierTests() {
    receiver.received.clear();
  }

  @AfterAll
  static void stop() {
    receiver.close();
  }

  private static Map<String, String> gitHub(String event, String delivery, byte[] body) {
    return Map.of("X-GitHub-Event", event, "X-GitHub-Delivery", delivery,
        "X-Hub-Signature-256", "sha256=" + Fixtures.hmacHex(SECRET, body), "User-Agent", "GitHub-Hookshot/044aadd");
  }

  @Test
  void gitHubPushIsAcceptedAndDelivered() throws Exception {
    byte[] body = Fixtures.payload("github-push.json");
    HttpResponse<String> response = receiver.post("github", body, gitHub("push", "72d3162e-cc78-11e3-81ab-4c9367dc0958", body));
    assertThat(response.statusCode()).isEqualTo(202);
    assertThat(response.body()).isEqualTo("{\"status\":\"accepted\",\"events\":1}");
    assertThat(receiver.events(1, WAIT)).containsExactly(new PushEvent(
        RepoId.of("https://github.com/Acme-Corp/shop-deploy"), "refs/heads/main", "0d1a26e67d8f5eaf1f6ba5c57fc3c7d91ac0fd1c",
        ChangedPaths.of(List.of("apps/web/values.yaml", "apps/worker/cron.yaml", "apps/worker/queue.yaml")),
        Provider.GITHUB, "72d3162e-cc78-11e3-81ab-4c9367dc0958"));
  }

  @Test
  void gitHubFormEncodedPushIsVerifiedOnTheFormAndParsedFromItsPayloadField() throws Exception {
    byte[] json = Fixtures.payload("github-push.json");
    // GitHub's "application/x-www-form-urlencoded" content type, the default in its web UI.
    byte[] form = ("payload=" + URLEncoder.encode(new String(json, StandardCharsets.UTF_8), StandardCharsets.UTF_8))
        .getBytes(StandardCharsets.US_ASCII);
    String form1 = "b1d4a0f2-0000-11ef-8000-000000000001";

    HttpResponse<String> signedJson = receiver.post("github", "application/x-www-form-urlencoded", form, gitHub("push", form1, json));
    assertThat(signedJson.statusCode()).as("the signature covers the body as sent").isEqualTo(401);
    HttpResponse<String> accepted = receiver.post("github", "application/x-www-form-urlencoded", form, gitHub("push", form1, form));
    assertThat(accepted.statusCode()).isEqualTo(202);
    assertThat(receiver.events(1, WAIT)).singleElement().satisfies(event -> {
      assertThat(event.repository()).isEqualTo(RepoId.of("https://github.com/Acme-Corp/shop-deploy"));
      assertThat(event.commit()).isEqualTo("0d1a26e67d8f5eaf1f6ba5c57fc3c7d91ac0fd1c");
    });

    byte[] noPayload = "hook=1".getBytes(StandardCharsets.US_ASCII);
    HttpResponse<String> missing = receiver.post("github", "application/x-www-form-urlencoded", noPayload,
        gitHub("push", "b1d4a0f2-0000-11ef-8000-000000000002", noPayload));
    assertThat(missing.statusCode()).isEqualTo(400);
    assertThat(missing.body()).contains("payload");
  }

  @Test
  void gitHubPingIsAnsweredAndTriggersNothing() throws Exception {
    byte[] body = Fixtures.payload("github-ping.json");
    HttpResponse<String> response = receiver.post("github", body, gitHub("ping", "ping-1", body));
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).contains("pong");
    assertThat(receiver.nextWithin(Duration.ofMillis(200))).isNull();
  }

  @Test
  void otherEventsAreAcknowledgedAndIgnored() throws Exception {
    byte[] body = Fixtures.payload("github-issues.json");
    HttpResponse<String> response = receiver.post("github", body, gitHub("issues", "issue-1", body));
    assertThat(response.statusCode()).isEqualTo(202);
    assertThat(response.body()).isEqualTo("{\"status\":\"ignored\",\"event\":\"issues\"}");
    assertThat(receiver.nextWithin(Duration.ofMillis(200))).isNull();
  }

  @Test
  void gitHubTagAndBranchDeletion() throws Exception {
    byte[] tag = Fixtures.payload("github-tag.json");
    byte[] deleted = Fixtures.payload("github-branch-deleted.json");
    assertThat(receiver.post("github", tag, gitHub("push", "tag-1", tag)).statusCode()).isEqualTo(202);
    assertThat(receiver.post("github", deleted, gitHub("push", "del-1", deleted)).statusCode()).isEqualTo(202);
    List<PushEvent> events = receiver.events(2, WAIT);
    assertThat(events).extracting(PushEvent::ref).containsExactlyInAnyOrder("refs/tags/v1.4.0", "refs/heads/feature/canary");
    assertThat(events).filteredOn(PushEvent::isDeletion).extracting(PushEvent::shortRef).containsExactly("feature/canary");
  }

  @Test
  void gitLabPushAndTagWithTheSharedToken() throws Exception {
    byte[] push = Fixtures.payload("gitlab-push.json");
    byte[] tag = Fixtures.payload("gitlab-tag.json");
    assertThat(receiver.post("gitlab", push, Map.of("X-Gitlab-Event", "Push Hook", "X-Gitlab-Token", SECRET,
        "X-Gitlab-Event-UUID", "13792a34-cac6-4fda-95a8-c58e00a3954e")).statusCode()).isEqualTo(202);
    assertThat(receiver.post("gitlab", tag, Map.of("X-Gitlab-Event", "Tag Push Hook", "X-Gitlab-Token", SECRET,
        "X-Gitlab-Event-UUID", "8e5b1f4c-7d1a-4f0e-9c3b-2a6d5e4f3c2b")).statusCode()).isEqualTo(202);
    assertThat(receiver.events(2, WAIT))
        .extracting(PushEvent::repository, PushEvent::ref, PushEvent::commit)
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple(new RepoId("gitlab.example.com/platform/infra/platform-config"),
                "refs/heads/main", "da1560886d4f094c3e6c9ef40349f7d38b5d27d7"),
            org.assertj.core.groups.Tuple.tuple(new RepoId("gitlab.example.com/platform/infra/platform-config"),
                "refs/tags/v2.0.0", "82b3d5ae55f7080f1e6022629cdb57bfae7cccc7"));
  }

  @Test
  void giteaPushSignedWithBareHex() throws Exception {
    byte[] body = Fixtures.payload("gitea-push.json");
    HttpResponse<String> response = receiver.post("gitea", body, Map.of("X-Gitea-Event", "push",
        "X-Gitea-Delivery", "f6266f16-1bf3-46a5-9ea4-602e06ead473", "X-Gitea-Signature", Fixtures.hmacHex(SECRET, body)));
    assertThat(response.statusCode()).isEqualTo(202);
    PushEvent event = receiver.events(1, WAIT).get(0);
    assertThat(event.repository()).isEqualTo(new RepoId("gitea.example.com/ops/edge-stack"));
    assertThat(event.changedPaths().paths()).containsExactly("envoy/deployment.yaml", "envoy/kustomization.yaml");
  }

  @Test
  void bitbucketPushWithSeveralChanges() throws Exception {
    byte[] body = Fixtures.payload("bitbucket-push.json");
    HttpResponse<String> response = receiver.post("bitbucket", body, Map.of("X-Event-Key", "repo:push",
        "X-Request-UUID", "a2c1b2c3-0000-4000-8000-000000000001", "X-Hook-UUID", "{d6f4a1c2-0000-4000-8000-000000000002}",
        "X-Hub-Signature", "sha256=" + Fixtures.hmacHex(SECRET, body)));
    assertThat(response.statusCode()).isEqualTo(202);
    assertThat(response.body()).contains("\"events\":3");
    assertThat(receiver.events(3, WAIT)).extracting(PushEvent::ref)
        .containsExactlyInAnyOrder("refs/heads/main", "refs/heads/hotfix/retry-timeouts", "refs/tags/release-2026.11.26");
  }

  @Test
  void genericPush() throws Exception {
    byte[] body = Fixtures.payload("generic-push.json");
    HttpResponse<String> response = receiver.post("generic", body, Map.of("X-Capstan-Delivery", "ci-run-881",
        "X-Capstan-Signature", "sha256=" + Fixtures.hmacHex(SECRET, body)));
    assertThat(response.statusCode()).isEqualTo(202);
    assertThat(receiver.events(1, WAIT)).extracting(PushEvent::repository)
        .containsExactly(RepoId.of("https://git.internal.example/team/services"));
  }

  @Test
  void aWrongOrMissingSignatureGets401AndTriggersNothing() throws Exception {
    byte[] body = Fixtures.payload("github-push.json");
    Map<String, String> forged = Map.of("X-GitHub-Event", "push", "X-GitHub-Delivery", "forged-1",
        "X-Hub-Signature-256", "sha256=" + Fixtures.hmacHex("guessed", body));
    assertThat(receiver.post("github", body, forged).statusCode()).isEqualTo(401);
    assertThat(receiver.post("github", body, Map.of("X-GitHub-Event", "push")).statusCode()).isEqualTo(401);
    assertThat(receiver.post("gitlab", Fixtures.payload("gitlab-push.json"), Map.of("X-Gitlab-Token", "nope")).statusCode())
        .isEqualTo(401);
    assertThat(receiver.nextWithin(Duration.ofMillis(200))).isNull();
  }
}
