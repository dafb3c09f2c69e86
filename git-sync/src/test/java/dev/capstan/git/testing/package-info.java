/**
 * Real Git peers for tests, here and in other modules (shipped in git-sync's test jar):
 * {@link dev.capstan.git.testing.Upstream} (a bare repository and a work clone driven by the git
 * command line), {@link dev.capstan.git.testing.GitDaemon} ({@code git daemon} on 127.0.0.1),
 * {@link dev.capstan.git.testing.HttpGitServer} (JGit's GitServlet in Jetty with basic auth, counting
 * requests and packs) and {@link dev.capstan.git.testing.SshGitServer} (Apache MINA SSHD running
 * JGit's upload-pack). Every server listens on loopback only and picks its own port.
 */
package dev.capstan.git.testing;
