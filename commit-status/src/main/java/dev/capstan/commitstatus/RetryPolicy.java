package dev.capstan.commitstatus;

import java.time.Duration;

/**
 * How hard to try delivering a commit status.
 *
 * @param maxAttempts attempts in all, the first included
 * @param initialBackoff wait after the first failure; doubled after each further one
 * @param maxBackoff the longest wait between attempts when the host gives no {@code Retry-After}
 * @param maxRetryAfter the longest {@code Retry-After} (or rate-limit reset) honoured; a host asking
 *     for more is given up on, since a status that late misleads more than it informs
 * @param requestTimeout one attempt's limit, connection included
 */
public record RetryPolicy(int maxAttempts, Duration initialBackoff, Duration maxBackoff, Duration maxRetryAfter, Duration requestTimeout) {
  public RetryPolicy {
    if (maxAttempts < 1 || initialBackoff.isNegative() || maxBackoff.isNegative() || maxRetryAfter.isNegative()
        || requestTimeout.isNegative() || requestTimeout.isZero()) {
      throw new IllegalArgumentException("retry policy needs at least one attempt and non-negative durations");
    }
  }

  public static RetryPolicy defaults() {
    return new RetryPolicy(5, Duration.ofSeconds(1), Duration.ofSeconds(30), Duration.ofMinutes(2), Duration.ofSeconds(10));
  }

  public RetryPolicy withMaxAttempts(int maxAttempts) {
    return new RetryPolicy(maxAttempts, initialBackoff, maxBackoff, maxRetryAfter, requestTimeout);
  }

  public RetryPolicy withBackoff(Duration initialBackoff, Duration maxBackoff) {
    return new RetryPolicy(maxAttempts, initialBackoff, maxBackoff, maxRetryAfter, requestTimeout);
  }

  public RetryPolicy withMaxRetryAfter(Duration maxRetryAfter) {
    return new RetryPolicy(maxAttempts, initialBackoff, maxBackoff, maxRetryAfter, requestTimeout);
  }

  /** The wait before attempt {@code attempt + 1} after {@code attempt} failed without a server-given delay. */
  Duration backoffAfter(int attempt) {
    long millis = initialBackoff.toMillis() << Math.min(attempt - 1, 20);
    return Duration.ofMillis(Math.min(millis, maxBackoff.toMillis()));
  }
}
