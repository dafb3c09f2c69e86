package dev.capstan.agent.status;

import dev.capstan.agent.application.Application;
import dev.capstan.commitstatus.CommitState;
import dev.capstan.commitstatus.CommitStatus;
import dev.capstan.commitstatus.RetryPolicy;
import dev.capstan.commitstatus.StatusReporter;
import dev.capstan.commitstatus.StatusTarget;
import dev.capstan.core.Secret;
import dev.capstan.webhook.event.Provider;
import dev.capstan.webhook.event.RepoId;
import dev.capstan.webhook.verify.SecretValues;
import java.net.URI;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Commit statuses through the hosts' APIs (GitHub, GitLab, Gitea, Bitbucket Cloud). The host type
 * comes from the repository's address (github.com, gitlab.com, bitbucket.org), or, for self-hosted
 * ones, from {@code CAPSTAN_STATUS_<PROVIDER>_HOSTS} (comma-separated host names); the token from
 * {@code CAPSTAN_STATUS_<PROVIDER>_TOKEN} or {@code CAPSTAN_STATUS_<PROVIDER>_TOKEN_FILE}. A
 * repository on a host without a token gets no status. The context is {@code capstan/<app>}.
 */
public final class HostCommitStatuses implements CommitStatuses {
  private static final Map<String, Provider> SAAS = Map.of(
      "github.com", Provider.GITHUB, "gitlab.com", Provider.GITLAB, "bitbucket.org", Provider.BITBUCKET);

  private final StatusReporter reporter;
  private final Map<Provider, Secret> tokens;
  private final Map<String, Provider> hosts;
  private final Function<RepoId, Optional<URI>> apiBaseOverride;

  private HostCommitStatuses(StatusReporter reporter, Map<Provider, Secret> tokens, Map<String, Provider> hosts,
      Function<RepoId, Optional<URI>> apiBaseOverride) {
    this.reporter = reporter;
    this.tokens = tokens;
    this.hosts = hosts;
    this.apiBaseOverride = apiBaseOverride;
  }

  /** Reads tokens and self-hosted host names from {@code environment}; none configured means no statuses. */
  public static CommitStatuses fromEnvironment(Map<String, String> environment) {
    return fromEnvironment(environment, repo -> Optional.empty());
  }

  /** As {@link #fromEnvironment(Map)}, with the API root of some repositories given (tests, unusual installs). */
  public static CommitStatuses fromEnvironment(Map<String, String> environment, Function<RepoId, Optional<URI>> apiBaseOverride) {
    Map<Provider, Secret> tokens = new EnumMap<>(Provider.class);
    Map<String, Provider> hosts = new java.util.HashMap<>(SAAS);
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
      for (String host : environment.getOrDefault(prefix + "_HOSTS", "").split(",")) {
        if (!host.isBlank()) {
          hosts.put(host.strip().toLowerCase(Locale.ROOT), p);
        }
      }
    }
    return tokens.isEmpty() ? CommitStatuses.none()
        : new HostCommitStatuses(new StatusReporter(RetryPolicy.defaults()), tokens, hosts, apiBaseOverride);
  }

  @Override
  public void report(Application app, String commit, State state, String description) {
    RepoId repo;
    try {
      repo = RepoId.of(app.getSpec().deployedSource().repoURL());
    } catch (RuntimeException hostless) {
      return;
    }
    Provider provider = hosts.get(repo.host());
    Secret token = provider == null ? null : tokens.get(provider);
    if (token == null) {
      return;
    }
    StatusTarget target = StatusTarget.forRepository(provider, repo);
    target = apiBaseOverride.apply(repo).map(target::withApiBase).orElse(target);
    CommitStatus status = new CommitStatus(commit, CommitState.valueOf(state.name()), description, null,
        "capstan/" + app.getMetadata().getName());
    reporter.report(target, token, status);
  }
}
