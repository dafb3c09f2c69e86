package dev.capstan.agent;

import dev.capstan.agent.application.AgentPolicy;
import dev.capstan.agent.application.Application;
import dev.capstan.agent.application.ApplicationFiles;
import dev.capstan.agent.application.ApplicationValidator;
import dev.capstan.agent.cluster.DriftWatcher;
import dev.capstan.agent.metrics.AgentMetrics;
import dev.capstan.agent.runtime.AgentRuntime;
import dev.capstan.agent.status.CommitStatuses;
import dev.capstan.agent.status.EventRecorder;
import dev.capstan.agent.status.StatusSink;
import dev.capstan.agent.sync.AgentContext;
import dev.capstan.engine.cluster.Cluster;
import dev.capstan.engine.history.SecretReleaseStore;
import dev.capstan.git.cache.RepositoryCache;
import dev.capstan.git.fetch.FetchOptions;
import dev.capstan.git.fetch.Fetcher;
import dev.capstan.git.read.FolderReader;
import dev.capstan.git.read.ReadOptions;
import dev.capstan.release.ReleaseRenderer;
import dev.capstan.testsupport.Await;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

/** A real agent for tests: a Git cache in a temp folder, the test's API server, metrics kept in memory. */
public final class AgentFixture implements AutoCloseable {
  final RepositoryCache cache;
  final Agent agent;
  final AgentMetrics metrics = AgentMetrics.discard();

  AgentFixture(Path tmp, KubernetesClient client) throws Exception {
    this(tmp, client, CommitStatuses.none());
  }

  AgentFixture(Path tmp, KubernetesClient client, CommitStatuses commitStatuses) throws Exception {
    this(tmp, client, commitStatuses, AgentPolicy.permissive());
  }

  AgentFixture(Path tmp, KubernetesClient client, AgentPolicy policy) throws Exception {
    this(tmp, client, CommitStatuses.none(), policy);
  }

  private AgentFixture(Path tmp, KubernetesClient client, CommitStatuses commitStatuses, AgentPolicy policy) throws Exception {
    cache = RepositoryCache.open(Files.createDirectories(tmp.resolve("cache")));
    Cluster cluster = new Cluster(client);
    AgentContext ctx = AgentContext.of(cache, new Fetcher(cache, FetchOptions.defaults()), new FolderReader(ReadOptions.defaults()),
        new ReleaseRenderer(), cluster, new SecretReleaseStore(client), new ApplicationValidator(policy),
        tmp.resolve("credentials"), Clock.systemUTC(), metrics, EventRecorder.none(), commitStatuses);
    agent = new Agent(ctx, StatusSink.inMemory(), DriftWatcher.on(cluster, policy.anyNamespace()), 2);
  }

  /** Loads Application YAML as the agent's --applications would. */
  List<Application> load(Path dir, String name, String yaml) throws Exception {
    Path file = Files.writeString(dir.resolve(name + ".yaml"), yaml);
    List<Application> apps = ApplicationFiles.load(file).stream().map(ApplicationFiles.Loaded::application).toList();
    apps.forEach(agent::upsert);
    agent.markReady();
    return apps;
  }

  double count(String result) {
    var counter = metrics.registry().find("capstan.syncs").tag("result", result).counter();
    return counter == null ? 0 : counter.count();
  }

  /** A chart whose one ConfigMap carries values.message. */
  public static Map<String, String> configMapChart(String folder, String name, String message) {
    return Map.of(
        folder + "/Chart.yaml", "apiVersion: v2\nname: " + name + "\nversion: 0.1.0\n",
        folder + "/values.yaml", "message: " + message + "\n",
        folder + "/templates/configmap.yaml", """
            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: {{ release.name }}-config
            data:
              message: {{ values.message | quote }}
            """);
  }

  /** Settings of a permissive {@link AgentRuntime} on a free local port, its Git cache and credentials under {@code tmp}. */
  public static AgentRuntime.Settings runtimeSettings(Path tmp, Map<String, String> environment) {
    return new AgentRuntime.Settings(tmp.resolve("cache"), tmp.resolve("creds"), AgentPolicy.permissive(), 2, "127.0.0.1", 0, false,
        environment);
  }

  /** Loads the Applications of file {@code apps} into {@code agent}, then marks it ready, as the agent's start does. */
  public static void load(Agent agent, Path apps) throws IOException {
    for (ApplicationFiles.Loaded loaded : ApplicationFiles.load(apps)) {
      agent.upsert(loaded.application());
    }
    agent.markReady();
  }

  public static void await(String what, Duration timeout, BooleanSupplier condition) throws InterruptedException {
    Await.until(what, timeout, condition);
  }

  @Override
  public void close() {
    agent.close();
    cache.close();
  }
}
