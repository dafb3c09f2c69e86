package dev.capstan.agent.runtime;

import dev.capstan.agent.Agent;
import dev.capstan.agent.ClusterTargets;
import dev.capstan.agent.feed.ActivityFeed;
import dev.capstan.agent.feed.FeedingPublisher;
import dev.capstan.agent.preview.GitPullRequestSources;
import dev.capstan.agent.preview.HostPreviewPublisher;
import dev.capstan.agent.preview.PreviewOptions;
import dev.capstan.agent.preview.PreviewStore;
import dev.capstan.agent.preview.Previewer;
import dev.capstan.agent.preview.PullRequestPreviews;
import dev.capstan.agent.status.HostAccess;
import dev.capstan.agent.sync.AgentContext;
import dev.capstan.agent.sync.AppLinter;
import dev.capstan.agent.sync.SourceSecrets;
import dev.capstan.commitstatus.RetryPolicy;
import dev.capstan.git.cache.RepositoryCache;
import dev.capstan.git.fetch.Fetcher;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;
import java.util.Optional;

/** The running pull-request previews of an agent: the service the webhook feeds, its store and its publisher. */
public record Previews(PullRequestPreviews service, PreviewStore store, HostPreviewPublisher publisher) implements AutoCloseable {
  /** @param clusters the clusters the agent's syncs use: each Application is previewed against its own */
  static Previews start(Agent agent, AgentContext ctx, ClusterTargets clusters, AppLinter linter, RepositoryCache cache, Fetcher fetcher, SourceSecrets secrets,
      Map<String, String> environment, MeterRegistry metrics, ActivityFeed feed) {
    PreviewStore store = new PreviewStore();
    HostPreviewPublisher publisher = new HostPreviewPublisher(HostAccess.fromEnvironment(environment, repo -> Optional.empty()),
        RetryPolicy.defaults());
    PullRequestPreviews service = new PullRequestPreviews(agent::applications, new GitPullRequestSources(cache, fetcher, secrets),
        new Previewer(ctx, linter, clusters), new FeedingPublisher(publisher, feed), store, ctx.clock(), PreviewOptions.defaults(), metrics);
    return new Previews(service, store, publisher);
  }

  @Override
  public void close() {
    service.close();
    publisher.close();
  }
}
