package dev.capstan.agent.loop;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * What a pass tells the {@link WorkQueue} to do next, as Java Operator SDK's {@code UpdateControl}
 * does: nothing until the next trigger, retry with the key's back-off because the pass failed, or
 * look again after a delay although it did not fail. A failure is a value here, not an exception;
 * an exception out of a pass is still counted as a failure, so a bug cannot stop a key for good.
 */
public final class PassControl {
  private static final PassControl DONE = new PassControl(false, null);
  private static final PassControl RETRY = new PassControl(true, null);

  private final boolean failed;
  private final Duration requeueAfter;

  private PassControl(boolean failed, Duration requeueAfter) {
    this.failed = failed;
    this.requeueAfter = requeueAfter;
  }

  /** Nothing more to do until the next trigger; forgets earlier failures. */
  public static PassControl done() {
    return DONE;
  }

  /** The pass failed: try again after the back-off the queue's retry policy gives for this many failures in a row. */
  public static PassControl retryWithBackOff() {
    return RETRY;
  }

  /** The pass did its work and wants another look after {@code delay} (zero: at once); forgets earlier failures. */
  public static PassControl requeueAfter(Duration delay) {
    return new PassControl(false, Objects.requireNonNull(delay, "delay"));
  }

  public boolean failed() {
    return failed;
  }

  /** The delay before the next look a successful pass asked for. */
  public Optional<Duration> requeueAfter() {
    return Optional.ofNullable(requeueAfter);
  }

  @Override
  public String toString() {
    return failed ? "retryWithBackOff" : requeueAfter == null ? "done" : "requeueAfter(" + requeueAfter + ")";
  }
}
