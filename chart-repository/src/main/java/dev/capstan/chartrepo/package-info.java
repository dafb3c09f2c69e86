/**
 * Charts from where teams keep them outside Git: Helm HTTP repositories and OCI registries. The API
 * other modules use (the CLI, the agent):
 *
 * <ul>
 *   <li>{@link dev.capstan.chartrepo.ChartSource}: a chart in a repository
 *       ({@code ChartSource.Repository(HelmRepository, chart, version)}) or a registry
 *       ({@code ChartSource.Oci(OciReference, Credentials, version)}); {@code version} is exact, a
 *       SemVer range ({@code ^1.2}) or empty for the newest release (pre-releases only when the range
 *       names one, as in Helm).</li>
 *   <li>{@link dev.capstan.chartrepo.ChartFetcher}: {@code resolve(source)} → {@link
 *       dev.capstan.chartrepo.ResolvedChart} (name, version, digest) at the least cost, for polling: an
 *       unchanged Helm repository costs one conditional {@code index.yaml} request (ETag), none within
 *       the fetcher's {@code indexMaxAge}, and concurrent callers share it; an OCI exact version costs
 *       one HEAD. {@code fetch(source)} → {@link dev.capstan.chartrepo.FetchedChart} (the verified
 *       archive, {@code load()} gives the {@code Chart}), from the cache when the digest is known.</li>
 *   <li>{@code fetchVerified(source, verifier)} → {@link dev.capstan.chartrepo.VerifiedChart}: the
 *       chart whose provenance ({@code .prov} beside it in a repository, a layer in a registry) holds
 *       under a {@link dev.capstan.chartrepo.provenance.ProvenanceVerifier} (keys from a file or from
 *       bytes: {@link dev.capstan.chartrepo.provenance.PublicKeyring#read}, e.g. a Secret's); else a
 *       {@link dev.capstan.chartrepo.provenance.ProvenanceException} with a {@code reason()}.</li>
 *   <li>{@link dev.capstan.chartrepo.ChartPusher}: {@code helm push} (the chart under
 *       {@code oci://host/path/NAME:VERSION}, Helm's media types).</li>
 *   <li>{@link dev.capstan.chartrepo.dependency.DependencyManager}: {@code dependency update/build}
 *       (charts/*.tgz and a Helm-compatible {@code Chart.lock}); {@link
 *       dev.capstan.chartrepo.dependency.LockedDependencies#complete}: for a chart from Git that carries
 *       only {@code Chart.lock}, its {@code ChartFiles} plus the locked archives, fetched through the
 *       cache, nothing written to disk (give the result to {@code ChartLoader.load(files, name)}).</li>
 *   <li>{@link dev.capstan.chartrepo.cache.ChartCache}: archives by sha256, verified on write and read,
 *       safe across threads and processes ({@code ChartCache.userDefault()} is
 *       {@code ~/.cache/capstan/charts}).</li>
 *   <li>{@link dev.capstan.chartrepo.oci.RegistryConfigFile}: Helm's registry login file
 *       ({@code helm registry login}), read and written the way Helm does.</li>
 *   <li>{@link dev.capstan.chartrepo.http.TransportOptions} (Helm's {@code --ca-file},
 *       {@code --insecure-skip-tls-verify}, {@code --plain-http}, size caps) and
 *       {@link dev.capstan.chartrepo.http.Credentials} (basic, bearer; sent only to the repository's
 *       or registry's own origin).</li>
 * </ul>
 *
 * Every failure is a {@link dev.capstan.chartrepo.http.SourceException}: one line starting with the
 * source, with a {@code reason()} (unreachable, unauthorized, not found, no matching version, digest
 * mismatch, malformed, too large) the agent can map to Stalled or Degraded.
 */
package dev.capstan.chartrepo;
