package dev.capstan.engine.cluster;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * Independent API calls sent side by side. A release of twenty ConfigMaps is twenty reads and twenty
 * applies; the API server answers several at once, so a sync waits for a few round trips rather than
 * forty. Every call finishes before the result (or the first failure, in the order of the input) is
 * returned, so nothing is still being written when a caller reacts to a failure.
 */
public final class ConcurrentCalls {
  /** Calls in flight across every sync of the process: what the local API server serves best on two cores. */
  static final int LIMIT = 8;
  private static final ExecutorService POOL = Executors.newFixedThreadPool(LIMIT, daemonThreads());

  private ConcurrentCalls() {}

  public static <T, R> List<R> map(List<T> items, Function<T, R> call) {
    if (items.size() < 2) {
      return items.stream().map(call).toList();
    }
    List<CompletableFuture<R>> futures = new ArrayList<>(items.size());
    for (T item : items) {
      futures.add(CompletableFuture.supplyAsync(() -> call.apply(item), POOL));
    }
    CompletableFuture.allOf(futures.toArray(CompletableFuture[]::new)).exceptionally(e -> null).join();
    List<R> results = new ArrayList<>(items.size());
    for (CompletableFuture<R> future : futures) {
      try {
        results.add(future.join());
      } catch (CompletionException e) {
        throw e.getCause() instanceof RuntimeException runtime ? runtime : e;
      }
    }
    return results;
  }

  private static java.util.concurrent.ThreadFactory daemonThreads() {
    AtomicInteger count = new AtomicInteger();
    return task -> {
      Thread thread = new Thread(task, "capstan-api-" + count.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    };
  }
}
