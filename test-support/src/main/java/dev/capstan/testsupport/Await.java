package dev.capstan.testsupport;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/** Waits for a condition a test can observe, with a deadline; the one home of the tests' polling loop. */
public final class Await {
  private static final Duration POLL = Duration.ofMillis(100);

  private Await() {}

  /** Returns once {@code condition} holds; fails naming {@code what} when it has not within {@code timeout}. */
  public static void until(String what, Duration timeout, BooleanSupplier condition) throws InterruptedException {
    until(() -> what, timeout, condition);
  }

  /** As {@link #until(String, Duration, BooleanSupplier)}, with a description read only when the wait fails. */
  public static void until(Supplier<String> what, Duration timeout, BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("timed out after " + timeout.toSeconds() + "s waiting for " + what.get());
      }
      Thread.sleep(POLL.toMillis()); // the poll interval inside the deadline, not a synchronisation
    }
  }
}
