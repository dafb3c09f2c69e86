package dev.capstan.agent.application;

import dev.capstan.chartrepo.oci.OciReference;
import dev.capstan.core.semver.InvalidRangeException;
import dev.capstan.core.semver.RangeDialect;
import dev.capstan.core.semver.SemVer;
import dev.capstan.core.semver.SemVerRange;
import java.net.URI;
import java.util.List;

/**
 * The checks of a chart source (a Helm repository with {@code chart}, or {@code oci://}): the URL, the
 * version or range in {@code ref}, and the fields that only a Git folder has. Part of
 * {@link ApplicationValidator}.
 */
final class ChartSourceFields {
  private ChartSourceFields() {}

  static void check(Source source, String field, List<Violation> out) {
    String url = source.repoURL() == null ? "" : source.repoURL().strip();
    if (url.startsWith("oci://")) {
      try {
        OciReference ref = OciReference.parse(url);
        if (source.chart() != null && !source.chart().isBlank()) {
          ref.child(source.chart());
        }
      } catch (IllegalArgumentException e) {
        out.add(new Violation(field + ".repoURL", e.getMessage()));
      }
    } else if (!url.isEmpty()) {
      if (!url.startsWith("https://") && !url.startsWith("http://")) {
        out.add(new Violation(field + ".repoURL", "a Helm repository is an https:// or http:// URL (or use oci://), got \"" + url + "\""));
      } else if (!validUri(url)) {
        out.add(new Violation(field + ".repoURL", "\"" + url + "\" is not a valid URL"));
      }
      if (source.isInsecure()) {
        out.add(new Violation(field + ".insecure", "applies to oci:// registries; a Helm repository's scheme says https:// or http://"));
      }
    }
    checkVersion(source.ref(), field + ".ref", out);
    if (source.path() != null && !source.path().isBlank()) {
      out.add(new Violation(field + ".path", "a chart from a repository or registry has no folder; remove path"));
    }
    if (source.directory() != null) {
      out.add(new Violation(field + ".directory", "a chart from a repository or registry is not a folder of manifests"));
    }
    for (int i = 0; i < source.valuesFilesOrEmpty().size(); i++) {
      String file = source.valuesFilesOrEmpty().get(i);
      if (file != null && !file.startsWith("$")) {
        out.add(new Violation(field + ".valuesFiles[" + i + "]", "files of a chart from a repository are not read as values; "
            + "name a file of a Git source as $name/path, or use values or valuesFrom"));
      }
    }
  }

  /** An exact version, a SemVer range as Helm reads {@code --version}, or empty for the newest release. */
  private static void checkVersion(String ref, String field, List<Violation> out) {
    if (ref == null || ref.isBlank() || SemVer.parse(ref.strip()).isPresent()) {
      return;
    }
    try {
      SemVerRange.parse(ref.strip(), RangeDialect.HELM_CHART_VERSIONS);
    } catch (InvalidRangeException e) {
      out.add(new Violation(field, "\"" + ref + "\" is not a chart version or SemVer range: " + e.getMessage()));
    }
  }

  private static boolean validUri(String url) {
    try {
      URI uri = new URI(url);
      return uri.getHost() != null;
    } catch (java.net.URISyntaxException e) {
      return false;
    }
  }
}
