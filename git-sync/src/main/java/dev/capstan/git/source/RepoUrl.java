package dev.capstan.git.source;

import dev.capstan.core.Secret;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;
import org.eclipse.jgit.transport.URIish;

/**
 * A repository URL, normalised. Parsing is JGit's {@link URIish}, so the scp-like form
 * {@code git@host:org/repo.git} is understood and becomes {@code ssh://git@host/org/repo.git}.
 * A password embedded in the URL is taken out: it is kept as a {@link Secret} and never appears in
 * {@link #toString()} or in {@link #transportUrl()}.
 *
 * @param scheme the transport
 * @param user user name from the URL, or null
 * @param host lower-cased host, or null for {@code file://}
 * @param port port, or -1 for the scheme's default
 * @param path repository path as written (leading slash for absolute forms)
 * @param embeddedPassword password or token found in the URL, or null
 */
public record RepoUrl(
    Scheme scheme, String user, String host, int port, String path, Secret embeddedPassword) {

  /** Parses what a user wrote in {@code repoURL}. */
  public static RepoUrl parse(String raw) {
    if (raw == null || raw.isBlank()) {
      throw new InvalidSourceException("repoURL", "is empty");
    }
    URIish uri;
    try {
      uri = new URIish(raw.trim());
    } catch (URISyntaxException e) {
      throw new InvalidSourceException("repoURL", "not a Git URL: " + mask(raw));
    }
    Scheme scheme = schemeOf(uri, raw);
    String path = uri.getPath();
    if (path == null || path.isEmpty() || path.equals("/")) {
      throw new InvalidSourceException("repoURL", "no repository path in " + mask(raw));
    }
    String host = uri.getHost() == null ? null : uri.getHost().toLowerCase(Locale.ROOT);
    if (scheme != Scheme.FILE && (host == null || host.isEmpty())) {
      throw new InvalidSourceException("repoURL", "no host in " + mask(raw));
    }
    if (scheme == Scheme.SSH && !path.startsWith("/") && !path.startsWith("~")) {
      path = "/" + path;
    }
    Secret password = uri.getPass() == null ? null : Secret.of(uri.getPass());
    return new RepoUrl(scheme, uri.getUser(), host, uri.getPort(), path, password);
  }

  private static Scheme schemeOf(URIish uri, String raw) {
    String s = uri.getScheme();
    if (s == null) {
      return uri.getHost() == null ? Scheme.FILE : Scheme.SSH;
    }
    switch (s.toLowerCase(Locale.ROOT)) {
      case "https": return Scheme.HTTPS;
      case "http": return Scheme.HTTP;
      case "ssh": case "git+ssh": case "ssh+git": return Scheme.SSH;
      case "git": return Scheme.GIT;
      case "file": return Scheme.FILE;
      default:
        throw new InvalidSourceException("repoURL", "unsupported scheme \"" + s + "\" in " + mask(raw)
            + " (use https, http, ssh, git or file)");
    }
  }

  /** The URL handed to JGit: no password, scp-like form expanded. */
  public String transportUrl() {
    return render(true);
  }

  /**
   * Identity of the repository for the cache: scheme, host, port and path with the trailing
   * {@code .git} and slash removed, no user. Two spellings of one repository share one cache entry.
   */
  public String cacheKey() {
    String p = path;
    while (p.endsWith("/")) {
      p = p.substring(0, p.length() - 1);
    }
    if (p.endsWith(".git")) {
      p = p.substring(0, p.length() - 4);
    }
    return scheme.name().toLowerCase(Locale.ROOT) + "://" + (host == null ? "" : host)
        + (port > 0 ? ":" + port : "") + p;
  }

  /** A warning to show the user when the transport is not encrypted, else empty. */
  public Optional<String> insecureTransportWarning() {
    if (scheme.encryptedOrLocal()) {
      return Optional.empty();
    }
    return Optional.of(this + ": " + scheme.name().toLowerCase(Locale.ROOT)
        + ":// is not encrypted; content and credentials can be read or changed in transit");
  }

  public Optional<Secret> password() {
    return Optional.ofNullable(embeddedPassword);
  }

  private String render(boolean withUser) {
    if (scheme == Scheme.FILE) {
      return "file://" + path;
    }
    StringBuilder b = new StringBuilder(scheme.name().toLowerCase(Locale.ROOT)).append("://");
    if (withUser && user != null) {
      b.append(user).append('@');
    }
    b.append(host.contains(":") ? "[" + host + "]" : host);
    if (port > 0) {
      b.append(':').append(port);
    }
    return b.append(path).toString();
  }

  /** The URL as shown in logs and errors: user kept, password never. */
  @Override
  public String toString() {
    return render(true);
  }

  private static String mask(String raw) {
    return dev.capstan.git.auth.Redactor.maskUrlCredentials(raw);
  }
}
