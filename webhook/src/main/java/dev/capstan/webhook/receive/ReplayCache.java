package dev.capstan.webhook.receive;

import java.time.Duration;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * Delivery ids seen recently, so a host's redelivery (or a captured request replayed verbatim) is
 * acted on once. Bounded both in time and in count; the oldest ids are forgotten first.
 */
final class ReplayCache {
  private final long windowNanos;
  private final int capacity;
  private final LongSupplier clock;
  private final LinkedHashMap<String, Long> seen = new LinkedHashMap<>();

  ReplayCache(Duration window, int capacity, LongSupplier nanoClock) {
    this.windowNanos = window.toNanos();
    this.capacity = capacity;
    this.clock = nanoClock;
  }

  /** Records {@code id}; true the first time it is seen within the window. */
  synchronized boolean firstSeen(String id) {
    long now = clock.getAsLong();
    expire(now);
    if (seen.containsKey(id)) {
      return false;
    }
    seen.put(id, now);
    if (seen.size() > capacity) {
      Iterator<String> oldest = seen.keySet().iterator();
      oldest.next();
      oldest.remove();
    }
    return true;
  }

  /** Forgets {@code id}, so a delivery Capstan could not take can be retried by the host. */
  synchronized void forget(String id) {
    seen.remove(id);
  }

  private void expire(long now) {
    Iterator<Map.Entry<String, Long>> it = seen.entrySet().iterator();
    while (it.hasNext()) {
      if (now - it.next().getValue() < windowNanos) {
        return;
      }
      it.remove();
    }
  }
}
