package dev.capstan.agent.runtime;

import dev.capstan.agent.Agent;
import dev.capstan.agent.application.AgentPolicy;
import dev.capstan.agent.application.ApplicationValidator;
import dev.capstan.agent.cluster.ClusterEventRecorder;
import dev.capstan.agent.cluster.ClusterStatusSink;
import dev.capstan.agent.cluster.ClusterValuesFrom;
import dev.capstan.agent.cluster.DriftWatcher;
import dev.capstan.agent.http.AgentHttpServer;
import dev.capstan.agent.metrics.AgentMetrics;
import dev.capstan.agent.status.EventRecorder;
import dev.capstan.agent.status.HostCommitStatuses;
import dev.capstan.agent.status.StatusSink;
import dev.capstan.agent.sync.AgentContext;
import dev.capstan.agent.sync.ChartSources;
import dev.capstan.agent.sync.RepositoryChartSources;
import dev.capstan.agent.sync.SecretKeys;
import dev.capstan.chartrepo.cache.ChartCache;
import dev.capstan.engine.cluster.Cluster;
import dev.capstan.engine.history.SecretReleaseStore;
import dev.capstan.git.cache.RepositoryCache;
import dev.capstan.git.fetch.FetchOptions;
import dev.capstan.git.fetch.Fetcher;
import dev.capstan.git.read.FolderReader;
import dev.capstan.git.read.ReadOptions;
import dev.capstan.release.ReleaseRenderer;
import dev.capstan.webhook.dispatch.CoalescingDispatcher;
import dev.capstan.webhook.receive.ReceiverOptions;
import dev.capstan.webhook.receive.WebhookHandler;
import dev.capstan.webhook.verify.WebhookSecrets;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;

/**
 * A running agent and everything it serves: Git cache, work queue, webhook receiver and HTTP server.
 * {@code capstan agent} and {@code capstan up} both start one.
 */
public final class AgentRuntime implements AutoCloseable {
  /** What to start. {@code environment} supplies webhook secrets ({@code CAPSTAN_WEBHOOK_SECRET}, …) and the API token. */
  public record Settings(Path cacheDir, Path credentialsDir, AgentPolicy policy, int concurrency, String httpHost, int httpPort,
      boolean statusInCluster, Map<String, String> environment, boolean openReads) {
    /** Settings whose API needs the token for every call. */
    public Settings(Path cacheDir, Path credentialsDir, AgentPolicy policy, int concurrency, String httpHost, int httpPort,
        boolean statusInCluster, Map<String, String> environment) {
      this(cacheDir, credentialsDir, policy, concurrency, httpHost, httpPort, statusInCluster, environment, false);
    }

    /** Opens the API's reads to callers without the token, deliberately ({@code --api-open-reads}). */
    public Settings withOpenReads(boolean openReads) {
      return new Settings(cacheDir, credentialsDir, policy, concurrency, httpHost, httpPort, statusInCluster, environment, openReads);
    }
  }

  private final RepositoryCache cache;
  private final Agent agent;
  private final CoalescingDispatcher pushes;
  private final AgentHttpServer server;
  private final PrometheusMeterRegistry metrics;

  private AgentRuntime(RepositoryCache cache, Agent agent, CoalescingDispatcher pushes, AgentHttpServer server,
      PrometheusMeterRegistry metrics) {
    this.metrics = metrics;
    this.cache = cache;
    this.agent = agent;
    this.pushes = pushes;
    this.server = server;
  }

  public static AgentRuntime start(KubernetesClient client, Settings s) {
    PrometheusMeterRegistry metrics = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    RepositoryCache cache = RepositoryCache.open(s.cacheDir());
    Cluster cluster = new Cluster(client);
    AgentContext ctx = AgentContext.of(cache, new Fetcher(cache, FetchOptions.defaults()), new FolderReader(ReadOptions.defaults()),
        new ReleaseRenderer(), cluster, new SecretReleaseStore(client),
        new ApplicationValidator(s.policy()), s.credentialsDir(),
        Clock.systemUTC(), new AgentMetrics(metrics),
        s.statusInCluster() ? new ClusterEventRecorder(client, "capstan-agent") : EventRecorder.none(),
        HostCommitStatuses.fromEnvironment(s.environment()));
    if (s.statusInCluster()) {
      ctx = ctx.withValuesFrom(new ClusterValuesFrom(client));
    }
    ctx = ctx.withCharts(chartSources(s));
    StatusSink sink = s.statusInCluster() ? new ClusterStatusSink(client) : StatusSink.inMemory();
    Agent agent = new Agent(ctx, sink, DriftWatcher.on(cluster, s.policy().anyNamespace()), s.concurrency());
    CoalescingDispatcher pushes = new CoalescingDispatcher(agent, 2, 1024);
    try {
      WebhookHandler webhooks = new WebhookHandler(WebhookSecrets.fromEnvironment(s.environment()).build(), pushes,
          ReceiverOptions.defaults());
      AgentHttpServer server = AgentHttpServer.start(AgentHttpServer.Options.defaults().withHost(s.httpHost()).withPort(s.httpPort())
          .withApiToken(s.environment().get("CAPSTAN_API_TOKEN")).withOpenReads(s.openReads()), agent, webhooks, metrics);
      return new AgentRuntime(cache, agent, pushes, server, metrics);
    } catch (RuntimeException e) {
      pushes.close();
      agent.close();
      cache.close();
      throw e;
    }
  }

  /**
   * Charts from Helm repositories and OCI registries, one index per repository and one archive cache
   * for every application, beside the Git cache.
   */
  private static ChartSources chartSources(Settings s) {
    return new RepositoryChartSources(ChartCache.at(s.cacheDir().resolve("charts")), SecretKeys.folders(s.credentialsDir()),
        s.cacheDir().resolve("chart-cas"));
  }

  public Agent agent() {
    return agent;
  }

  public AgentHttpServer server() {
    return server;
  }

  /** What {@code /metrics} serves. */
  public PrometheusMeterRegistry metrics() {
    return metrics;
  }

  @Override
  public void close() {
    server.close();
    pushes.close();
    agent.close();
    cache.close();
  }
}
