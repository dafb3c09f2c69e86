package dev.capstan.chartrepo;

import dev.capstan.chart.Chart;
import dev.capstan.chart.ChartLoader;
import dev.capstan.chart.archive.ArchiveLimits;
import dev.capstan.chartrepo.cache.ChartCache;
import dev.capstan.chartrepo.cache.Digest;
import dev.capstan.chartrepo.http.HttpTransport;
import dev.capstan.chartrepo.http.SourceException;
import dev.capstan.chartrepo.index.HelmRepositoryClient;
import dev.capstan.chartrepo.index.IndexEntry;
import dev.capstan.chartrepo.oci.HelmMediaTypes;
import dev.capstan.chartrepo.oci.OciManifest;
import dev.capstan.chartrepo.oci.OciReference;
import dev.capstan.chartrepo.oci.OciRegistryClient;
import dev.capstan.chartrepo.provenance.ProvenanceException;
import dev.capstan.chartrepo.provenance.ProvenanceVerifier;
import dev.capstan.core.semver.InvalidRangeException;
import dev.capstan.core.semver.RangeDialect;
import dev.capstan.core.semver.SemVer;
import dev.capstan.core.semver.SemVerRange;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The one way Capstan gets a chart from a repository or registry, for the CLI and the agent alike.
 * {@link #resolve} answers "which version and digest is current" at the least cost (a Helm
 * repository: one conditional {@code index.yaml} request, none within {@code indexMaxAge}; OCI: one
 * HEAD for an exact version, a tag list and a HEAD for a range, nothing for a digest).
 * {@link #fetch} returns the verified archive, from the {@link ChartCache} when its digest is known
 * there. Thread-safe: share one per process.
 */
public final class ChartFetcher {
  private final HelmRepositoryClient repositories;
  private final OciRegistryClient registries;
  private final ChartCache cache;
  private final Duration indexMaxAge;

  public ChartFetcher(HelmRepositoryClient repositories, OciRegistryClient registries, ChartCache cache, Duration indexMaxAge) {
    this.repositories = repositories;
    this.registries = registries;
    this.cache = cache;
    this.indexMaxAge = indexMaxAge;
  }

  /** A fetcher over one transport, remembering indexes in memory, checking the index on every call. */
  public static ChartFetcher create(HttpTransport transport, ChartCache cache) {
    return new ChartFetcher(HelmRepositoryClient.inMemory(transport), new OciRegistryClient(transport), cache, Duration.ZERO);
  }

  public OciRegistryClient registries() {
    return registries;
  }

  public HelmRepositoryClient repositories() {
    return repositories;
  }

  /** The version and digest {@code source} names now, without downloading the chart. */
  public ResolvedChart resolve(ChartSource source) {
    if (source instanceof ChartSource.Repository r) {
      IndexEntry entry = entry(r);
      return new ResolvedChart(entry.name(), entry.version(), entry.digest());
    }
    return resolveOci((ChartSource.Oci) source);
  }

  /** The chart archive {@code source} names now, verified, from the cache when possible. */
  public FetchedChart fetch(ChartSource source) {
    return source instanceof ChartSource.Repository r ? fetchRepository(r) : fetchOci((ChartSource.Oci) source);
  }

  /**
   * {@link #fetch} plus {@code helm pull --verify}: the chart's provenance file (beside the archive
   * in a Helm repository, the {@link HelmMediaTypes#PROVENANCE} layer in a registry), verified by
   * {@code verifier} against the archive. A chart without one, or whose provenance does not hold, is a
   * {@link ProvenanceException} naming the chart.
   */
  public VerifiedChart fetchVerified(ChartSource source, ProvenanceVerifier verifier) {
    FetchedChart fetched = fetch(source);
    String where;
    String fileName = fetched.fileName();
    Optional<byte[]> provenance;
    if (source instanceof ChartSource.Repository r) {
      IndexEntry entry = repositories.index(r.repository(), indexMaxAge).index().resolve(r.chart(), fetched.resolved().version());
      where = entry.urls().isEmpty() ? r.describe() : r.repository().resolve(entry.urls().get(0)).toString();
      Optional<HelmRepositoryClient.Provenance> p =
          repositories.downloadProvenance(r.repository(), entry, ProvenanceVerifier.MAX_PROVENANCE_BYTES);
      if (p.isPresent()) {
        fileName = p.get().fileName();
      }
      provenance = p.map(HelmRepositoryClient.Provenance::bytes);
    } else {
      ChartSource.Oci o = (ChartSource.Oci) source;
      OciReference exact = o.reference().digest().isPresent() ? o.reference() : o.reference().withVersion(fetched.resolved().version());
      where = exact.toString();
      provenance = ociProvenance(o, fetched, where);
    }
    if (provenance.isEmpty()) {
      throw new ProvenanceException(where, ProvenanceException.Reason.MISSING,
          "the chart is not signed (no " + fileName + ".prov" + (source instanceof ChartSource.Oci ? " layer in the manifest" : "")
              + "), and --verify asks for a signed chart");
    }
    ProvenanceVerifier.Verification v = verifier.verify(fetched.archive(), fileName, provenance.get(), where);
    return new VerifiedChart(fetched, provenance.get(), v);
  }

  private Optional<byte[]> ociProvenance(ChartSource.Oci o, FetchedChart fetched, String where) {
    Digest manifestDigest = fetched.resolved().digest().orElseThrow();
    OciManifest manifest = registries.manifest(o.reference(), manifestDigest.toString(), o.credentials());
    Optional<OciManifest.Descriptor> layer = manifest.layers().stream()
        .filter(l -> HelmMediaTypes.PROVENANCE.equals(l.mediaType())).findFirst();
    if (layer.isEmpty()) {
      return Optional.empty();
    }
    if (layer.get().size() > ProvenanceVerifier.MAX_PROVENANCE_BYTES) {
      throw new ProvenanceException(where, ProvenanceException.Reason.TOO_LARGE, "the .prov layer is " + layer.get().size()
          + " bytes, more than " + ProvenanceVerifier.MAX_PROVENANCE_BYTES + " allowed");
    }
    return Optional.of(registries.blob(o.reference(), layer.get(), o.credentials()));
  }

  private IndexEntry entry(ChartSource.Repository r) {
    return repositories.index(r.repository(), indexMaxAge).index().resolve(r.chart(), r.version());
  }

  private FetchedChart fetchRepository(ChartSource.Repository r) {
    IndexEntry entry = entry(r);
    ResolvedChart resolved = new ResolvedChart(entry.name(), entry.version(), entry.digest());
    if (entry.digest().isPresent()) {
      Optional<byte[]> cached = cache.get(entry.digest().get());
      if (cached.isPresent()) {
        return new FetchedChart(resolved, entry.digest().get(), true, cached.get());
      }
    }
    HelmRepositoryClient.Downloaded d = repositories.download(r.repository(), entry);
    cache.put(d.archive(), entry.digest(), r.describe());
    return new FetchedChart(resolved, d.digest(), false, d.archive());
  }

  private ResolvedChart resolveOci(ChartSource.Oci o) {
    OciReference ref = o.reference();
    String name = ref.chartName();
    if (ref.digest().isPresent()) {
      return new ResolvedChart(name, ref.tag().map(OciReference::versionOf).orElse(""), ref.digest());
    }
    String tag = ref.tag().orElseGet(() -> tagFor(o));
    Digest digest = registries.manifestDigest(ref, tag, o.credentials()).orElseThrow(() -> new SourceException(
        ref.withVersion(OciReference.versionOf(tag)).toString(), SourceException.Reason.NOT_FOUND,
        "no chart version " + OciReference.versionOf(tag) + " in the registry"));
    return new ResolvedChart(name, OciReference.versionOf(tag), Optional.of(digest));
  }

  /** The tag for the source's version: the version itself when exact, else the newest tag in range. */
  private String tagFor(ChartSource.Oci o) {
    String version = o.version() == null ? "" : o.version().strip();
    if (!version.isEmpty() && SemVer.parse(version).isPresent() && Character.isDigit(version.charAt(0))) {
      return OciReference.tagOf(version);
    }
    SemVerRange range;
    try {
      range = SemVerRange.parse(version.isEmpty() ? "*" : version, RangeDialect.HELM_CHART_VERSIONS);
    } catch (InvalidRangeException e) {
      throw new SourceException(o.describe(), SourceException.Reason.NO_MATCHING_VERSION,
          "--version \"" + version + "\" is not a version or range: " + e.getMessage(), e);
    }
    List<String> tags = registries.tags(o.reference(), o.credentials());
    return tags.stream()
        .filter(t -> SemVer.parseLoose(OciReference.versionOf(t)).map(range::matches).orElse(false))
        .max(Comparator.comparing(t -> SemVer.parseLoose(OciReference.versionOf(t)).orElseThrow()))
        .orElseThrow(() -> new SourceException(o.describe(), SourceException.Reason.NO_MATCHING_VERSION,
            "no tag matches " + (version.isEmpty() ? "any release" : "\"" + version + "\"") + " among " + tags.size() + " tags"));
  }

  private FetchedChart fetchOci(ChartSource.Oci o) {
    OciReference ref = o.reference();
    String reference = ref.digest().map(Digest::toString).orElseGet(() -> ref.tag().orElseGet(() -> tagFor(o)));
    OciReference exact = ref.digest().isPresent() ? ref : ref.withVersion(OciReference.versionOf(reference));
    String where = exact.toString();
    OciManifest manifest = registries.manifest(ref, reference, o.credentials());
    OciManifest.Descriptor layer = manifest.chartLayer(where);
    Optional<byte[]> cached = cache.get(layer.digest());
    byte[] archive = cached.orElseGet(() -> registries.blob(ref, layer, o.credentials()));
    if (cached.isEmpty()) {
      cache.put(archive, Optional.of(layer.digest()), where);
    }
    Chart chart = ChartLoader.loadArchive(archive, where, ArchiveLimits.defaults());
    ResolvedChart resolved = new ResolvedChart(chart.metadata().name(), chart.metadata().version(), Optional.of(manifest.digest()));
    return new FetchedChart(resolved, layer.digest(), cached.isPresent(), archive);
  }
}
