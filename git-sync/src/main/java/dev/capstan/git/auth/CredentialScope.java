package dev.capstan.git.auth;

import dev.capstan.git.GitSyncException;
import dev.capstan.git.source.RepoUrl;
import dev.capstan.git.source.Scheme;
import java.net.URISyntaxException;
import java.util.Locale;
import org.eclipse.jgit.transport.URIish;

/**
 * Where a set of credentials may be used, as an Argo CD repository Secret's {@code url} says: a
 * repository URL or a URL prefix. A repository is covered when its scheme, host and port are the
 * same and its path starts with the scope's path at a {@code /} boundary; a trailing {@code .git} or
 * {@code /} is ignored on both sides. So {@code https://github.com/acme} covers
 * {@code https://github.com/acme/shop.git} but not {@code https://github.com/acme-evil/x} nor
 * {@code http://github.com/acme/shop}. The user part of either URL plays no role.
 *
 * @param scheme the transport the credentials are for
 * @param host lower-cased host
 * @param port port, or the scheme's default
 * @param pathPrefix path without trailing {@code .git} or {@code /}; "" for the whole host
 */
public record CredentialScope(Scheme scheme, String host, int port, String pathPrefix) {

  /**
   * Parses a {@code url} value; {@code where} names it in errors (the Secret and key).
   *
   * @throws GitSyncException when it is not a URL with a scheme and a host
   */
  public static CredentialScope parse(String raw, String where) {
    String text = raw == null ? "" : raw.strip();
    if (text.isEmpty()) {
      throw new GitSyncException(where, "is empty (give the repository URL or a URL prefix these credentials are for)");
    }
    URIish uri;
    try {
      uri = new URIish(text);
    } catch (URISyntaxException e) {
      throw new GitSyncException(where, "not a URL: " + Redactor.maskUrlCredentials(text));
    }
    String host = uri.getHost();
    if (host == null || host.isEmpty()) {
      throw new GitSyncException(where, "no host in " + Redactor.maskUrlCredentials(text));
    }
    Scheme scheme = uri.getScheme() == null ? Scheme.SSH : schemeOf(uri.getScheme(), text, where);
    if (scheme == Scheme.FILE) {
      throw new GitSyncException(where, "file:// needs no credentials");
    }
    return new CredentialScope(scheme, host.toLowerCase(Locale.ROOT), portOr(scheme, uri.getPort()), trim(uri.getPath()));
  }

  /** The scope a credential without a {@code url} has: its own repository's scheme, host and port. */
  public static CredentialScope originOf(RepoUrl url) {
    return new CredentialScope(url.scheme(), url.host() == null ? "" : url.host(), portOr(url.scheme(), url.port()), "");
  }

  /** Whether credentials in this scope may be used to fetch {@code url}. */
  public boolean covers(RepoUrl url) {
    if (!sameOrigin(url.scheme(), url.host(), url.port())) {
      return false;
    }
    String path = trim(url.path());
    return pathPrefix.isEmpty() || path.equals(pathPrefix) || path.startsWith(pathPrefix + "/");
  }

  /**
   * Whether a request to this scheme, host and port may carry the credentials: where a server's
   * redirect leads is checked with this, as curl does, host by host rather than path by path.
   */
  public boolean sameOrigin(Scheme otherScheme, String otherHost, int otherPort) {
    return scheme == otherScheme && otherHost != null && host.equals(otherHost.toLowerCase(Locale.ROOT))
        && port == portOr(otherScheme, otherPort);
  }

  private static Scheme schemeOf(String s, String text, String where) {
    return switch (s.toLowerCase(Locale.ROOT)) {
      case "https" -> Scheme.HTTPS;
      case "http" -> Scheme.HTTP;
      case "ssh", "git+ssh", "ssh+git" -> Scheme.SSH;
      case "git" -> Scheme.GIT;
      case "file" -> Scheme.FILE;
      default -> throw new GitSyncException(where, "unsupported scheme \"" + s + "\" in " + Redactor.maskUrlCredentials(text));
    };
  }

  private static int portOr(Scheme scheme, int port) {
    if (port > 0) {
      return port;
    }
    return switch (scheme) {
      case HTTPS -> 443;
      case HTTP -> 80;
      case SSH -> 22;
      case GIT -> 9418;
      case FILE -> -1;
    };
  }

  private static String trim(String path) {
    String p = path == null ? "" : path;
    while (p.endsWith("/")) {
      p = p.substring(0, p.length() - 1);
    }
    if (p.endsWith(".git")) {
      p = p.substring(0, p.length() - 4);
    }
    while (p.endsWith("/")) {
      p = p.substring(0, p.length() - 1);
    }
    if (!p.isEmpty() && !p.startsWith("/")) {
      p = "/" + p;
    }
    return p;
  }

  @Override
  public String toString() {
    return scheme.name().toLowerCase(Locale.ROOT) + "://" + host + ":" + port + pathPrefix;
  }
}
