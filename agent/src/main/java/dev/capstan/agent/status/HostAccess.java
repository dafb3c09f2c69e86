package dev.capstan.agent.status;

import dev.capstan.commitstatus.StatusTarget;
import dev.capstan.core.Secret;
import dev.capstan.webhook.event.Provider;
import dev.capstan.webhook.event.RepoId;
import dev.capstan.webhook.verify.SecretValues;
import java.net.URI;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Which host API a repository's statuses and comments go to, and with which token. The host type
 * comes from the repository's address (github.com, gitlab.com, bitbucket.org), or, for self-hosted
 * ones, from {@code CAPSTAN_STATUS_<PROVIDER>_HOSTS} (comma-separated host names); the token from
 * {@code CAPSTAN_STATUS_<PROVIDER>_TOKEN} or {@code CAPSTAN_STATUS_<PROVIDER>_TOKEN_FILE}. The API
 * root is derived from the host as each provider lays it out, unless
 * {@code CAPSTAN_STATUS_<PROVIDER>_API_URL} names it (an installation under a path or on another
 * port). A repository on a host without a token has no access.
 */
public final class HostAccess {
  private static final Map<String, Provider> SAAS = Map.of(
      "github.com", Provider.GITHUB, "gitlab.com", Provider.GITLAB, "bitbucket.org", Provider.BITBUCKET);

  /** Where to call and with what. */
  public record Grant(StatusTarget target, Secret token) {}

  private final Map<Provider, Secret> tokens;
  private final Map<String, Provider> hosts;
  private final Map<Provider, URI> apiUrls;
  private final Function<RepoId, Optional<URI>> apiBaseOverride;

  private HostAccess(Map<Provider, Secret> tokens, Map<String, Provider> hosts, Map<Provider, URI> apiUrls,
      Function<RepoId, Optional<URI>> apiBaseOverride) {
    this.tokens = tokens;
    this.hosts = hosts;
    this.apiUrls = apiUrls;
    this.apiBaseOverride = apiBaseOverride;
  }

  /** Reads tokens and self-hosted host names from {@code environment}, with the API root of some repositories given (tests, unusual installs). */
  public static HostAccess fromEnvironment(Map<String, String> environment, Function<RepoId, Optional<URI>> apiBaseOverride) {
    Map<Provider, Secret> tokens = new EnumMap<>(Provider.class);
    Map<String, Provider> hosts = new HashMap<>(SAAS);
    Map<Provider, URI> apiUrls = new EnumMap<>(Provider.class);
    for (Provider p : Provider.values()) {
      if (p == Provider.GENERIC) {
        continue;
      }
      String prefix = "CAPSTAN_STATUS_" + p.name().toUpperCase(Locale.ROOT);
      String file = environment.get(prefix + "_TOKEN_FILE");
      if (file != null && !file.isBlank()) {
        tokens.put(p, SecretValues.fromFile(Path.of(file)));
      } else if (environment.containsKey(prefix + "_TOKEN")) {
        tokens.put(p, SecretValues.fromEnv(environment, prefix + "_TOKEN"));
      }
      String apiUrl = environment.get(prefix + "_API_URL");
      if (apiUrl != null && !apiUrl.isBlank()) {
        apiUrls.put(p, URI.create(apiUrl.strip()));
      }
      for (String host : environment.getOrDefault(prefix + "_HOSTS", "").split(",")) {
        if (!host.isBlank()) {
          hosts.put(host.strip().toLowerCase(Locale.ROOT), p);
        }
      }
    }
    return new HostAccess(tokens, hosts, apiUrls, apiBaseOverride);
  }

  /** Whether any host has a token. */
  public boolean any() {
    return !tokens.isEmpty();
  }

  /** The API and token for a repository, if its host is known and has a token. */
  public Optional<Grant> forRepository(RepoId repo) {
    Provider provider = hosts.get(repo.host());
    Secret token = provider == null ? null : tokens.get(provider);
    if (token == null) {
      return Optional.empty();
    }
    StatusTarget target = StatusTarget.forRepository(provider, repo);
    target = apiUrls.containsKey(provider) ? target.withApiBase(apiUrls.get(provider)) : target;
    return Optional.of(new Grant(apiBaseOverride.apply(repo).map(target::withApiBase).orElse(target), token));
  }

  /** As {@link #forRepository(RepoId)}, for a repository URL; hostless URLs (file://) have no access. */
  public Optional<Grant> forRepositoryUrl(String url) {
    try {
      return forRepository(RepoId.of(url));
    } catch (RuntimeException hostless) {
      return Optional.empty();
    }
  }
}
