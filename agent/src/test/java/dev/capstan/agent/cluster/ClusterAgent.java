package dev.capstan.agent.cluster;

import dev.capstan.agent.Agent;
import dev.capstan.agent.application.AgentPolicy;
import dev.capstan.agent.application.Application;
import dev.capstan.agent.application.ApplicationStatus;
import dev.capstan.agent.application.ApplicationValidator;
import dev.capstan.agent.application.SyncState;
import dev.capstan.agent.metrics.AgentMetrics;
import dev.capstan.agent.status.CommitStatuses;
import dev.capstan.agent.status.StatusConditions;
import dev.capstan.agent.sync.AgentContext;
import dev.capstan.agent.sync.RepositoryChartSources;
import dev.capstan.chartrepo.cache.ChartCache;
import dev.capstan.engine.cluster.Cluster;
import dev.capstan.engine.history.SecretReleaseStore;
import dev.capstan.git.cache.RepositoryCache;
import dev.capstan.git.fetch.FetchOptions;
import dev.capstan.git.fetch.Fetcher;
import dev.capstan.git.read.FolderReader;
import dev.capstan.git.read.ReadOptions;
import dev.capstan.release.ReleaseRenderer;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * An agent in cluster mode, wired as {@code capstan agent} without {@code --applications} wires it:
 * Application resources watched in one namespace, status on the status subresource, Events on the
 * Application, history in Secrets, spec.source.secretRef read from Secrets in its namespace. Plus what a test does as a user: install the CRD, apply
 * Application YAML, read status and Events back.
 */
public final class ClusterAgent implements AutoCloseable {
  static final Path CRD = Path.of("../charts/capstan/crds/applications.capstan.dev-v1.yml");

  final RepositoryCache cache;
  final AgentMetrics metrics = AgentMetrics.discard();
  final Agent agent;
  private final ApplicationWatcher watcher;

  /** Starts an agent watching {@code namespace}; {@code cacheDir} may be shared by agents run one after another. */
  ClusterAgent(Path cacheDir, KubernetesClient client, String namespace) throws Exception {
    cache = RepositoryCache.open(Files.createDirectories(cacheDir));
    Cluster cluster = new Cluster(client);
    AgentPolicy policy = AgentPolicy.permissive();
    AgentContext ctx = AgentContext.of(cache, new Fetcher(cache, FetchOptions.defaults()), new FolderReader(ReadOptions.defaults()),
        new ReleaseRenderer(), cluster, new SecretReleaseStore(client), new ApplicationValidator(policy),
        new ApiSourceSecrets(client), Clock.systemUTC(), metrics, new ClusterEventRecorder(client, "capstan-agent"),
        CommitStatuses.none()).withValuesFrom(new ClusterValuesFrom(client))
        .withCharts(new RepositoryChartSources(ChartCache.at(cacheDir.resolve("charts")), new ApiSourceSecrets(client),
            cacheDir.resolve("chart-cas")));
    agent = new Agent(ctx, new ClusterStatusSink(client), DriftWatcher.on(cluster, policy.anyNamespace()), 2);
    try {
      watcher = ApplicationWatcher.start(client, namespace, agent);
    } catch (RuntimeException e) {
      agent.close();
      cache.close();
      throw e;
    }
    agent.markReady();
  }

  /** Passes that ended with {@code result} (synced, unchanged, invalid, …), as {@code /metrics} counts them. */
  double passes(String result) {
    var counter = metrics.registry().find("capstan.syncs").tag("result", result).counter();
    return counter == null ? 0 : counter.count();
  }

  @Override
  public void close() {
    watcher.close();
    agent.close();
    cache.close();
  }

  /** {@code kubectl apply -f charts/capstan/crds/}, then wait until the API serves Applications. */
  public static void installCrd(KubernetesClient client) throws Exception {
    CustomResourceDefinition crd = Serialization.unmarshal(Files.readString(CRD), CustomResourceDefinition.class);
    client.apiextensions().v1().customResourceDefinitions().resource(crd).fieldManager("test").forceConflicts().serverSideApply();
    client.apiextensions().v1().customResourceDefinitions().withName(crd.getMetadata().getName())
        .waitUntilCondition(c -> c != null && c.getStatus() != null && c.getStatus().getConditions().stream()
            .anyMatch(cond -> "Established".equals(cond.getType()) && "True".equals(cond.getStatus())), 60, TimeUnit.SECONDS);
  }

  /** {@code kubectl create -f} of Application YAML. */
  static void create(KubernetesClient client, String namespace, String yaml) {
    GenericKubernetesResource app = Serialization.unmarshal(yaml, GenericKubernetesResource.class);
    client.genericKubernetesResources(Application.API_VERSION, "Application").inNamespace(namespace).resource(app).create();
  }

  /** {@code kubectl get capp NAME}, or null. */
  static Application get(KubernetesClient client, String namespace, String name) {
    return client.resources(Application.class).inNamespace(namespace).withName(name).get();
  }

  static ApplicationStatus status(KubernetesClient client, String namespace, String name) {
    Application app = get(client, namespace, name);
    return app == null ? null : app.getStatus();
  }

  /** The resource's Stalled condition while it is true, or null. */
  static Condition stalled(KubernetesClient client, String namespace, String name) {
    ApplicationStatus s = status(client, namespace, name);
    return s == null || s.conditions() == null ? null : s.conditions().stream()
        .filter(c -> StatusConditions.STALLED.equals(c.getType()) && "True".equals(c.getStatus())).findFirst().orElse(null);
  }

  /** Creates Secret {@code name} holding {@code keys}, as {@code kubectl create secret generic --from-literal} does. */
  static void secret(KubernetesClient client, String namespace, String name, Map<String, String> keys) {
    client.secrets().inNamespace(namespace).resource(new SecretBuilder().withNewMetadata().withName(name).endMetadata()
        .withStringData(keys).build()).create();
  }

  /** Whether the resource reports Synced at {@code commit}. */
  static boolean synced(KubernetesClient client, String namespace, String name, String commit) {
    ApplicationStatus status = status(client, namespace, name);
    return status != null && status.sync() != null && status.sync().status() == SyncState.SYNCED && commit.equals(status.sync().revision());
  }

  /** The reasons of the Events posted on an Application, oldest first, as {@code kubectl describe capp} lists them. */
  static List<String> eventReasons(KubernetesClient client, String namespace, String name) {
    return client.v1().events().inNamespace(namespace).list().getItems().stream()
        .filter(e -> "Application".equals(e.getInvolvedObject().getKind()) && name.equals(e.getInvolvedObject().getName()))
        .sorted(java.util.Comparator.comparing(Event::getFirstTimestamp).thenComparing(e -> e.getMetadata().getCreationTimestamp()))
        .map(Event::getReason)
        .toList();
  }

  static long count(List<String> reasons, String reason) {
    return reasons.stream().filter(reason::equals).count();
  }

  /** The message of ConfigMap {@code name}, or null while it does not exist. */
  static String message(KubernetesClient client, String namespace, String name) {
    var cm = client.configMaps().inNamespace(namespace).withName(name).get();
    return cm == null ? null : cm.getData().get("message");
  }

  /** An automated, self-healing Application polling every second. */
  static String application(String name, String repo, String path, String namespace) {
    return """
        apiVersion: capstan.dev/v1alpha1
        kind: Application
        metadata: {name: %s}
        spec:
          source: {repoURL: "%s", ref: main, path: %s}
          destination: {namespace: %s}
          syncPolicy: {automated: true, prune: true, selfHeal: true, interval: 1s, retry: {limit: 3, backoff: 1s}}
        """.formatted(name, repo, path, namespace);
  }

}
