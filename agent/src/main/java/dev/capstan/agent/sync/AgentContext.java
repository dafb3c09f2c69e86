package dev.capstan.agent.sync;

import dev.capstan.agent.application.ApplicationValidator;
import dev.capstan.agent.metrics.AgentMetrics;
import dev.capstan.agent.status.CommitStatuses;
import dev.capstan.agent.status.EventRecorder;
import dev.capstan.engine.cluster.Cluster;
import dev.capstan.engine.history.ReleaseStore;
import dev.capstan.git.cache.RepositoryCache;
import dev.capstan.git.fetch.Fetcher;
import dev.capstan.git.read.FolderReader;
import dev.capstan.release.ReleaseRenderer;
import java.nio.file.Path;
import java.time.Clock;

/** The long-lived collaborators every pass uses: Git, the renderer, the cluster and the history. */
public record AgentContext(
    RepositoryCache cache,
    Fetcher fetcher,
    FolderReader reader,
    ReleaseRenderer renderer,
    Cluster cluster,
    ReleaseStore store,
    ApplicationValidator validator,
    Path credentialsDir,
    Clock clock,
    AgentMetrics metrics,
    EventRecorder events,
    CommitStatuses commitStatuses) {}
