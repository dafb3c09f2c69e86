package dev.capstan.agent.preview;

import dev.capstan.agent.application.Application;
import dev.capstan.agent.application.Source;
import dev.capstan.agent.sync.SourceOf;
import dev.capstan.agent.sync.SourceSecrets;
import dev.capstan.git.cache.RepositoryCache;
import dev.capstan.git.changes.ChangeDetector;
import dev.capstan.git.changes.ChangedPath;
import dev.capstan.git.fetch.Fetcher;
import dev.capstan.git.fetch.GitRevision;
import dev.capstan.git.fetch.RefEviction;
import dev.capstan.git.source.GitSource;
import dev.capstan.webhook.event.PullRequestEvent;
import java.util.List;
import java.util.Optional;
import org.eclipse.jgit.lib.ObjectId;

/**
 * Fetches a pull request's head from the repository of one of the Application's Git sources (its
 * URL, its credentials)
 * into the shared Git cache: the host's pull-request ref ({@code refs/pull/N/head},
 * {@code refs/merge-requests/N/head}), which holds a fork's commits too, so a fork's URL is never
 * contacted and the Application's credentials never go anywhere else. The changed paths are the
 * tree difference between the target branch's tip and the head (JGit, no history needed, so the
 * shallow cache suffices); a target branch that moved on since the request branched adds paths, so a
 * preview may run for an Application the request did not touch, never the other way round. Once the
 * request is closed, its head ref and the objects only it reached leave the cache ({@link RefEviction}).
 */
public final class GitPullRequestSources implements PullRequestSources {
  private final RepositoryCache cache;
  private final Fetcher fetcher;
  private final SourceSecrets secrets;
  private final ChangeDetector changes = new ChangeDetector();
  private final RefEviction eviction;

  public GitPullRequestSources(RepositoryCache cache, Fetcher fetcher, SourceSecrets secrets) {
    this.cache = cache;
    this.fetcher = fetcher;
    this.secrets = secrets;
    this.eviction = new RefEviction(cache);
  }

  @Override
  public Heads fetch(Application app, Source from, PullRequestEvent pr) {
    GitSource source = SourceOf.located(app, from, secrets);
    GitRevision head = fetcher.fetch(source.withRef(pr.headRef()), Optional.empty()).revisionOrThrow();
    GitRevision base = fetcher.fetch(source.withRef(pr.baseRef()), Optional.empty()).revisionOrThrow();
    List<String> paths = changes.changedPaths(cache.repository(source).repository(), ObjectId.fromString(base.sha()),
        ObjectId.fromString(head.sha())).stream().map(ChangedPath::path).toList();
    return new Heads(head, base, paths);
  }

  @Override
  public GitRevision at(Application app, Source source, String sha) {
    // A commit SHA already in the cache needs no network (the sync that deployed it fetched it).
    return fetcher.fetch(SourceOf.located(app, source, secrets).withRef(sha), Optional.empty()).revisionOrThrow();
  }

  @Override
  public List<String> forget(Application app, Source source, PullRequestEvent pr) {
    return eviction.evict(SourceOf.located(app, source, secrets).withRef(pr.headRef()));
  }
}
