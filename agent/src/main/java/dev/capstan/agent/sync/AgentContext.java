package dev.capstan.agent.sync;

import dev.capstan.agent.application.ApplicationValidator;
import dev.capstan.agent.metrics.AgentMetrics;
import dev.capstan.agent.status.CommitStatuses;
import dev.capstan.agent.status.EventRecorder;
import dev.capstan.engine.cluster.Cluster;
import dev.capstan.engine.history.ReleaseStore;
import dev.capstan.engine.resource.KindScopes;
import dev.capstan.git.cache.RepositoryCache;
import dev.capstan.git.fetch.Fetcher;
import dev.capstan.git.read.FolderReader;
import dev.capstan.release.ReleaseRenderer;
import java.nio.file.Path;
import java.time.Clock;

/**
 * What every pass works with, by role: where sources come from, how an app renders, the release
 * actions in the cluster, which kinds are namespaced, the policy, and where it reports. Each role is
 * an interface, so the decisions of {@link AppSyncer} can be tested against in-memory ones.
 */
public record AgentContext(
    SourceFetcher sources,
    AppRenderer renderer,
    Releases releases,
    KindScopes kinds,
    ApplicationValidator validator,
    Clock clock,
    AgentMetrics metrics,
    EventRecorder events,
    CommitStatuses commitStatuses,
    ValuesFromReader valuesFrom,
    ChartSources charts) {

  /**
   * A context reading charts from Git only and without {@code valuesFrom} objects to read (an agent
   * run from files); {@link #withValuesFrom} and {@link #withCharts} add them.
   */
  public AgentContext(SourceFetcher sources, AppRenderer renderer, Releases releases, KindScopes kinds, ApplicationValidator validator,
      Clock clock, AgentMetrics metrics, EventRecorder events, CommitStatuses commitStatuses) {
    this(sources, renderer, releases, kinds, validator, clock, metrics, events, commitStatuses, ValuesFromReader.refused(),
        ChartSources.unavailable());
  }

  /** This context reading {@code valuesFrom} through {@code reader} (cluster mode). */
  public AgentContext withValuesFrom(ValuesFromReader reader) {
    return new AgentContext(sources, renderer, releases, kinds, validator, clock, metrics, events, commitStatuses, reader, charts);
  }

  /** This context reading charts from Helm repositories and OCI registries through {@code charts}. */
  public AgentContext withCharts(ChartSources charts) {
    return new AgentContext(sources, renderer, releases, kinds, validator, clock, metrics, events, commitStatuses, valuesFrom, charts);
  }

  /**
   * This context with the release actions, renderer and kinds of one cluster, for passes of
   * Applications deployed there. Sources stay the agent's: Git, chart repositories and registries,
   * and {@code valuesFrom} objects (read beside the Application, not in the target cluster).
   */
  public AgentContext on(Releases clusterReleases, AppRenderer clusterRenderer, KindScopes clusterKinds, EventRecorder clusterEvents) {
    return new AgentContext(sources, clusterRenderer, clusterReleases, clusterKinds, validator, clock, metrics, clusterEvents,
        commitStatuses, valuesFrom, charts);
  }

  /** The real thing: Git through {@code cache}, charts rendered by the release layer, releases in {@code cluster}. */
  public static AgentContext of(RepositoryCache cache, Fetcher fetcher, FolderReader reader, ReleaseRenderer renderer, Cluster cluster,
      ReleaseStore store, ApplicationValidator validator, SourceSecrets secrets, Clock clock, AgentMetrics metrics, EventRecorder events,
      CommitStatuses commitStatuses) {
    return new AgentContext(new GitSourceFetcher(fetcher, secrets),
        new ChartRenderer(cache, reader, secrets, renderer, store), new ClusterReleases(cluster, store, renderer), cluster,
        validator, clock, metrics, events, commitStatuses);
  }

  /** As above, with the secrets Applications name read from folders under {@code credentialsDir} (files mode). */
  public static AgentContext of(RepositoryCache cache, Fetcher fetcher, FolderReader reader, ReleaseRenderer renderer, Cluster cluster,
      ReleaseStore store, ApplicationValidator validator, Path credentialsDir, Clock clock, AgentMetrics metrics, EventRecorder events,
      CommitStatuses commitStatuses) {
    return of(cache, fetcher, reader, renderer, cluster, store, validator, new FolderSecrets(credentialsDir), clock, metrics, events,
        commitStatuses);
  }
}
