package dev.capstan.chart.archive;

import dev.capstan.chart.source.ChartException;

/**
 * What is left of an {@link ArchiveLimits} while one chart and its nested archives are unpacked:
 * a single budget is handed down to every {@code charts/*.tgz}, so nesting cannot multiply the limit.
 * Not thread-safe: one load uses it from one thread.
 */
public final class ArchiveBudget {
  private final ArchiveLimits limits;
  private int entries;
  private long bytes;

  private ArchiveBudget(ArchiveLimits limits) {
    this.limits = limits;
  }

  public static ArchiveBudget of(ArchiveLimits limits) {
    return new ArchiveBudget(limits);
  }

  public ArchiveLimits limits() {
    return limits;
  }

  void takeEntry(String where) {
    if (++entries > limits.maxEntries()) {
      throw new ChartException(where, "more than " + limits.maxEntries() + " entries in the chart archive");
    }
  }

  void takeBytes(String where, long fileBytes, long more) {
    if (fileBytes > limits.maxFileBytes()) {
      throw new ChartException(where, "file is larger than " + limits.maxFileBytes() + " bytes unpacked");
    }
    bytes += more;
    if (bytes > limits.maxTotalBytes()) {
      throw new ChartException(where, "chart archive is larger than " + limits.maxTotalBytes() + " bytes unpacked");
    }
  }
}
