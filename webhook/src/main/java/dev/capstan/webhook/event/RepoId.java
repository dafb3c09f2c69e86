package dev.capstan.webhook.event;

import dev.capstan.webhook.WebhookException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A repository named independently of how it is cloned: {@code host/owner/name}, lower-case, with
 * no scheme, user, port or {@code .git}. So {@code https://github.com/org/repo},
 * {@code https://github.com/org/repo.git}, {@code git@github.com:org/repo.git} and
 * {@code ssh://git@github.com/org/repo} are one {@code RepoId}, {@code github.com/org/repo}.
 *
 * <p>Ports are dropped because the same repository is usually served over HTTPS and SSH on different
 * ports; case is folded as Argo CD does, since GitHub, GitLab and Gitea treat owner and name
 * case-insensitively and a missed deploy costs more than a spurious one.
 */
public record RepoId(String value) {
  private static final Pattern SCP_LIKE = Pattern.compile("^(?:[^@/\\s]+@)?([^:/\\s]+):(?!//)(.+)$");

  public RepoId {
    if (value == null || value.indexOf('/') < 1) {
      throw new IllegalArgumentException("RepoId must be host/path, got " + value);
    }
  }

  /** Normalises any clone or web URL of a repository. */
  public static RepoId of(String url) {
    if (url == null || url.isBlank()) {
      throw new WebhookException("repository URL", "is empty");
    }
    String trimmed = url.trim();
    Matcher scp = SCP_LIKE.matcher(trimmed);
    String host;
    String path;
    if (!trimmed.contains("://") && scp.matches()) {
      host = scp.group(1);
      path = scp.group(2);
    } else {
      URI uri = parse(trimmed);
      host = uri.getHost();
      path = uri.getPath();
    }
    if (host == null || host.isEmpty() || path == null) {
      throw new WebhookException(trimmed, "is not a repository URL (expected https://host/owner/repo or git@host:owner/repo)");
    }
    String cleanPath = stripSuffixes(path);
    if (cleanPath.isEmpty()) {
      throw new WebhookException(trimmed, "names a host but no repository");
    }
    return new RepoId((host + "/" + cleanPath).toLowerCase(Locale.ROOT));
  }

  /** The host, e.g. {@code github.com}. */
  public String host() {
    return value.substring(0, value.indexOf('/'));
  }

  /** The path on the host, e.g. {@code org/repo} or {@code group/subgroup/repo} on GitLab. */
  public String path() {
    return value.substring(value.indexOf('/') + 1);
  }

  @Override
  public String toString() {
    return value;
  }

  private static URI parse(String url) {
    try {
      return new URI(url);
    } catch (URISyntaxException e) {
      throw new WebhookException(url, "is not a repository URL: " + e.getReason());
    }
  }

  private static String stripSuffixes(String path) {
    String p = path;
    while (p.startsWith("/")) {
      p = p.substring(1);
    }
    while (p.endsWith("/")) {
      p = p.substring(0, p.length() - 1);
    }
    if (p.endsWith(".git")) {
      p = p.substring(0, p.length() - 4);
    }
    return p;
  }
}
