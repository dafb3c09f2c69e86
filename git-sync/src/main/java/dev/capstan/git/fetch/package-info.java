/**
 * Bringing a source up to date. {@link dev.capstan.git.fetch.Fetcher#fetch} returns a
 * {@link dev.capstan.git.fetch.FetchResult}: a {@link dev.capstan.git.fetch.GitRevision} (SHA, author,
 * committer, time, subject, signature status) with how it moved ({@link dev.capstan.git.fetch.RevisionMove}),
 * or a typed {@link dev.capstan.git.fetch.FetchFailure} with the last good revision, which stays
 * readable in the cache. The no-change check is the server's ref advertisement alone; only a moved
 * ref is fetched, shallow the first time and incrementally after.
 */
package dev.capstan.git.fetch;
