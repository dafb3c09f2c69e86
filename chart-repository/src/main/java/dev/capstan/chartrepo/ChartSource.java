package dev.capstan.chartrepo;

import dev.capstan.chartrepo.http.Credentials;
import dev.capstan.chartrepo.index.HelmRepository;
import dev.capstan.chartrepo.oci.OciReference;

/**
 * Where a chart comes from, outside Git: a chart in a Helm HTTP repository, or a chart in an OCI
 * registry. {@code version} is an exact version, a SemVer range ({@code ^1.2}, {@code >=1.0 <2})
 * or empty for the newest release; an OCI reference may instead pin a tag or a digest.
 */
public sealed interface ChartSource {
  /** Names the source in messages, without credentials. */
  String describe();

  /** {@code chart} from the Helm repository {@code repository}, in {@code version} (exact or range). */
  record Repository(HelmRepository repository, String chart, String version) implements ChartSource {
    @Override
    public String describe() {
      return repository.url() + " " + chart + (version == null || version.isBlank() ? "" : " " + version);
    }
  }

  /**
   * The chart at {@code reference}: its tag or digest if it names one, else {@code version} (exact or
   * range) among the repository's tags.
   */
  record Oci(OciReference reference, Credentials credentials, String version) implements ChartSource {
    @Override
    public String describe() {
      return reference + (version == null || version.isBlank() || reference.tag().isPresent() || reference.digest().isPresent()
          ? "" : " " + version);
    }
  }
}
