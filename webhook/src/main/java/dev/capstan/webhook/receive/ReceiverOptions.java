package dev.capstan.webhook.receive;

import java.time.Duration;

/**
 * Limits that keep the receiver safe from hostile or broken senders.
 *
 * @param maxBodyBytes larger bodies get 413 (GitHub caps its own payloads at 25 MB; pushes near
 *     5 MiB already list thousands of commits)
 * @param readTimeout the whole body must arrive within this, or 408: a client dripping bytes cannot
 *     hold a request open
 * @param burst deliveries one source address may send back to back before being limited
 * @param perSecond deliveries per second one source address may sustain; beyond that 429
 * @param trackedAddresses source addresses whose buckets are remembered (least recently seen
 *     forgotten first), bounding memory under a spoofed-address flood
 * @param replayWindow how long a delivery id is remembered to recognise a redelivery
 * @param replayCapacity delivery ids remembered at most
 */
public record ReceiverOptions(
    int maxBodyBytes,
    Duration readTimeout,
    int burst,
    double perSecond,
    int trackedAddresses,
    Duration replayWindow,
    int replayCapacity) {

  public ReceiverOptions {
    if (maxBodyBytes < 1 || burst < 1 || !(perSecond > 0) || trackedAddresses < 1 || replayCapacity < 1
        || readTimeout.isNegative() || readTimeout.isZero() || replayWindow.isNegative()) {
      throw new IllegalArgumentException("receiver limits must be positive: maxBodyBytes=" + maxBodyBytes + " readTimeout="
          + readTimeout + " burst=" + burst + " perSecond=" + perSecond + " trackedAddresses=" + trackedAddresses
          + " replayWindow=" + replayWindow + " replayCapacity=" + replayCapacity);
    }
  }

  public static ReceiverOptions defaults() {
    return new ReceiverOptions(5 * 1024 * 1024, Duration.ofSeconds(10), 60, 10.0, 10_000, Duration.ofHours(24), 100_000);
  }

  public ReceiverOptions withMaxBodyBytes(int maxBodyBytes) {
    return new ReceiverOptions(maxBodyBytes, readTimeout, burst, perSecond, trackedAddresses, replayWindow, replayCapacity);
  }

  public ReceiverOptions withReadTimeout(Duration readTimeout) {
    return new ReceiverOptions(maxBodyBytes, readTimeout, burst, perSecond, trackedAddresses, replayWindow, replayCapacity);
  }

  public ReceiverOptions withRateLimit(int burst, double perSecond) {
    return new ReceiverOptions(maxBodyBytes, readTimeout, burst, perSecond, trackedAddresses, replayWindow, replayCapacity);
  }

  public ReceiverOptions withReplayWindow(Duration replayWindow, int replayCapacity) {
    return new ReceiverOptions(maxBodyBytes, readTimeout, burst, perSecond, trackedAddresses, replayWindow, replayCapacity);
  }
}
