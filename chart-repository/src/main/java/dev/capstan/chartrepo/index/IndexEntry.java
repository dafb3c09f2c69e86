package dev.capstan.chartrepo.index;

import dev.capstan.chartrepo.cache.Digest;
import dev.capstan.core.semver.SemVer;
import java.util.List;
import java.util.Optional;

/**
 * One chart version in a repository's {@code index.yaml}: its name, version (parsed), download URLs
 * (absolute, or relative to the repository URL), the published sha256 digest of the archive (if
 * any), appVersion and the deprecated flag.
 */
public record IndexEntry(String name, String version, SemVer semver, List<String> urls, Optional<Digest> digest,
    String appVersion, boolean deprecated) {
  public IndexEntry {
    urls = List.copyOf(urls);
  }
}
