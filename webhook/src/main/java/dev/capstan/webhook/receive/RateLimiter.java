package dev.capstan.webhook.receive;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * A token bucket per source address: {@code burst} tokens, refilled at {@code perSecond}. The
 * table of buckets is an LRU map of bounded size, so a flood from many addresses costs a fixed
 * amount of memory; an address forgotten that way simply starts again with a full bucket.
 */
final class RateLimiter {
  private static final class Bucket {
    double tokens;
    long updatedNanos;
  }

  private final int burst;
  private final double perNano;
  private final LongSupplier clock;
  private final LinkedHashMap<String, Bucket> buckets;

  RateLimiter(int burst, double perSecond, int maxAddresses, LongSupplier nanoClock) {
    this.burst = burst;
    this.perNano = perSecond / 1e9;
    this.clock = nanoClock;
    this.buckets = new LinkedHashMap<>(256, 0.75f, true) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<String, Bucket> eldest) {
        return size() > maxAddresses;
      }
    };
  }

  /** Takes a token for {@code address}; returns 0 if granted, else the nanoseconds until one is available. */
  synchronized long tryAcquire(String address) {
    long now = clock.getAsLong();
    Bucket bucket = buckets.get(address);
    if (bucket == null) {
      bucket = new Bucket();
      bucket.tokens = burst;
      bucket.updatedNanos = now;
      buckets.put(address, bucket);
    }
    bucket.tokens = Math.min(burst, bucket.tokens + (now - bucket.updatedNanos) * perNano);
    bucket.updatedNanos = now;
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return 0;
    }
    return Math.max(1, (long) Math.ceil((1 - bucket.tokens) / perNano));
  }
}
