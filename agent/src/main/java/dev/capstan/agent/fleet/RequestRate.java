package dev.capstan.agent.fleet;

import io.fabric8.kubernetes.client.http.BasicBuilder;
import io.fabric8.kubernetes.client.http.HttpRequest;
import io.fabric8.kubernetes.client.http.Interceptor;
import io.micrometer.core.instrument.Timer;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * One cluster's request rate, as client-go's token bucket: {@code burst} requests at once, then
 * {@code qps} a second. Each request reserves the next slot and waits for it before it is sent, so
 * one busy cluster is held back and no other cluster's client is. Every request's wait is recorded in
 * {@code waits} (when given), so an operator sees whether the limit holds a cluster back.
 */
final class RequestRate implements Interceptor {
  private final long intervalNanos;
  private final long burstNanos;
  private final Timer waits;
  /** When the next request may go; far in the past at first, so the bucket starts full. */
  private long nextFree = Long.MIN_VALUE / 2;

  /** @param waits where each request's wait is recorded; null: nowhere */
  RequestRate(ClusterLimits limits, Timer waits) {
    this.waits = waits;
    this.intervalNanos = (long) (TimeUnit.SECONDS.toNanos(1) / limits.qps());
    this.burstNanos = intervalNanos * limits.burst();
  }

  @Override
  public void before(BasicBuilder builder, HttpRequest request, RequestTags tags) {
    long wait = reserve(System.nanoTime());
    if (wait > 0) {
      LockSupport.parkNanos(wait);
    }
    if (waits != null) {
      waits.record(wait, TimeUnit.NANOSECONDS);
    }
  }

  /** Takes the next slot; how long to wait for it. */
  synchronized long reserve(long now) {
    long earliest = now - burstNanos + intervalNanos; // an idle bucket refills to the burst, no further
    nextFree = Math.max(nextFree, earliest);
    long slot = nextFree;
    nextFree += intervalNanos;
    return Math.max(0, slot - now);
  }
}
