/**
 * From what a user wrote in {@code ref} to one advertised ref: {@link dev.capstan.git.resolve.RefQuery}
 * classifies the text (branch or tag name, full ref, commit SHA, semver range) and says which ref
 * prefixes to ask the server for; {@link dev.capstan.git.resolve.RefResolver} picks the ref from the
 * server's advertisement, the highest matching tag for a semver range
 * ({@link dev.capstan.core.semver.SemVerRange} in its {@code GIT_TAGS} reading).
 */
package dev.capstan.git.resolve;
