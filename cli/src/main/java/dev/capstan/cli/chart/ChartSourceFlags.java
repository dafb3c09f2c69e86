package dev.capstan.cli.chart;

import dev.capstan.chartrepo.ChartFetcher;
import dev.capstan.chartrepo.ChartSource;
import dev.capstan.chartrepo.FetchedChart;
import dev.capstan.chartrepo.VerifiedChart;
import dev.capstan.chartrepo.cache.ChartCache;
import dev.capstan.chartrepo.http.Credentials;
import dev.capstan.chartrepo.http.HttpTransport;
import dev.capstan.chartrepo.index.HelmRepository;
import dev.capstan.chartrepo.index.HelmRepositoryClient;
import dev.capstan.chartrepo.oci.OciReference;
import dev.capstan.chartrepo.oci.OciRegistryClient;
import dev.capstan.chartrepo.provenance.ProvenanceException;
import dev.capstan.chartrepo.provenance.ProvenanceVerifier;
import dev.capstan.chartrepo.provenance.PublicKeyring;
import dev.capstan.core.CapstanException;
import java.io.IOException;
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
 * flags ({@link RegistryFlags}) and Helm's {@code --verify --keyring} (the chart's provenance). Remote charts land in Capstan's chart cache ({@link ChartCache#userDefault()}).
 */
public final class ChartSourceFlags {
  @Option(names = "--repo", paramLabel = "URL", description = "Helm repository URL; CHART is then a chart name in it.")
  String repo;

  @Option(names = "--version", paramLabel = "VERSION",
      description = "Chart version or SemVer range for --repo and oci:// charts (default: the newest release).")
  String version;

  @Mixin
  RegistryFlags registry = new RegistryFlags();

  @Option(names = "--verify", description = "Verify the chart's provenance (.prov) against --keyring before using it, as Helm does "
      + "(a .tgz needs its .prov beside it; --repo and oci:// charts carry theirs).")
  boolean verify;

  @Option(names = "--keyring", paramLabel = "FILE",
      description = "OpenPGP public keys for --verify (default: $GNUPGHOME/pubring.gpg or ~/.gnupg/pubring.gpg).")
  Path keyring;

  /** Whether {@code --verify} was given. */
  public boolean verify() {
    return verify;
  }

  /** The verifier {@code --verify} uses: the keys in {@code --keyring} (or Helm's default keyring). */
  public ProvenanceVerifier verifier() {
    return new ProvenanceVerifier(PublicKeyring.load(keyring != null ? keyring : GpgKeyrings.defaultKeyring(System.getenv())));
  }

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
      if (verify) {
        verifyLocal(Path.of(chart));
      }
      return Path.of(chart);
    }
    FetchedChart fetched = verify ? fetchVerified(chart).chart() : fetch(chart);
    Path cached = ChartCache.userDefault().path(fetched.archiveDigest());
    if (!Files.isRegularFile(cached)) {
      throw new CapstanException(chart, "the chart cache " + cached.getParent() + " is not writable");
    }
    return cached;
  }

  /** Fetches the remote chart {@code chart} names and verifies its provenance against {@code --keyring}. */
  public VerifiedChart fetchVerified(String chart) {
    ProvenanceVerifier verifier = verifier();
    return fetcher().fetchVerified(source(chart), verifier);
  }

  /** {@code helm verify} for a local archive: its {@code .prov} must be beside it. */
  public ProvenanceVerifier.Verification verifyLocal(Path archive) {
    if (Files.isDirectory(archive)) {
      throw new CapstanException(archive.toString(), "--verify needs a chart archive (.tgz) or a chart from --repo or oci://: "
          + "a chart folder carries no provenance");
    }
    Path prov = archive.resolveSibling(archive.getFileName() + ".prov");
    ProvenanceVerifier verifier = verifier();
    try {
      if (!Files.isRegularFile(prov)) {
        throw new ProvenanceException(archive.toString(), ProvenanceException.Reason.MISSING,
            "the chart is not signed (no " + prov.getFileName() + " beside it), and --verify asks for a signed chart");
      }
      if (Files.size(prov) > ProvenanceVerifier.MAX_PROVENANCE_BYTES) {
        throw new ProvenanceException(archive.toString(), ProvenanceException.Reason.TOO_LARGE,
            prov.getFileName() + " is " + Files.size(prov) + " bytes, more than " + ProvenanceVerifier.MAX_PROVENANCE_BYTES + " allowed");
      }
      if (Files.size(archive) > transportOptions().maxChartBytes()) {
        throw new CapstanException(archive.toString(), "larger than " + transportOptions().maxChartBytes() + " bytes");
      }
      return verifier.verify(Files.readAllBytes(archive), archive.getFileName().toString(), Files.readAllBytes(prov), archive.toString());
    } catch (IOException e) {
      throw new CapstanException(archive.toString(), "cannot read: " + e.getMessage(), e);
    }
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
      return new ChartSource.Oci(ref, registry.credentialsFor(chart), version);
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
