package dev.capstan.webhook.verify;

import java.time.Duration;
import java.util.Objects;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A value read from somewhere that can change while the agent runs (a mounted Secret's files, a
 * Secret read through the API), read again on use once it is older than {@code maxAge}, so a
 * rotation applies without a restart and a burst of deliveries costs at most one read per
 * {@code maxAge}. The first read happens at construction and its error propagates (a bad
 * configuration stops the agent); a later read that fails keeps the last good value, warns with the
 * error (which names the source, never a value) and is tried again after {@code maxAge}: an API
 * server that is briefly away neither opens nor closes the door.
 */
public final class RefreshingValue<T> implements Supplier<T> {
  private static final Logger LOG = LoggerFactory.getLogger(RefreshingValue.class);

  /** How long a read value is used before the next delivery reads it again. */
  public static final Duration MAX_AGE = Duration.ofSeconds(5);

  private final Supplier<T> reader;
  private final long maxAgeNanos;
  private final LongSupplier nanoClock;
  private T value;
  private long readAt;

  RefreshingValue(Supplier<T> reader, Duration maxAge, LongSupplier nanoClock) {
    this.reader = reader;
    this.maxAgeNanos = maxAge.toNanos();
    this.nanoClock = nanoClock;
    this.value = Objects.requireNonNull(reader.get(), "value");
    this.readAt = nanoClock.getAsLong();
  }

  /** Reads now (errors propagate), then again on use every {@link #MAX_AGE}. */
  public static <T> RefreshingValue<T> of(Supplier<T> reader) {
    return new RefreshingValue<>(reader, MAX_AGE, System::nanoTime);
  }

  @Override
  public synchronized T get() {
    long now = nanoClock.getAsLong();
    if (now - readAt >= maxAgeNanos) {
      readAt = now;
      try {
        value = Objects.requireNonNull(reader.get(), "value");
      } catch (RuntimeException e) {
        LOG.warn("keeping the value read before: {}", e.getMessage());
      }
    }
    return value;
  }
}
