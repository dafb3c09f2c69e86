package dev.capstan.webhook.receive;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class RateLimiterTest {
  private final AtomicLong now = new AtomicLong();

  @Test
  void aBurstIsAllowedThenTheRefillRate() {
    RateLimiter limiter = new RateLimiter(3, 2.0, 100, now::get);
    assertThat(limiter.tryAcquire("10.0.0.1")).isZero();
    assertThat(limiter.tryAcquire("10.0.0.1")).isZero();
    assertThat(limiter.tryAcquire("10.0.0.1")).isZero();
    long wait = limiter.tryAcquire("10.0.0.1");
    assertThat(wait).isEqualTo(TimeUnit.MILLISECONDS.toNanos(500));
    assertThat(limiter.tryAcquire("10.0.0.2")).as("other addresses are unaffected").isZero();
    now.addAndGet(TimeUnit.MILLISECONDS.toNanos(500));
    assertThat(limiter.tryAcquire("10.0.0.1")).isZero();
    assertThat(limiter.tryAcquire("10.0.0.1")).isPositive();
  }

  @Test
  void theAddressTableIsBoundedAndForgetsTheLeastRecent() {
    RateLimiter limiter = new RateLimiter(1, 0.001, 2, now::get);
    assertThat(limiter.tryAcquire("a")).isZero();
    assertThat(limiter.tryAcquire("a")).isPositive();
    limiter.tryAcquire("b");
    limiter.tryAcquire("c");
    assertThat(limiter.tryAcquire("a")).as("a was evicted and starts again").isZero();
  }
}
