package dev.capstan.git.fetch;

import java.time.Duration;

/**
 * How the fetcher talks to servers.
 *
 * @param depth history depth of the first fetch of a ref (1 = only the tip, as Flux and Argo CD do;
 *     0 = full history). Later fetches of the ref are incremental: they bring the new commits only.
 * @param timeout the transport's I/O timeout; a server silent for longer fails with {@link FetchFailure.Timeout}
 * @param protocol the wire protocol; {@link WireProtocol#V0} keeps the no-change check to one round trip
 * @param deadline the longest one fetch may take as a whole (a first clone of a big repository is
 *     slow but steady; {@code timeout} catches a silent server, this catches everything else)
 */
public record FetchOptions(int depth, Duration timeout, WireProtocol protocol, Duration deadline) {

  public FetchOptions {
    if (depth < 0) {
      throw new IllegalArgumentException("depth must be >= 0, was " + depth);
    }
    if (timeout == null || timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("timeout must be positive");
    }
    if (protocol == null) {
      throw new IllegalArgumentException("protocol must be set");
    }
    if (deadline == null || deadline.compareTo(timeout) < 0) {
      throw new IllegalArgumentException("deadline must be at least the timeout");
    }
  }

  public static FetchOptions defaults() {
    return new FetchOptions(1, Duration.ofSeconds(60), WireProtocol.V0, Duration.ofMinutes(10));
  }

  public FetchOptions withDepth(int newDepth) {
    return new FetchOptions(newDepth, timeout, protocol, deadline);
  }

  /** Sets the I/O timeout; the deadline grows to match if it was shorter. */
  public FetchOptions withTimeout(Duration newTimeout) {
    return new FetchOptions(depth, newTimeout, protocol, deadline.compareTo(newTimeout) < 0 ? newTimeout : deadline);
  }

  public FetchOptions withDeadline(Duration newDeadline) {
    return new FetchOptions(depth, timeout, protocol, newDeadline);
  }

  public FetchOptions withProtocol(WireProtocol newProtocol) {
    return new FetchOptions(depth, timeout, newProtocol, deadline);
  }
}
