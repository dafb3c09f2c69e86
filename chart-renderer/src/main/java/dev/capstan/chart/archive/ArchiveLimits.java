package dev.capstan.chart.archive;

/**
 * How much one chart archive (with every archive nested in it, under {@code charts/}) may hold once
 * unpacked. The defaults are Helm's ({@code MaxDecompressedChartSize} 100 MiB,
 * {@code MaxDecompressedFileSize} 5 MiB) plus a cap on the number of entries, so a gzip bomb or an
 * archive of a million empty files stops with an error instead of filling memory.
 */
public record ArchiveLimits(int maxEntries, long maxTotalBytes, long maxFileBytes) {
  public ArchiveLimits {
    if (maxEntries < 1 || maxTotalBytes < 1 || maxFileBytes < 1) {
      throw new IllegalArgumentException("archive limits must be positive");
    }
  }

  public static ArchiveLimits defaults() {
    return new ArchiveLimits(10_000, 100L << 20, 5L << 20);
  }

  public ArchiveLimits withMaxEntries(int n) {
    return new ArchiveLimits(n, maxTotalBytes, maxFileBytes);
  }

  public ArchiveLimits withMaxTotalBytes(long n) {
    return new ArchiveLimits(maxEntries, n, maxFileBytes);
  }

  public ArchiveLimits withMaxFileBytes(long n) {
    return new ArchiveLimits(maxEntries, maxTotalBytes, n);
  }
}
