/**
 * How JGit reaches a repository: credentials handed to the HTTP or SSH transport of one fetch, and
 * SSH host keys checked against the configured known_hosts ({@link
 * dev.capstan.git.transport.HostKeyProblem} names an unknown or changed key). Credentials
 * themselves are {@link dev.capstan.git.auth}'s.
 */
package dev.capstan.git.transport;
