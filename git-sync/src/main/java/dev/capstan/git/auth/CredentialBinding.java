package dev.capstan.git.auth;

import dev.capstan.git.source.RepoUrl;
import dev.capstan.git.source.Scheme;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The rule for whether credentials may be used for a repository at all, checked before any network
 * request: they must be bound to it ({@link CredentialScope#covers}), and a password or token never
 * crosses the network over plain {@code http://}. The one exception is a loopback host, where the
 * bytes never leave the machine (or the Pod); Flux makes the same call with an explicit opt-in, here
 * there is none for remote hosts.
 */
public final class CredentialBinding {
  private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

  private CredentialBinding() {
  }

  /** Why {@code credentials} (from {@code source}) must not be used for {@code url}, or empty when they may. */
  public static Optional<String> refusal(RepoUrl url, Credentials credentials, CredentialsRef source) {
    if (credentials instanceof Credentials.Anonymous && url.password().isEmpty()) {
      return Optional.empty();
    }
    Optional<CredentialScope> scope = credentials.scope();
    if (scope.isPresent() && !scope.get().covers(url)) {
      return Optional.of(source + ": key \"url\" binds these credentials to " + scope.get()
          + ", which does not cover " + url + " (same scheme, host and port, and a path under it)");
    }
    boolean sendsPassword = credentials instanceof Credentials.Basic || url.password().isPresent();
    if (sendsPassword && url.scheme() == Scheme.HTTP && !isLoopback(url.host())) {
      return Optional.of("refusing to send a password or token over plain http:// to " + url.host()
          + ": anyone on the path could read it; use https://");
    }
    return Optional.empty();
  }

  /** localhost, 127.0.0.0/8 or ::1, decided from the text alone (no name lookup). */
  static boolean isLoopback(String host) {
    if (host == null) {
      return false;
    }
    String h = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    if (h.equals("localhost")) {
      return true;
    }
    if (!IPV4.matcher(h).matches() && !h.contains(":")) {
      return false;
    }
    try {
      return InetAddress.getByName(h).isLoopbackAddress();
    } catch (UnknownHostException e) {
      return false;
    }
  }
}
