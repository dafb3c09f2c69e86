package dev.capstan.agent;

import dev.capstan.engine.resource.ObjectRef;
import java.util.Collection;
import java.util.function.Consumer;

/**
 * Tells the agent when someone else changes or deletes an object it applied. Defined here and
 * implemented by the cluster side ({@code cluster.DriftWatcher}), which the runtime wires in, so the
 * agent does not depend on how drift is noticed.
 */
public interface DriftWatch extends AutoCloseable {
  /** Makes sure changes to every one of {@code refs} are noticed from now on. */
  void watch(Collection<ObjectRef> refs);

  /**
   * Whether changes to every one of {@code refs} were already noticed at {@code nanos} (a {@link
   * System#nanoTime} reading): a watch listed them before then, so any change after a read made since
   * is reported. False when unsure.
   */
  default boolean watchedSince(Collection<ObjectRef> refs, long nanos) {
    return false;
  }

  @Override
  void close();

  /** Starts a watch that reports drifted objects by release id ({@code namespace/release}). */
  @FunctionalInterface
  interface Factory {
    DriftWatch start(Consumer<String> onDriftedRelease);

    /**
     * Also reports releases one of whose objects changed status only (a rollout progressing), so
     * their health can be read again. A watch that cannot see statuses reports drift alone.
     */
    default DriftWatch start(Consumer<String> onDriftedRelease, Consumer<String> onStatusChanged) {
      return start(onDriftedRelease);
    }
  }
}
