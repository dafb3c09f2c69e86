package dev.capstan.git.fetch;

import java.time.Duration;

/**
 * How the fetcher talks to servers.
 *
 * @param depth history depth of the first fetch of a ref (1 = only the tip, as Flux and Argo CD do;
 *     0 = full history). Later fetches of the ref are incremental: they bring the new commits only.
 * @param timeout the transport's I/O timeout; a server silent for longer fails with {@link FetchFailure.Timeout}
 */
public record FetchOptions(int depth, Duration timeout) {

  public FetchOptions {
    if (depth < 0) {
      throw new IllegalArgumentException("depth must be >= 0, was " + depth);
    }
    if (timeout == null || timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("timeout must be positive");
    }
  }

  public static FetchOptions defaults() {
    return new FetchOptions(1, Duration.ofSeconds(60));
  }

  public FetchOptions withDepth(int newDepth) {
    return new FetchOptions(newDepth, timeout);
  }

  public FetchOptions withTimeout(Duration newTimeout) {
    return new FetchOptions(depth, newTimeout);
  }
}
