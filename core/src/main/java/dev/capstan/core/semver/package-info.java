/**
 * Semantic versions and version ranges, shared by every module that compares versions: chart-renderer
 * (Chart.yaml {@code version}, {@code kubeVersion}, dependency versions, Sprig's {@code semverCompare})
 * and git-sync (a source whose {@code ref} is a range over tags).
 *
 * <p>{@link dev.capstan.core.semver.SemVer} is a version ordered by SemVer 2.0 precedence, read
 * strictly, loosely (a {@code v}, missing minor/patch) or as a tag (a {@code v}, all three numbers).
 * {@link dev.capstan.core.semver.SemVerRange} is one grammar (Masterminds/semver, which Helm uses:
 * {@code ||}, spaces or commas, {@code = != > < >= <= ~ ~> ^}, wildcards, hyphen ranges) read in one
 * of two {@link dev.capstan.core.semver.RangeDialect}s, because charts and Git tags were given
 * different meanings for {@code >1.2} and for pre-releases, and users of each rely on theirs.
 * A range that does not parse throws {@link dev.capstan.core.semver.InvalidRangeException}, which
 * names the term; callers add their own place.
 */
package dev.capstan.core.semver;
