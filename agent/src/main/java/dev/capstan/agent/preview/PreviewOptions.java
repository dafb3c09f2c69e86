package dev.capstan.agent.preview;

/**
 * The bounds on what previews may cost.
 *
 * @param workers pull requests previewed at once (each previews its Applications one after another)
 * @param maxPending pull requests that may wait at once; beyond that the webhook answers 503 and the
 *     host retries later
 */
public record PreviewOptions(int workers, int maxPending) {
  public PreviewOptions {
    if (workers < 1 || maxPending < 1) {
      throw new IllegalArgumentException("preview workers and maxPending must be positive");
    }
  }

  public static PreviewOptions defaults() {
    return new PreviewOptions(2, 256);
  }
}
