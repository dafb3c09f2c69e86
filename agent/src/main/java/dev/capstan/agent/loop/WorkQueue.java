package dev.capstan.agent.loop;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;

/**
 * One queue of keys (applications) worked by a bounded pool, with client-go's guarantees: a key is
 * queued at most once, never worked by two threads at once, and a key added while it is being worked
 * is worked again right after, so no trigger is lost and none is doubled. A pass says what comes next
 * with a {@link PassControl}: a failure is retried with the delay {@code retryPolicy} gives for the
 * failures in a row (empty: give up until the next trigger); anything else forgets the failures.
 */
public final class WorkQueue<K> implements AutoCloseable {
  /** Works one key; says whether it failed and when to look at it again, if ever. */
  @FunctionalInterface
  public interface Handler<K> {
    PassControl handle(K key) throws Exception;
  }

  private final Handler<K> handler;
  private final BiFunction<K, Integer, Optional<Duration>> retryPolicy;
  private final ExecutorService workers;
  private final ScheduledExecutorService timer;
  private final int concurrency;

  private final Object lock = new Object();
  private final ArrayDeque<K> queue = new ArrayDeque<>();
  private final Set<K> queued = new HashSet<>();
  private final Set<K> processing = new HashSet<>();
  private final Set<K> dirty = new HashSet<>();
  private final Map<K, Integer> failures = new HashMap<>();
  private int running;
  private boolean closed;

  /**
   * @param retryPolicy given a key and how many times in a row it failed, the delay before the next try
   */
  public WorkQueue(int concurrency, Handler<K> handler, BiFunction<K, Integer, Optional<Duration>> retryPolicy) {
    this("capstan-sync", concurrency, handler, retryPolicy);
  }

  /** @param name the prefix of the workers' thread names, so a thread dump tells syncs from other queues' work */
  public WorkQueue(String name, int concurrency, Handler<K> handler, BiFunction<K, Integer, Optional<Duration>> retryPolicy) {
    if (concurrency < 1) {
      throw new IllegalArgumentException("concurrency must be at least 1");
    }
    this.concurrency = concurrency;
    this.handler = handler;
    this.retryPolicy = retryPolicy;
    this.workers = Executors.newFixedThreadPool(concurrency, named(name));
    this.timer = Executors.newSingleThreadScheduledExecutor(named(name + "-requeue"));
  }

  /** Exponential back-off from {@code first}, doubled per failure up to {@code cap}, at most {@code maxRetries} retries. */
  public static <K> BiFunction<K, Integer, Optional<Duration>> exponential(Duration first, Duration cap, int maxRetries) {
    return (key, failed) -> {
      if (failed > maxRetries) {
        return Optional.empty();
      }
      long factor = 1L << Math.min(failed - 1, 30);
      Duration delay = first.multipliedBy(factor);
      return Optional.of(delay.compareTo(cap) > 0 ? cap : delay);
    };
  }

  /** Queues {@code key} now; a no-op when it is already queued. */
  public void add(K key) {
    synchronized (lock) {
      if (closed) {
        return;
      }
      if (processing.contains(key)) {
        dirty.add(key);
        return;
      }
      if (queued.add(key)) {
        queue.addLast(key);
        dispatch();
      }
    }
  }

  /** Queues {@code key} after {@code delay}. */
  public void addAfter(K key, Duration delay) {
    if (delay.isZero() || delay.isNegative()) {
      add(key);
      return;
    }
    synchronized (lock) {
      if (closed) {
        return;
      }
    }
    timer.schedule(() -> add(key), delay.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** Keys waiting to be worked (not counting those being worked). */
  public int depth() {
    synchronized (lock) {
      return queue.size();
    }
  }

  /** How many times in a row {@code key} has failed. */
  public int failures(K key) {
    synchronized (lock) {
      return failures.getOrDefault(key, 0);
    }
  }

  private void dispatch() {
    while (running < concurrency && !queue.isEmpty()) {
      K key = queue.pollFirst();
      queued.remove(key);
      processing.add(key);
      running++;
      workers.execute(() -> work(key));
    }
  }

  private void work(K key) {
    PassControl control;
    try {
      control = handler.handle(key);
    } catch (Exception | Error e) {
      control = PassControl.retryWithBackOff(); // a bug in a pass must not stop the key for good
    }
    Optional<Duration> next = control.requeueAfter();
    synchronized (lock) {
      processing.remove(key);
      running--;
      if (control.failed()) {
        int count = failures.merge(key, 1, Integer::sum);
        next = retryPolicy.apply(key, count);
      } else {
        failures.remove(key);
      }
      if (dirty.remove(key) && !closed && queued.add(key)) {
        queue.addLast(key);
      }
      dispatch();
    }
    next.ifPresent(delay -> addAfter(key, delay));
  }

  @Override
  public void close() {
    synchronized (lock) {
      closed = true;
      queue.clear();
      queued.clear();
    }
    timer.shutdownNow();
    workers.shutdown();
    try {
      if (!workers.awaitTermination(30, TimeUnit.SECONDS)) {
        workers.shutdownNow();
      }
    } catch (InterruptedException e) {
      workers.shutdownNow();
      Thread.currentThread().interrupt();
    }
  }

  private static ThreadFactory named(String prefix) {
    return new ThreadFactory() {
      private int n;

      @Override
      public synchronized Thread newThread(Runnable r) {
        Thread t = new Thread(r, prefix + "-" + (++n));
        t.setDaemon(true);
        return t;
      }
    };
  }
}
