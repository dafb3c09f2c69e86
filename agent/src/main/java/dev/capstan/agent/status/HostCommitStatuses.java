package dev.capstan.agent.status;

import dev.capstan.agent.application.Application;
import dev.capstan.commitstatus.CommitState;
import dev.capstan.commitstatus.CommitStatus;
import dev.capstan.commitstatus.RetryPolicy;
import dev.capstan.commitstatus.StatusReporter;
import dev.capstan.webhook.event.RepoId;
import java.net.URI;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Commit statuses through the hosts' APIs (GitHub, GitLab, Gitea, Bitbucket Cloud), to the host and
 * with the token {@link HostAccess} names. A repository on a host without a token gets no status.
 * The context is {@code capstan/<app>}.
 */
public final class HostCommitStatuses implements CommitStatuses {
  private final StatusReporter reporter;
  private final HostAccess access;

  private HostCommitStatuses(StatusReporter reporter, HostAccess access) {
    this.reporter = reporter;
    this.access = access;
  }

  /** Reads tokens and self-hosted host names from {@code environment}; none configured means no statuses. */
  public static CommitStatuses fromEnvironment(Map<String, String> environment) {
    return fromEnvironment(environment, repo -> Optional.empty());
  }

  /** As {@link #fromEnvironment(Map)}, with the API root of some repositories given (tests, unusual installs). */
  public static CommitStatuses fromEnvironment(Map<String, String> environment, Function<RepoId, Optional<URI>> apiBaseOverride) {
    HostAccess access = HostAccess.fromEnvironment(environment, apiBaseOverride);
    return access.any() ? new HostCommitStatuses(new StatusReporter(RetryPolicy.defaults()), access) : CommitStatuses.none();
  }

  @Override
  public void report(Application app, String commit, State state, String description) {
    access.forRepositoryUrl(app.getSpec().deployedSource().repoURL()).ifPresent(grant -> reporter.report(grant.target(), grant.token(),
        new CommitStatus(commit, CommitState.valueOf(state.name()), description, null, "capstan/" + app.getMetadata().getName())));
  }
}
