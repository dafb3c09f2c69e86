/**
 * Release history, as Helm keeps it: a {@link dev.capstan.engine.history.ReleaseRevision} per apply
 * (number, time, status, chart, merged values, rendered manifests, Git commit, description) behind
 * the small {@link dev.capstan.engine.history.ReleaseStore} interface. The cluster driver stores each
 * revision as a gzip-compressed JSON Secret in the release namespace; the history limit (default 10)
 * is enforced in {@link dev.capstan.engine.history.HistoryLimit#enforce} alone.
 */
package dev.capstan.engine.history;
