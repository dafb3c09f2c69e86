package dev.capstan.webhook.dispatch;

import dev.capstan.webhook.event.PushEvent;
import dev.capstan.webhook.event.RepoId;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands push events to a {@link PushListener} on worker threads, coalescing bursts: each
 * repository+ref has one latest-wins slot, so ten pushes that arrive while the listener is busy with
 * that ref become one delivery of the newest commit (carrying the union of their changed paths). The
 * last push is never lost: a push arriving during delivery refills the slot and is delivered next.
 * The number of slots is bounded, so a flood of distinct refs is refused instead of growing memory.
 */
public final class CoalescingDispatcher implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(CoalescingDispatcher.class);

  private record Key(RepoId repository, String ref) {}

  private final PushListener listener;
  private final int maxPending;
  private final Object lock = new Object();
  private final Map<Key, PushEvent> pending = new HashMap<>();
  private final ArrayDeque<Key> ready = new ArrayDeque<>();
  private final Set<Key> inFlight = new HashSet<>();
  private final List<Thread> workers = new ArrayList<>();
  private boolean closed;

  /**
   * @param workers threads calling the listener; different refs are delivered in parallel
   * @param maxPending refs that may wait at once before {@link #submit} refuses
   */
  public CoalescingDispatcher(PushListener listener, int workers, int maxPending) {
    if (workers < 1 || maxPending < 1) {
      throw new IllegalArgumentException("workers and maxPending must be positive");
    }
    this.listener = listener;
    this.maxPending = maxPending;
    for (int i = 0; i < workers; i++) {
      Thread thread = new Thread(this::work, "capstan-webhook-dispatch-" + i);
      thread.setDaemon(true);
      this.workers.add(thread);
      thread.start();
    }
  }

  /** Queues the event; false when the dispatcher is full or closed and the event was not taken. */
  public boolean submit(PushEvent event) {
    Key key = new Key(event.repository(), event.ref());
    synchronized (lock) {
      if (closed) {
        return false;
      }
      PushEvent older = pending.get(key);
      if (older == null && pending.size() >= maxPending) {
        return false;
      }
      pending.put(key, older == null ? event : event.withChangedPaths(older.changedPaths().union(event.changedPaths())));
      if (older == null && !inFlight.contains(key)) {
        ready.add(key);
        lock.notify();
      }
      return true;
    }
  }

  /** Refs waiting for delivery, for metrics and tests. */
  public int pendingCount() {
    synchronized (lock) {
      return pending.size();
    }
  }

  private void work() {
    while (true) {
      Key key;
      PushEvent event;
      synchronized (lock) {
        while (ready.isEmpty() && !closed) {
          waitQuietly();
        }
        if (ready.isEmpty()) {
          return;
        }
        key = ready.poll();
        event = pending.remove(key);
        inFlight.add(key);
      }
      deliver(event);
      synchronized (lock) {
        inFlight.remove(key);
        if (pending.containsKey(key)) {
          ready.add(key);
          lock.notify();
        }
      }
    }
  }

  private void deliver(PushEvent event) {
    try {
      listener.onPush(event);
    } catch (RuntimeException e) {
      // A failing listener must not kill the worker; the next push to the ref is delivered normally.
      LOG.error("push listener failed for {} {}: {}", event.repository(), event.ref(), e.toString(), e);
    }
  }

  private void waitQuietly() {
    try {
      lock.wait();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      closed = true;
    }
  }

  /** Delivers what is already queued, then stops the workers (waiting at most five seconds). */
  @Override
  public void close() {
    synchronized (lock) {
      closed = true;
      lock.notifyAll();
    }
    for (Thread worker : workers) {
      try {
        worker.join(TimeUnit.SECONDS.toMillis(5));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }
}
