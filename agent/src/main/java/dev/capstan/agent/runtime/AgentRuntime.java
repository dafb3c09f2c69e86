package dev.capstan.agent.runtime;

import dev.capstan.agent.Agent;
import dev.capstan.agent.Suspension;
import dev.capstan.agent.application.AgentPolicy;
import dev.capstan.agent.application.ApplicationValidator;
import dev.capstan.agent.cluster.ApiSourceSecrets;
import dev.capstan.agent.cluster.ApplicationEvents;
import dev.capstan.agent.cluster.ApplicationSuspender;
import dev.capstan.agent.cluster.ClusterEventRecorder;
import dev.capstan.agent.cluster.ClusterStatusSink;
import dev.capstan.agent.cluster.ClusterValuesFrom;
import dev.capstan.agent.cluster.ClusterWebhookSecrets;
import dev.capstan.agent.cluster.DriftWatcher;
import dev.capstan.agent.feed.ActivityFeed;
import dev.capstan.agent.feed.FeedingRecorder;
import dev.capstan.agent.feed.FeedingSink;
import dev.capstan.agent.fleet.ClusterLimits;
import dev.capstan.agent.fleet.ClusterSecretWatcher;
import dev.capstan.agent.fleet.Fleet;
import dev.capstan.agent.fleet.RegisteredCluster;
import dev.capstan.agent.http.AgentHttpServer;
import dev.capstan.agent.metrics.AgentMetrics;
import dev.capstan.agent.status.EventRecorder;
import dev.capstan.agent.status.HostCommitStatuses;
import dev.capstan.agent.status.StatusSink;
import dev.capstan.agent.sync.AgentContext;
import dev.capstan.agent.sync.AppLinter;
import dev.capstan.agent.sync.ChartLinter;
import dev.capstan.agent.sync.ChartRenderer;
import dev.capstan.agent.sync.ChartSources;
import dev.capstan.agent.sync.FolderSecrets;
import dev.capstan.agent.sync.RepositoryChartSources;
import dev.capstan.agent.sync.SourceSecrets;
import dev.capstan.chart.lint.Linter;
import dev.capstan.chartrepo.cache.ChartCache;
import dev.capstan.engine.cluster.Cluster;
import dev.capstan.engine.history.SecretReleaseStore;
import dev.capstan.git.cache.RepositoryCache;
import dev.capstan.git.fetch.FetchOptions;
import dev.capstan.git.fetch.Fetcher;
import dev.capstan.git.read.FolderReader;
import dev.capstan.git.read.ReadOptions;
import dev.capstan.release.ReleaseLint;
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
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A running agent and everything it serves: Git cache, work queue, webhook receiver and HTTP server.
 * {@code capstan agent} and {@code capstan up} both start one.
 */
public final class AgentRuntime implements AutoCloseable {
  /** What to start. {@code environment} supplies webhook secrets ({@code CAPSTAN_WEBHOOK_SECRET}, …) and the API token. */
  public record Settings(Path cacheDir, Path credentialsDir, AgentPolicy policy, int concurrency, String httpHost, int httpPort,
      boolean statusInCluster, Map<String, String> environment, boolean openReads, AgentHttpServer.TlsFiles tls,
      List<String> trustedProxies) {
    /** Settings whose API needs the token for every call, over plain HTTP, believing no forwarded address. */
    public Settings(Path cacheDir, Path credentialsDir, AgentPolicy policy, int concurrency, String httpHost, int httpPort,
        boolean statusInCluster, Map<String, String> environment) {
      this(cacheDir, credentialsDir, policy, concurrency, httpHost, httpPort, statusInCluster, environment, false, null, List.of());
    }

    /** Opens the API's reads to callers without the token, deliberately ({@code --api-open-reads}). */
    public Settings withOpenReads(boolean openReads) {
      return new Settings(cacheDir, credentialsDir, policy, concurrency, httpHost, httpPort, statusInCluster, environment, openReads,
          tls, trustedProxies);
    }

    /** Serves HTTPS with these PEM files ({@code --tls-cert}, {@code --tls-key}); null: plain HTTP. */
    public Settings withTls(AgentHttpServer.TlsFiles tls) {
      return new Settings(cacheDir, credentialsDir, policy, concurrency, httpHost, httpPort, statusInCluster, environment, openReads,
          tls, trustedProxies);
    }

    /** Proxies whose X-Forwarded-For is believed ({@code --trusted-proxy}). */
    public Settings withTrustedProxies(List<String> trustedProxies) {
      return new Settings(cacheDir, credentialsDir, policy, concurrency, httpHost, httpPort, statusInCluster, environment, openReads,
          tls, trustedProxies);
    }
  }

  /**
   * The clusters besides the agent's own: those registered by flag, the limits each gets, the clusters
   * Applications may target (empty: any), and the namespace whose cluster Secrets to watch (null: none, files mode).
   */
  public record Clusters(List<RegisteredCluster> flags, ClusterLimits limits, Set<String> allowed, String secretsNamespace) {
    public static Clusters none() {
      return new Clusters(List.of(), ClusterLimits.defaults(), Set.of(), null);
    }

    public Clusters withSecretsNamespace(String namespace) {
      return new Clusters(flags, limits, allowed, namespace);
    }
  }

  private final RepositoryCache cache;
  private final Fleet fleet;
  private final ClusterSecretWatcher clusterSecrets;
  private final Agent agent;
  private final CoalescingDispatcher pushes;
  private final AgentHttpServer server;
  private final PrometheusMeterRegistry metrics;
  private final Previews previews;

  private AgentRuntime(RepositoryCache cache, Agent agent, CoalescingDispatcher pushes, AgentHttpServer server,
      PrometheusMeterRegistry metrics, Fleet fleet, ClusterSecretWatcher clusterSecrets, Previews previews) {
    this.fleet = fleet;
    this.clusterSecrets = clusterSecrets;
    this.metrics = metrics;
    this.previews = previews;
    this.cache = cache;
    this.agent = agent;
    this.pushes = pushes;
    this.server = server;
  }

  public static AgentRuntime start(KubernetesClient client, Settings s) {
    return start(client, s, Clusters.none());
  }

  /** An agent deploying to its own cluster and to {@code clusters}. */
  public static AgentRuntime start(KubernetesClient client, Settings s, Clusters clusters) {
    PrometheusMeterRegistry metrics = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    RepositoryCache cache = RepositoryCache.open(s.cacheDir());
    Cluster cluster = new Cluster(client);
    SourceSecrets secrets = s.statusInCluster() ? new ApiSourceSecrets(client) : new FolderSecrets(s.credentialsDir());
    ActivityFeed feed = new ActivityFeed(Clock.systemUTC());
    Fetcher fetcher = new Fetcher(cache, FetchOptions.defaults());
    AgentContext ctx = AgentContext.of(cache, fetcher, new FolderReader(ReadOptions.defaults()),
        new ReleaseRenderer(), cluster, new SecretReleaseStore(client),
        new ApplicationValidator(s.policy()), secrets,
        Clock.systemUTC(), new AgentMetrics(metrics),
        new FeedingRecorder(s.statusInCluster() ? new ClusterEventRecorder(client, "capstan-agent") : EventRecorder.none(), feed),
        HostCommitStatuses.fromEnvironment(s.environment()));
    if (s.statusInCluster()) {
      ctx = ctx.withValuesFrom(new ClusterValuesFrom(client));
    }
    ctx = ctx.withCharts(chartSources(s, secrets));
    StatusSink sink = new FeedingSink(s.statusInCluster() ? new ClusterStatusSink(client) : StatusSink.inMemory(), feed);
    ReleaseRenderer releaseRenderer = new ReleaseRenderer();
    Fleet fleet = new Fleet(client, clusters.flags(), new Fleet.Options(releaseRenderer,
        store -> new ChartRenderer(cache, new FolderReader(ReadOptions.defaults()), secrets, releaseRenderer, store),
        s.policy().anyNamespace(), clusters.limits(), clusters.allowed(), metrics));
    Agent agent = new Agent(ctx, sink, DriftWatcher.on(cluster, s.policy().anyNamespace()), s.concurrency(), fleet.asFactory());
    ClusterSecretWatcher clusterSecrets = null;
    CoalescingDispatcher pushes = new CoalescingDispatcher(agent, 2, 1024);
    AppLinter linter = new ChartLinter(cache, new FolderReader(ReadOptions.defaults()), secrets, new ReleaseLint(new Linter()),
        new SecretReleaseStore(client));
    Previews previews = Previews.start(agent, ctx, fleet, linter, cache, fetcher, secrets, s.environment(), metrics, feed);
    try {
      WebhookSecrets.Builder hookSecrets = WebhookSecrets.fromEnvironment(s.environment());
      if (s.statusInCluster()) {
        ClusterWebhookSecrets.addTo(hookSecrets, client, s.environment());
      }
      WebhookHandler webhooks = new WebhookHandler(hookSecrets.build(), pushes,
          previews.service(), ReceiverOptions.defaults());
      AgentHttpServer server = AgentHttpServer.start(AgentHttpServer.Options.defaults().withHost(s.httpHost()).withPort(s.httpPort())
          .withApiTokenFrom(s.environment()).withOpenReads(s.openReads())
          .withTls(s.tls()).withTrustedProxies(s.trustedProxies()), agent, webhooks, metrics,
          new AgentHttpServer.Services(feed, previews.store()::list,
              s.statusInCluster() ? new ApplicationEvents(client, feed) : feed,
              s.statusInCluster() ? new ApplicationSuspender(client) : Suspension.unavailable(Suspension.IN_FILES)));
      if (clusters.secretsNamespace() != null) {
        clusterSecrets = ClusterSecretWatcher.start(client, clusters.secretsNamespace(), fleet, clusters.limits());
      }
      return new AgentRuntime(cache, agent, pushes, server, metrics, fleet, clusterSecrets, previews);
    } catch (RuntimeException e) {
      previews.close();
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
  private static ChartSources chartSources(Settings s, SourceSecrets secrets) {
    return new RepositoryChartSources(ChartCache.at(s.cacheDir().resolve("charts")), secrets, s.cacheDir().resolve("chart-cas"));
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

  /** The clusters the agent deploys to. */
  public Fleet fleet() {
    return fleet;
  }

  /** The pull-request previews this agent runs. */
  public Previews previews() {
    return previews;
  }

  @Override
  public void close() {
    if (clusterSecrets != null) {
      clusterSecrets.close();
    }
    server.close();
    previews.close();
    pushes.close();
    agent.close();
    cache.close();
  }
}
