package dev.capstan.chartrepo;

import dev.capstan.chart.Chart;
import dev.capstan.chart.ChartLoader;
import dev.capstan.chart.archive.ArchiveLimits;
import dev.capstan.chartrepo.cache.Digest;

/**
 * A chart archive fetched from a source (or the cache) and verified: its name, version, the
 * archive's sha256, the digest the source resolved to ({@link ResolvedChart#digest()}; for OCI the
 * manifest's), whether it came from the cache, and the archive's bytes.
 */
public record FetchedChart(ResolvedChart resolved, Digest archiveDigest, boolean fromCache, byte[] archive) {
  /** {@code NAME-VERSION.tgz}, as Helm names a pulled chart. */
  public String fileName() {
    return resolved.name() + "-" + resolved.version() + ".tgz";
  }

  /** The chart, loaded from the archive within the default archive limits. */
  public Chart load() {
    return ChartLoader.loadArchive(archive, fileName(), ArchiveLimits.defaults());
  }
}
