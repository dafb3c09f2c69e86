package dev.capstan.webhook.verify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.capstan.webhook.WebhookException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class RefreshingValueTest {
  private final AtomicLong now = new AtomicLong();
  private final AtomicInteger reads = new AtomicInteger();

  private Supplier<String> reader(String... answers) {
    Deque<String> queue = new ArrayDeque<>(java.util.List.of(answers));
    return () -> {
      reads.incrementAndGet();
      String next = queue.size() > 1 ? queue.poll() : queue.peek();
      if (next.startsWith("!")) {
        throw new WebhookException("Secret hooks/shop", next.substring(1));
      }
      return next;
    };
  }

  @Test
  void aRotatedValueIsUsedOnceTheLastReadIsOlderThanMaxAgeAndNotBefore() {
    RefreshingValue<String> value = new RefreshingValue<>(reader("old", "new"), Duration.ofSeconds(5), now::get);
    assertThat(value.get()).isEqualTo("old");
    now.addAndGet(Duration.ofSeconds(4).toNanos());
    for (int i = 0; i < 100; i++) {
      assertThat(value.get()).isEqualTo("old");
    }
    assertThat(reads).hasValue(1);
    now.addAndGet(Duration.ofSeconds(1).toNanos());
    assertThat(value.get()).isEqualTo("new");
    assertThat(reads).hasValue(2);
  }

  @Test
  void aFailedRereadKeepsTheLastGoodValueAndIsTriedAgainLater() {
    RefreshingValue<String> value = new RefreshingValue<>(reader("old", "!not found", "new"), Duration.ofSeconds(5), now::get);
    now.addAndGet(Duration.ofSeconds(5).toNanos());
    assertThat(value.get()).isEqualTo("old");
    assertThat(value.get()).isEqualTo("old");
    assertThat(reads).as("one failed read per max age, not one per use").hasValue(2);
    now.addAndGet(Duration.ofSeconds(5).toNanos());
    assertThat(value.get()).isEqualTo("new");
  }

  @Test
  void theFirstReadFailsTheCaller() {
    assertThatThrownBy(() -> new RefreshingValue<>(reader("!not found"), Duration.ofSeconds(5), now::get))
        .isInstanceOf(WebhookException.class).hasMessage("Secret hooks/shop: not found");
  }
}
