package dev.capstan.core.semver;

/**
 * The two readings of one range grammar that Capstan's callers rely on. They agree on every fully
 * written version; they differ on what an unwritten minor or patch means and on pre-releases.
 */
public enum RangeDialect {
  /**
   * Helm charts (Masterminds/semver, as {@code kubeVersion}, dependency versions and
   * {@code semverCompare} are read). A missing part is a wildcard: {@code >1.2} is {@code >=1.3.0},
   * {@code <=1.2} is {@code <1.3.0}, {@code ^0} is {@code <1.0.0}. Pre-release versions are ordered by
   * precedence and match like any other version (more lenient than Helm, which needs a {@code -0} bound).
   */
  HELM,
  /**
   * Git tag ranges ({@code ref: ">=1.2 <2"}). A missing part is 0 in {@code >}, {@code <=} and {@code ^}
   * ({@code >1.2} is {@code >1.2.0}, {@code ^0.x} is {@code ^0.0.0}) but a wildcard in {@code =} and
   * {@code ~}; a wildcard alone ({@code *}, {@code >x}) matches every version with any operator but
   * {@code !=}. A pre-release tag matches only when the range names a pre-release itself, as in npm
   * and Flux, so {@code >=1.2} never picks {@code 1.5.0-rc.1}.
   */
  GIT_TAGS,
  /**
   * Chart versions in a Helm repository or OCI registry ({@code helm pull --version}, dependency
   * resolution): {@link #HELM}'s wildcards, but, as Masterminds/semver resolves them, a pre-release
   * matches only when the range names a pre-release itself ({@code >=2.0.0-0}), so {@code ^1.0} or an
   * empty range never picks {@code 2.0.0-rc.1}.
   */
  HELM_CHART_VERSIONS;

  boolean missingPartsAreWildcards() {
    return this == HELM || this == HELM_CHART_VERSIONS;
  }

  boolean preReleasesOnlyWhenNamed() {
    return this == GIT_TAGS || this == HELM_CHART_VERSIONS;
  }
}
