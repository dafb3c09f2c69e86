package dev.capstan.webhook.receive;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.capstan.webhook.Fixtures;
import dev.capstan.webhook.dispatch.CoalescingDispatcher;
import dev.capstan.webhook.event.DeliveryHeaders;
import dev.capstan.webhook.event.Provider;
import dev.capstan.webhook.event.PullRequestEvent;
import dev.capstan.webhook.verify.DeliveryVerifier;
import dev.capstan.webhook.verify.SecretValues;
import dev.capstan.webhook.verify.WebhookSecrets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Pull-request deliveries pass the same signature and replay checks as pushes before they reach the previews. */
class PullRequestDeliveryTest {
  private static final String SECRET = "pr-secret";
  private static final byte[] BODY = Fixtures.payload("github-pull-request-synchronize.json");

  private final CoalescingDispatcher pushes = new CoalescingDispatcher(event -> { }, 1, 4);
  private final List<PullRequestEvent> received = new ArrayList<>();

  @AfterEach
  void close() {
    pushes.close();
  }

  private DeliveryProcessor processor(boolean accepting) {
    WebhookSecrets secrets = WebhookSecrets.builder().provider(Provider.GITHUB, SecretValues.parse(SECRET)).build();
    return new DeliveryProcessor(new ObjectMapper(), new DeliveryVerifier(secrets),
        new ReplayCache(Duration.ofHours(1), 100, System::nanoTime), pushes, event -> accepting && received.add(event));
  }

  private static DeliveryHeaders headers(String signatureSecret) {
    return DeliveryHeaders.of(Map.of("X-GitHub-Event", "pull_request", "X-GitHub-Delivery", "d-1",
        "X-Hub-Signature-256", "sha256=" + Fixtures.hmacHex(signatureSecret, BODY)));
  }

  @Test
  void aSignedPullRequestReachesThePreviewsOnce() {
    DeliveryProcessor processor = processor(true);
    Reply first = processor.process(Provider.GITHUB, headers(SECRET), BODY, "test");
    assertThat(first.status()).isEqualTo(202);
    assertThat(first.body()).containsEntry("pullRequest", 42L);
    assertThat(processor.process(Provider.GITHUB, headers(SECRET), BODY, "test").body()).containsEntry("status", "duplicate");
    assertThat(received).extracting(PullRequestEvent::number).containsExactly(42L);
  }

  @Test
  void aWronglySignedPullRequestIsRefusedAndNeverQueued() {
    Reply reply = processor(true).process(Provider.GITHUB, headers("not-the-secret"), BODY, "test");
    assertThat(reply.status()).isEqualTo(401);
    assertThat(received).isEmpty();
  }

  @Test
  void aFullPreviewQueueAsksTheHostToRetry() {
    Reply reply = processor(false).process(Provider.GITHUB, headers(SECRET), BODY, "test");
    assertThat(reply.status()).isEqualTo(503);
    assertThat(reply.retryAfterSeconds()).isEqualTo(5);
  }

  @Test
  void withoutPreviewsPullRequestsAreAcknowledgedAndDropped() {
    WebhookSecrets secrets = WebhookSecrets.builder().provider(Provider.GITHUB, SecretValues.parse(SECRET)).build();
    DeliveryProcessor processor = new DeliveryProcessor(new ObjectMapper(), new DeliveryVerifier(secrets),
        new ReplayCache(Duration.ofHours(1), 100, System::nanoTime), pushes);
    Reply reply = processor.process(Provider.GITHUB, headers(SECRET), BODY, "test");
    assertThat(reply.status()).isEqualTo(202);
    assertThat(reply.body()).containsEntry("status", "ignored");
  }
}
