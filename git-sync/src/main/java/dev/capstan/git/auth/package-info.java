/**
 * Credentials and host trust. {@link dev.capstan.git.auth.CredentialsRef} says where credentials
 * live (a Secret-like directory or environment variables) and loads them into a
 * {@link dev.capstan.git.auth.Credentials}; {@link dev.capstan.git.transport.TransportSetup} hands them to
 * JGit (basic auth for HTTPS, a private key through the Apache MINA SSHD transport with strict
 * known_hosts checking). {@link dev.capstan.git.auth.Redactor} masks credentials, including
 * {@code user:password@} in URLs, in everything that leaves the module.
 */
package dev.capstan.git.auth;
