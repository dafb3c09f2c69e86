/**
 * How Capstan learns the desired state from Git. One package per concept: {@code source} (what to
 * follow), {@code auth} (credentials and host keys), {@code cache} (one bare repository per URL on
 * disk), {@code fetch} (bring one ref up to date and say what happened), {@code resolve} (branch, tag,
 * SHA or semver range to a commit), {@code read} (a folder at a commit, without a work tree),
 * {@code changes} (which paths moved between two commits) and {@code verify} (who signed a commit).
 * The entry point is {@link dev.capstan.git.fetch.Fetcher}.
 */
package dev.capstan.git;
