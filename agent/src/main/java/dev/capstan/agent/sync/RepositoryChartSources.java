package dev.capstan.agent.sync;

import dev.capstan.agent.application.Application;
import dev.capstan.agent.application.ApplicationException;
import dev.capstan.agent.application.ApplicationValidator;
import dev.capstan.agent.application.Source;
import dev.capstan.chart.Chart;
import dev.capstan.chartrepo.ChartFetcher;
import dev.capstan.chartrepo.ChartSource;
import dev.capstan.chartrepo.ResolvedChart;
import dev.capstan.chartrepo.cache.ChartCache;
import dev.capstan.chartrepo.http.Credentials;
import dev.capstan.chartrepo.http.HttpTransport;
import dev.capstan.chartrepo.http.TransportOptions;
import dev.capstan.chartrepo.index.HelmRepository;
import dev.capstan.chartrepo.index.IndexEntry;
import dev.capstan.chartrepo.oci.OciReference;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Chart sources through the chart-repository module's {@link ChartFetcher}, shared by every
 * application of the agent: one index per Helm repository (concurrent and recent requests share it),
 * archives in one content-addressed cache. Credentials follow the rules of Git sources:
 * {@code secretRef} names a folder under the agent's credentials directory (a mounted Secret) holding
 * {@code username} and {@code password}, or {@code token} (a bearer token), and optionally
 * {@code ca.crt}, the PEM certificates to trust instead of the JDK's roots (Helm's {@code --ca-file}).
 * Each trust setting (the JDK's roots, a CA file, plain HTTP for {@code insecure} registries) has its
 * own fetcher, made once.
 */
public final class RepositoryChartSources implements ChartSources {
  /** The key of a mounted Secret holding the CA to trust, as Kubernetes names TLS Secrets' CA. */
  static final String CA_KEY = "ca.crt";

  private final ChartCache cache;
  private final Path credentialsDir;
  private final Map<Optional<Path>, ChartFetcher> byTrust = new ConcurrentHashMap<>();
  private final ChartFetcher plainHttp;

  public RepositoryChartSources(ChartCache cache, Path credentialsDir) {
    this.cache = cache;
    this.credentialsDir = credentialsDir;
    this.plainHttp = ChartFetcher.create(HttpTransport.create(TransportOptions.defaults().withPlainHttp(true)), cache);
  }

  @Override
  public ResolvedChart resolve(Application app, Source source, Duration maxAge) {
    ChartSource chart = chartSource(source, source.ref());
    if (chart instanceof ChartSource.Repository r) {
      IndexEntry entry = fetcher(source).repositories().index(r.repository(), maxAge).index().resolve(r.chart(), r.version());
      return new ResolvedChart(entry.name(), entry.version(), entry.digest());
    }
    return fetcher(source).resolve(chart);
  }

  @Override
  public Chart load(Application app, Source source, ResolvedChart resolved) {
    ChartSource chart = chartSource(source, resolved.version());
    if (chart instanceof ChartSource.Oci o && resolved.digest().isPresent()) {
      // Pinned to the digest the pass resolved, so what is rendered is what the status names.
      OciReference ref = o.reference();
      chart = new ChartSource.Oci(new OciReference(ref.registry(), ref.repository(), Optional.empty(), resolved.digest()),
          o.credentials(), resolved.version());
    }
    return fetcher(source).fetch(chart).load();
  }

  private ChartFetcher fetcher(Source source) {
    if (source.isInsecure()) {
      return plainHttp;
    }
    Optional<Path> ca = secretFolder(source).map(dir -> dir.resolve(CA_KEY)).filter(Files::isRegularFile);
    return byTrust.computeIfAbsent(ca, file -> ChartFetcher.create(
        HttpTransport.create(file.map(TransportOptions.defaults()::withCaFile).orElse(TransportOptions.defaults())), cache));
  }

  private Optional<Path> secretFolder(Source source) {
    String secretRef = source.secretRef();
    if (secretRef == null || secretRef.isBlank()) {
      return Optional.empty();
    }
    if (!ApplicationValidator.isObjectName(secretRef)) {
      throw new ApplicationException("spec.source.secretRef", "must name a Secret, got \"" + secretRef + "\"");
    }
    return Optional.of(credentialsDir.resolve(secretRef));
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

  private ChartSource chartSource(Source source, String version) {
    return chartSource(source, version, credentials(source));
  }

  private Credentials credentials(Source source) {
    Optional<Path> folder = secretFolder(source);
    if (folder.isEmpty()) {
      return Credentials.NONE;
    }
    Path dir = folder.get();
    Optional<String> token = read(dir, "token");
    Optional<String> password = read(dir, "password");
    if (password.isPresent()) {
      return Credentials.basic(read(dir, "username").orElse(""), password.get());
    }
    if (token.isPresent()) {
      return Credentials.bearer(token.get());
    }
    if (Files.isRegularFile(dir.resolve(CA_KEY))) {
      return Credentials.NONE; // only a CA to trust
    }
    throw new ApplicationException("spec.source.secretRef", "Secret " + source.secretRef() + " holds no username/password, token or "
        + CA_KEY);
  }

  private static Optional<String> read(Path dir, String key) {
    Path file = dir.resolve(key);
    if (!Files.isRegularFile(file)) {
      return Optional.empty();
    }
    try {
      return Optional.of(Files.readString(file).strip());
    } catch (IOException e) {
      throw new ApplicationException("spec.source.secretRef", "cannot read " + key + " of " + dir.getFileName() + ": " + e.getMessage());
    }
  }
}
