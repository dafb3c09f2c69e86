package dev.capstan.cli.chart;

import dev.capstan.chartrepo.ChartFetcher;
import dev.capstan.chartrepo.ChartSource;
import dev.capstan.chartrepo.FetchedChart;
import dev.capstan.chartrepo.cache.ChartCache;
import dev.capstan.chartrepo.http.Credentials;
import dev.capstan.chartrepo.http.HttpTransport;
import dev.capstan.chartrepo.index.HelmRepository;
import dev.capstan.chartrepo.index.HelmRepositoryClient;
import dev.capstan.chartrepo.oci.OciReference;
import dev.capstan.chartrepo.oci.OciRegistryClient;
import dev.capstan.core.CapstanException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Where CHART comes from, as {@code helm template} reads it: a folder, a {@code .tgz},
 * {@code oci://host/path/chart}, or a chart name with {@code --repo URL}; {@code --version} picks the
 * chart version (exact or a SemVer range) for the last two. With Helm's registry and repository
 * flags ({@link RegistryFlags}). Remote charts land in Capstan's chart cache ({@link ChartCache#userDefault()}).
 */
public final class ChartSourceFlags {
  @Option(names = "--repo", paramLabel = "URL", description = "Helm repository URL; CHART is then a chart name in it.")
  String repo;

  @Option(names = "--version", paramLabel = "VERSION",
      description = "Chart version or SemVer range for --repo and oci:// charts (default: the newest release).")
  String version;

  @Mixin
  RegistryFlags registry = new RegistryFlags();

  /** Whether {@code chart} names a chart outside the file system. */
  public boolean isRemote(String chart) {
    return chart.startsWith("oci://") || repo != null;
  }

  /**
   * {@code chart} as a path {@code ChartLoader} reads: the folder or archive itself, or the cached
   * archive of a remote chart (fetched and verified first).
   */
  public Path localize(String chart) {
    if (!isRemote(chart)) {
      if (version != null) {
        throw new CapstanException("--version", "applies to charts from --repo or oci://, not to the local chart " + chart);
      }
      return Path.of(chart);
    }
    FetchedChart fetched = fetch(chart);
    Path cached = ChartCache.userDefault().path(fetched.archiveDigest());
    if (!Files.isRegularFile(cached)) {
      throw new CapstanException(chart, "the chart cache " + cached.getParent() + " is not writable");
    }
    return cached;
  }

  /** Fetches the remote chart {@code chart} names (through the cache). */
  public FetchedChart fetch(String chart) {
    return fetcher().fetch(source(chart));
  }

  /** The source {@code chart} names with these flags. */
  public ChartSource source(String chart) {
    if (chart.startsWith("oci://")) {
      if (repo != null) {
        throw new CapstanException("--repo", "cannot be used with an oci:// chart");
      }
      OciReference ref;
      try {
        ref = OciReference.parse(chart);
      } catch (IllegalArgumentException e) {
        throw new CapstanException(chart, e.getMessage());
      }
      if (version != null && (ref.tag().isPresent() || ref.digest().isPresent())) {
        throw new CapstanException("--version", "the reference " + chart + " already names a tag or digest");
      }
      return new ChartSource.Oci(ref, credentials(), version);
    }
    HelmRepository repository;
    try {
      repository = new HelmRepository(URI.create(repo), credentials());
    } catch (IllegalArgumentException e) {
      throw new CapstanException("--repo", e.getMessage());
    }
    return new ChartSource.Repository(repository, chart, version);
  }

  public Credentials credentials() {
    return registry.credentials();
  }

  public dev.capstan.chartrepo.http.TransportOptions transportOptions() {
    return registry.transportOptions();
  }

  public ChartFetcher fetcher() {
    HttpTransport transport = HttpTransport.create(transportOptions());
    Path index = ChartCache.userCacheDir().resolve("index");
    return new ChartFetcher(HelmRepositoryClient.persistent(transport, index), new OciRegistryClient(transport),
        ChartCache.userDefault(), Duration.ZERO);
  }
}
