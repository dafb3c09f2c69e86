package dev.capstan.commitstatus;

import dev.capstan.webhook.WebhookException;
import dev.capstan.webhook.event.Provider;
import dev.capstan.webhook.event.RepoId;
import java.net.URI;

/**
 * Where a repository's commit statuses are sent: the host's API root and the repository's path on
 * it. {@link #forRepository} derives the API root the way each host lays it out (GitHub Enterprise
 * under {@code /api/v3}, GitLab {@code /api/v4}, Gitea {@code /api/v1}, Bitbucket Cloud's fixed API
 * host); {@link #withApiBase} overrides it for unusual installations and tests.
 */
public record StatusTarget(Provider provider, URI apiBase, String repositoryPath) {
  public StatusTarget {
    if (provider == Provider.GENERIC) {
      throw new WebhookException("status target", "the generic provider has no commit status API");
    }
    String base = apiBase.toString();
    apiBase = URI.create(base.endsWith("/") ? base.substring(0, base.length() - 1) : base);
  }

  public static StatusTarget forRepository(Provider provider, RepoId repository) {
    String host = repository.host();
    URI api = switch (provider) {
      case GITHUB -> URI.create(host.equals("github.com") ? "https://api.github.com" : "https://" + host + "/api/v3");
      case GITLAB -> URI.create("https://" + host + "/api/v4");
      case GITEA -> URI.create("https://" + host + "/api/v1");
      case BITBUCKET -> URI.create("https://api.bitbucket.org/2.0");
      case GENERIC -> throw new WebhookException(repository.toString(), "the generic provider has no commit status API");
    };
    return new StatusTarget(provider, api, repository.path());
  }

  public StatusTarget withApiBase(URI apiBase) {
    return new StatusTarget(provider, apiBase, repositoryPath);
  }

  @Override
  public String toString() {
    return provider.path() + ":" + repositoryPath;
  }
}
