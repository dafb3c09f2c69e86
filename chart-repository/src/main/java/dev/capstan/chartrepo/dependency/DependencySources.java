package dev.capstan.chartrepo.dependency;

import dev.capstan.chart.source.ChartException;
import dev.capstan.chartrepo.ChartSource;
import dev.capstan.chartrepo.http.Credentials;
import dev.capstan.chartrepo.index.HelmRepository;
import dev.capstan.chartrepo.oci.OciReference;
import java.net.URI;
import java.util.function.Function;

/** The one rule for what a Chart.yaml / Chart.lock {@code repository:} names as a {@link ChartSource}. */
final class DependencySources {
  private DependencySources() {}

  /** {@code name} in {@code version} from {@code repo} (https:// or oci://); {@code where} names the entry in errors. */
  static ChartSource of(String name, String version, String repo, Function<String, Credentials> credentials, String where) {
    if (repo.startsWith("oci://")) {
      try {
        return new ChartSource.Oci(OciReference.parse(repo).child(name), credentials.apply(repo), version);
      } catch (IllegalArgumentException e) {
        throw new ChartException(where, e.getMessage());
      }
    }
    if (repo.startsWith("http://") || repo.startsWith("https://")) {
      try {
        return new ChartSource.Repository(new HelmRepository(URI.create(repo), credentials.apply(repo)), name, version);
      } catch (IllegalArgumentException e) {
        throw new ChartException(where, e.getMessage());
      }
    }
    throw new ChartException(where, "repository \"" + repo + "\" is not an https://, oci:// or file:// URL "
        + "(names from helm repo add are not known to Capstan: write the URL)");
  }
}
