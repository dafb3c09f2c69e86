package dev.capstan.agent.fleet;

import io.fabric8.kubernetes.client.KubernetesClientException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.net.http.HttpTimeoutException;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.SSLException;

/**
 * What a failed call to a cluster says about the cluster, as one word for the {@code
 * ClusterUnreachable} condition's reason and a message. Credentials never appear: only the status
 * code or the network error's kind and text.
 */
public record Reachability(boolean up, String reason, String message, String version) {
  public static Reachability up(String version) {
    return new Reachability(true, "Reachable", "version " + version, version);
  }

  /**
   * Asks {@code client}'s API server for its version now, as the agent's probe does; {@code capstan
   * cluster add} checks a cluster this way before registering it.
   */
  public static Reachability check(io.fabric8.kubernetes.client.KubernetesClient client) {
    try {
      return up(client.getKubernetesVersion().getGitVersion());
    } catch (RuntimeException e) {
      return of(e);
    }
  }

  static Reachability timedOut(long millis) {
    return new Reachability(false, "Timeout", "no answer within " + millis + " ms", null);
  }

  public static Reachability of(Throwable failure) {
    if (failure instanceof KubernetesClientException k && k.getCode() == 401) {
      return new Reachability(false, "Unauthorized", "the API server refused the credentials (401: expired or revoked token, "
          + "or a certificate it does not trust)", null);
    }
    if (failure instanceof KubernetesClientException k && k.getCode() == 403) {
      return new Reachability(false, "Forbidden", "the credentials may not read /version (403)", null);
    }
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof TimeoutException || t instanceof HttpTimeoutException || t instanceof java.net.SocketTimeoutException) {
        return new Reachability(false, "Timeout", "no answer: " + ClusterConfigs.firstLine(t.getMessage()), null);
      }
      if (t instanceof ConnectException) {
        return new Reachability(false, "ConnectionRefused", "cannot connect: " + ClusterConfigs.firstLine(t.getMessage()), null);
      }
      if (t instanceof UnknownHostException) {
        return new Reachability(false, "UnknownHost", "unknown host " + ClusterConfigs.firstLine(t.getMessage()), null);
      }
      if (t instanceof SSLException) {
        return new Reachability(false, "TLSError", "TLS failed (wrong CA?): " + ClusterConfigs.firstLine(t.getMessage()), null);
      }
    }
    Throwable root = failure;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return new Reachability(false, "Unreachable", root.getClass().getSimpleName() + ": " + ClusterConfigs.firstLine(root.getMessage()), null);
  }
}
