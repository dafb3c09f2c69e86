/**
 * Helm HTTP repositories: {@link dev.capstan.chartrepo.index.HelmRepository} (URL and credentials),
 * {@link dev.capstan.chartrepo.index.IndexReader} ({@code index.yaml} with Jackson YAML),
 * {@link dev.capstan.chartrepo.index.RepositoryIndex#resolve} (Helm's SemVer range rule, core's
 * semver) and {@link dev.capstan.chartrepo.index.HelmRepositoryClient} (ETag-conditional index
 * fetches shared between callers, digest-checked downloads).
 */
package dev.capstan.chartrepo.index;
