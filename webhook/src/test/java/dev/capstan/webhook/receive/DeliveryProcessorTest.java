package dev.capstan.webhook.receive;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.capstan.webhook.Fixtures;
import dev.capstan.webhook.dispatch.CoalescingDispatcher;
import dev.capstan.webhook.event.DeliveryHeaders;
import dev.capstan.webhook.event.Provider;
import dev.capstan.webhook.verify.DeliveryVerifier;
import dev.capstan.webhook.verify.SecretValues;
import dev.capstan.webhook.verify.WebhookSecrets;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class DeliveryProcessorTest {
  private static final String SECRET = "processor-secret";

  private static byte[] generic(String ref) {
    return ("{\"repository\":\"https://git.example.com/team/deploy.git\",\"ref\":\"" + ref
        + "\",\"commit\":\"5d41402abc4b2a76b9719d911017c592ae1f0e3b\"}").getBytes(StandardCharsets.UTF_8);
  }

  private static DeliveryHeaders signed(String delivery, byte[] body) {
    return DeliveryHeaders.of(Map.of("X-Capstan-Delivery", delivery, "X-Capstan-Signature", "sha256=" + Fixtures.hmacHex(SECRET, body)));
  }

  @Test
  void aFullDispatcherAsksTheHostToRetryAndAcceptsTheRetry() throws InterruptedException {
    CountDownLatch taken = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    try (CoalescingDispatcher dispatcher = new CoalescingDispatcher(event -> {
      taken.countDown();
      try {
        release.await(10, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }, 1, 1)) {
      WebhookSecrets secrets = WebhookSecrets.builder().provider(Provider.GENERIC, SecretValues.parse(SECRET)).build();
      DeliveryProcessor processor = new DeliveryProcessor(new ObjectMapper(), new DeliveryVerifier(secrets),
          new ReplayCache(Duration.ofHours(1), 100, System::nanoTime), dispatcher);

      byte[] a = generic("refs/heads/a");
      assertThat(processor.process(Provider.GENERIC, signed("1", a), a, "test").status()).isEqualTo(202);
      assertThat(taken.await(5, TimeUnit.SECONDS)).isTrue();
      byte[] b = generic("refs/heads/b");
      assertThat(processor.process(Provider.GENERIC, signed("2", b), b, "test").status()).isEqualTo(202);
      byte[] c = generic("refs/heads/c");
      Reply full = processor.process(Provider.GENERIC, signed("3", c), c, "test");
      assertThat(full.status()).isEqualTo(503);
      assertThat(full.retryAfterSeconds()).isEqualTo(5);

      release.countDown();
      Reply retried = null;
      for (int i = 0; i < 50 && (retried == null || retried.status() == 503); i++) {
        Thread.sleep(50);
        retried = processor.process(Provider.GENERIC, signed("3", c), c, "test");
      }
      assertThat(retried.status()).as("the refused delivery id was not remembered").isEqualTo(202);
    }
  }
}
