package dev.capstan.git.transport;

import java.nio.file.Path;

/**
 * Why an SSH server's host key was refused.
 *
 * @param host the host as written in the URL
 * @param port the port connected to
 * @param kind unknown host, changed key, or revoked key
 * @param fingerprint SHA-256 fingerprint of the key the server presented
 * @param knownHosts the known_hosts file that was consulted
 */
public record HostKeyProblem(String host, int port, Kind kind, String fingerprint, Path knownHosts) {

  public enum Kind { UNKNOWN_HOST, KEY_CHANGED, KEY_REVOKED }

  public String message() {
    String target = port == 22 ? host : "[" + host + "]:" + port;
    return switch (kind) {
      case UNKNOWN_HOST -> "host key of " + target + " (" + fingerprint + ") is not in " + knownHosts
          + "; add the server's key to known_hosts after checking it out of band";
      case KEY_CHANGED -> "host key of " + target + " changed (server presented " + fingerprint
          + ", " + knownHosts + " lists a different key); refusing to connect: the server may be impersonated";
      case KEY_REVOKED -> "host key of " + target + " (" + fingerprint + ") is marked @revoked in " + knownHosts;
    };
  }
}
