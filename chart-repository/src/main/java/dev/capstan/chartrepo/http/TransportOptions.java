package dev.capstan.chartrepo.http;

import java.nio.file.Path;
import java.time.Duration;

/**
 * How to talk to repositories and registries, Helm's flags as a value: {@code caFile} (PEM, trusted
 * instead of the JDK's roots, as Helm's {@code --ca-file}), {@code insecureSkipTlsVerify},
 * {@code plainHttp} (OCI only: {@code http://} for a loopback registry), timeouts, and the largest
 * index, manifest and chart archive accepted.
 */
public record TransportOptions(Path caFile, boolean insecureSkipTlsVerify, boolean plainHttp, Duration connectTimeout,
    Duration requestTimeout, long maxIndexBytes, long maxChartBytes) {
  /** Manifests, token responses and tag lists are small; anything larger is refused. */
  public static final long MAX_SMALL_BYTES = 4L << 20;

  public static TransportOptions defaults() {
    return new TransportOptions(null, false, false, Duration.ofSeconds(10), Duration.ofSeconds(60), 64L << 20, 20L << 20);
  }

  public TransportOptions withCaFile(Path file) {
    return new TransportOptions(file, insecureSkipTlsVerify, plainHttp, connectTimeout, requestTimeout, maxIndexBytes, maxChartBytes);
  }

  public TransportOptions withInsecureSkipTlsVerify(boolean skip) {
    return new TransportOptions(caFile, skip, plainHttp, connectTimeout, requestTimeout, maxIndexBytes, maxChartBytes);
  }

  public TransportOptions withPlainHttp(boolean plain) {
    return new TransportOptions(caFile, insecureSkipTlsVerify, plain, connectTimeout, requestTimeout, maxIndexBytes, maxChartBytes);
  }

  public TransportOptions withMaxChartBytes(long max) {
    return new TransportOptions(caFile, insecureSkipTlsVerify, plainHttp, connectTimeout, requestTimeout, maxIndexBytes, max);
  }

  public TransportOptions withMaxIndexBytes(long max) {
    return new TransportOptions(caFile, insecureSkipTlsVerify, plainHttp, connectTimeout, requestTimeout, max, maxChartBytes);
  }
}
