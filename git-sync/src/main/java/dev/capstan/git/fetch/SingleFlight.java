package dev.capstan.git.fetch;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * Runs one piece of work per key at a time and hands its result to every caller that asked while it
 * ran: two sources polling one repository at once cause one network round, not two.
 *
 * <p>The work runs on a worker thread and callers wait at most a deadline. JGit's {@code git://}
 * transport cannot be interrupted in a socket read on current JDKs, so a server that accepts and then
 * says nothing would otherwise hold a poller forever; here the caller gets its answer at the deadline,
 * and later callers join the stuck round instead of starting new ones.
 */
final class SingleFlight<K, V> {
  private final Map<K, CompletableFuture<V>> inFlight = new ConcurrentHashMap<>();
  private final ExecutorService workers = Executors.newCachedThreadPool(r -> {
    Thread t = new Thread(r, "capstan-git-fetch");
    t.setDaemon(true);
    return t;
  });

  V run(K key, Supplier<V> work, Duration deadline, Supplier<V> onDeadline) {
    CompletableFuture<V> mine = new CompletableFuture<>();
    CompletableFuture<V> running = inFlight.putIfAbsent(key, mine);
    if (running == null) {
      running = mine;
      workers.execute(() -> {
        // leave the map before completing: a caller that got this answer and asks again at once
        // must start a new round, not be handed the old answer
        try {
          V value = work.get();
          inFlight.remove(key, mine);
          mine.complete(value);
        } catch (RuntimeException | Error e) {
          inFlight.remove(key, mine);
          mine.completeExceptionally(e);
        }
      });
    }
    try {
      return running.get(deadline.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      return onDeadline.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for a fetch", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException re) {
        throw re;
      }
      throw new IllegalStateException(e.getCause());
    }
  }
}
