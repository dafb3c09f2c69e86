package dev.capstan.chartrepo;

import dev.capstan.chartrepo.cache.Digest;
import java.util.Optional;

/**
 * What a source resolves to without downloading the chart: the chart version, and the digest that
 * identifies it (the archive's sha256 from {@code index.yaml}, or the OCI manifest's digest), empty
 * when the repository publishes none. Two checks that return equal values mean nothing changed.
 */
public record ResolvedChart(String name, String version, Optional<Digest> digest) {}
