/**
 * What a user asks Capstan to follow. {@link dev.capstan.git.source.RepoUrl} parses and normalises
 * {@code https://}, {@code http://} (accepted with a warning), {@code ssh://}, scp-like
 * {@code git@host:org/repo.git}, {@code git://} and {@code file://} URLs with JGit's URIish, takes any
 * embedded password out of the URL, and gives the cache key under which two spellings of one
 * repository share one local copy. {@link dev.capstan.git.source.GitSource} adds the ref, folder,
 * credentials reference and verification policy.
 */
package dev.capstan.git.source;
