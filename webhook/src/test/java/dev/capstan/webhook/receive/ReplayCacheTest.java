package dev.capstan.webhook.receive;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ReplayCacheTest {
  private final AtomicLong now = new AtomicLong();

  @Test
  void anIdIsFirstSeenOnceWithinTheWindow() {
    ReplayCache cache = new ReplayCache(Duration.ofMinutes(1), 10, now::get);
    assertThat(cache.firstSeen("github:1")).isTrue();
    assertThat(cache.firstSeen("github:1")).isFalse();
    assertThat(cache.firstSeen("gitlab:1")).isTrue();
    now.addAndGet(Duration.ofMinutes(2).toNanos());
    assertThat(cache.firstSeen("github:1")).isTrue();
  }

  @Test
  void capacityIsBoundedOldestFirst() {
    ReplayCache cache = new ReplayCache(Duration.ofHours(1), 2, now::get);
    cache.firstSeen("a");
    cache.firstSeen("b");
    cache.firstSeen("c");
    assertThat(cache.firstSeen("b")).isFalse();
    assertThat(cache.firstSeen("a")).isTrue();
  }

  @Test
  void aForgottenIdCanBeTakenAgain() {
    ReplayCache cache = new ReplayCache(Duration.ofHours(1), 10, now::get);
    cache.firstSeen("a");
    cache.forget("a");
    assertThat(cache.firstSeen("a")).isTrue();
  }
}
