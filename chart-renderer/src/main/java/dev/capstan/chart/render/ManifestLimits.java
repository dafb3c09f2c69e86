package dev.capstan.chart.render;

/**
 * How much a folder of plain manifests may hold, because its files come from anyone who can push:
 * the number of manifest files read and their total size. Each file's own size is the reader's limit
 * (git-sync's {@code ReadOptions}); each document's YAML is parsed as rendered templates are.
 */
public record ManifestLimits(int maxFiles, long maxTotalBytes) {
  public ManifestLimits {
    if (maxFiles <= 0 || maxTotalBytes <= 0) {
      throw new IllegalArgumentException("manifest limits must be positive");
    }
  }

  /** 1,000 files and 16 MiB in all, the most a chart's render may produce. */
  public static ManifestLimits defaults() {
    return new ManifestLimits(1000, RenderLimits.defaults().maxOutputChars());
  }

  public ManifestLimits withMaxFiles(int maxFiles) {
    return new ManifestLimits(maxFiles, maxTotalBytes);
  }

  public ManifestLimits withMaxTotalBytes(long maxTotalBytes) {
    return new ManifestLimits(maxFiles, maxTotalBytes);
  }
}
