package dev.capstan.agent.sync;

import dev.capstan.agent.application.Application;
import dev.capstan.agent.application.ApplicationException;
import dev.capstan.agent.application.Source;
import dev.capstan.chart.Chart;
import dev.capstan.chart.source.ChartFiles;
import dev.capstan.chartrepo.ChartFetcher;
import dev.capstan.chartrepo.ChartSource;
import dev.capstan.chartrepo.ResolvedChart;
import dev.capstan.chartrepo.VerifiedChart;
import dev.capstan.chartrepo.cache.ChartCache;
import dev.capstan.chartrepo.cache.Digest;
import dev.capstan.chartrepo.dependency.LockedDependencies;
import dev.capstan.chartrepo.http.Credentials;
import dev.capstan.chartrepo.http.HttpTransport;
import dev.capstan.chartrepo.http.TransportOptions;
import dev.capstan.chartrepo.index.HelmRepository;
import dev.capstan.chartrepo.index.IndexEntry;
import dev.capstan.chartrepo.oci.OciReference;
import dev.capstan.chartrepo.provenance.ProvenanceException;
import dev.capstan.chartrepo.provenance.ProvenanceVerifier;
import dev.capstan.chartrepo.provenance.ProvenanceVerifier.Verification;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Chart sources through the chart-repository module's {@link ChartFetcher}, shared by every
 * application of the agent: one index per Helm repository (concurrent and recent requests share it),
 * archives in one content-addressed cache. Credentials follow the rules of Git sources
 * ({@link ChartCredentials}): {@code secretRef} names a Secret ({@link SourceSecrets}) holding
 * {@code url}, {@code username} and {@code password}, or {@code token} (a bearer token), and optionally
 * {@code ca.crt}, the PEM certificates to trust instead of the JDK's roots (Helm's {@code --ca-file}).
 * Each trust setting (the JDK's roots, a CA file, plain HTTP for {@code insecure} registries) has its
 * own fetcher, made once. A source with {@code verify} is checked against its provenance
 * ({@link ChartProvenance}) when a pass resolves it and again, on the very bytes, when it is loaded.
 */
public final class RepositoryChartSources implements ChartSources {
  private final ChartCache cache;
  private final ChartCredentials secrets;
  private final Path caDir;
  private final Map<Optional<Path>, ChartFetcher> byTrust = new ConcurrentHashMap<>();
  private final ChartFetcher plainHttp;
  private final ChartProvenance provenance;

  /**
   * @param secrets where {@code secretRef} is read
   * @param caDir where CA certificates from Secrets are kept as files for TLS, named by content (a CA is public)
   */
  public RepositoryChartSources(ChartCache cache, SourceSecrets secrets, Path caDir) {
    this.cache = cache;
    this.secrets = new ChartCredentials(secrets);
    this.provenance = new ChartProvenance(secrets);
    this.caDir = caDir;
    this.plainHttp = ChartFetcher.create(HttpTransport.create(TransportOptions.defaults().withPlainHttp(true)), cache);
  }

  @Override
  public ResolvedChart resolve(Application app, Source source, Duration maxAge) {
    ChartCredentials.Keys keys = secrets.of(app, source);
    ChartSource chart = chartSource(source, source.ref(), keys.credentials());
    if (chart instanceof ChartSource.Repository r) {
      IndexEntry entry = fetcher(source, keys).repositories().index(r.repository(), maxAge).index().resolve(r.chart(), r.version());
      return new ResolvedChart(entry.name(), entry.version(), entry.digest());
    }
    return fetcher(source, keys).resolve(chart);
  }

  @Override
  public Verification verify(Application app, Source source, ResolvedChart resolved) {
    return provenance.verify(app, source, resolved, verifier -> fetchVerified(app, source, resolved, verifier));
  }

  /** The chart; with {@code verify}, from the bytes just verified, whatever the cache or an earlier check saw. */
  @Override
  public Chart load(Application app, Source source, ResolvedChart resolved) {
    if (source.verifiesProvenance()) {
      return fetchVerified(app, source, resolved, provenance.trusted(app, source).verifier()).chart().load();
    }
    ChartCredentials.Keys keys = secrets.of(app, source);
    return fetcher(source, keys).fetch(pinned(source, resolved, keys)).load();
  }

  /**
   * {@link LockedDependencies}: archives through the shared cache, each verified against its index
   * digest or OCI manifest; credentials per repository from {@link ChartCredentials#forDependency}.
   */
  @Override
  public ChartFiles withLockedDependencies(Application app, Source source, ChartFiles files, String chart) {
    ChartFetcher fetcher = source.isInsecure() ? plainHttp : fetcher(source, ChartCredentials.Keys.NONE);
    return new LockedDependencies(fetcher, repository -> secrets.forDependency(app, source, repository)).complete(files, chart);
  }

  /**
   * The chart and its provenance, verified, and still the revision the pass resolved: a Helm
   * repository's index may have moved since (an OCI source is pinned to the manifest's digest).
   */
  private VerifiedChart fetchVerified(Application app, Source source, ResolvedChart resolved, ProvenanceVerifier verifier) {
    ChartCredentials.Keys keys = secrets.of(app, source);
    ChartSource chart = pinned(source, resolved, keys);
    VerifiedChart verified = fetcher(source, keys).fetchVerified(chart, verifier);
    Optional<Digest> now = verified.chart().resolved().digest();
    if (!now.equals(resolved.digest())) {
      throw new ProvenanceException(chart.describe(), ProvenanceException.Reason.DIGEST_MISMATCH, "the chart is now "
          + now.map(Object::toString).orElse("without a digest") + ", not " + resolved.digest().map(Object::toString).orElse("")
          + " as resolved (the repository changed meanwhile)");
    }
    return verified;
  }

  /**
   * The source at the version the pass resolved; an OCI chart pinned to its digest, so what is rendered
   * is what the status names (and errors name the version beside the digest).
   */
  private static ChartSource pinned(Source source, ResolvedChart resolved, ChartCredentials.Keys keys) {
    ChartSource chart = chartSource(source, resolved.version(), keys.credentials());
    if (chart instanceof ChartSource.Oci o && resolved.digest().isPresent()) {
      OciReference ref = o.reference();
      Optional<String> tag = resolved.version().isBlank() ? Optional.empty() : Optional.of(OciReference.tagOf(resolved.version()));
      chart = new ChartSource.Oci(new OciReference(ref.registry(), ref.repository(), tag, resolved.digest()),
          o.credentials(), resolved.version());
    }
    return chart;
  }

  private ChartFetcher fetcher(Source source, ChartCredentials.Keys keys) {
    if (source.isInsecure()) {
      return plainHttp;
    }
    Optional<Path> caFile = keys.ca().map(this::caFile);
    return byTrust.computeIfAbsent(caFile, file -> ChartFetcher.create(
        HttpTransport.create(file.map(TransportOptions.defaults()::withCaFile).orElse(TransportOptions.defaults())), cache));
  }

  /**
   * The CA as a file the transport can read, named by its content: a rotated CA is a new file and a
   * new fetcher, an unchanged one reuses both.
   */
  private Path caFile(byte[] pem) {
    Path file = caDir.resolve(Digest.of(pem).hex() + ".pem");
    try {
      if (!Files.exists(file)) {
        Files.createDirectories(caDir);
        Path tmp = Files.createTempFile(caDir, "ca", ".tmp");
        Files.write(tmp, pem);
        Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      }
      return file;
    } catch (IOException e) {
      throw new ApplicationException("spec.source.secretRef", "cannot keep " + ChartCredentials.CA_KEY + " for TLS: " + e.getMessage(), e);
    }
  }

  /** The source as the chart-repository module names it; {@code version} exact or a range. */
  static ChartSource chartSource(Source source, String version, Credentials credentials) {
    String url = source.repoURL().strip();
    if (url.startsWith("oci://")) {
      OciReference ref = OciReference.parse(url);
      if (source.chart() != null && !source.chart().isBlank()) {
        ref = ref.child(source.chart());
      }
      return new ChartSource.Oci(ref, credentials, version);
    }
    return new ChartSource.Repository(HelmRepository.of(url).withCredentials(credentials), source.chart(), version);
  }
}
