package dev.capstan.cli.agent;

import dev.capstan.agent.Agent;
import dev.capstan.agent.application.AgentPolicy;
import dev.capstan.agent.application.ApplicationFiles;
import dev.capstan.agent.cluster.ClusterMode;
import dev.capstan.agent.fleet.ClusterFlag;
import dev.capstan.agent.fleet.ClusterLimits;
import dev.capstan.agent.fleet.RegisteredCluster;
import dev.capstan.agent.http.AgentHttpServer;
import dev.capstan.agent.runtime.AgentRuntime;
import dev.capstan.core.CapstanException;
import dev.capstan.engine.cluster.KubeConfigs;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code capstan agent}: keep Applications in sync with Git until stopped. */
@Command(name = "agent", mixinStandardHelpOptions = true,
    description = {"Run the GitOps agent: keep every Application in sync with Git, heal drift, serve webhooks,",
        "metrics and the API. Applications come from --applications files, else from the cluster."})
public final class AgentCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--applications", paramLabel = "PATH", description = "A file or folder of Application YAML (repeatable).")
  List<Path> applications = new ArrayList<>();

  @Option(names = "--watch-namespace", paramLabel = "NS", description = "Namespace whose Application resources to watch (default: the context's).")
  String watchNamespace;

  @Option(names = "--watch-label-selector", paramLabel = "SELECTOR",
      description = {"Only Applications matching this label selector (e.g. capstan.dev/shard=1): one shard of the",
          "namespace. Give each shard its own --lease-name."})
  String watchLabelSelector;

  @Option(names = "--lease-name", paramLabel = "NAME", defaultValue = "capstan-agent",
      description = "Lease the replicas of this agent (or shard) elect their leader with (default: ${DEFAULT-VALUE}).")
  String leaseName;

  @Option(names = "--http-host", paramLabel = "HOST", defaultValue = "0.0.0.0", description = "Address the HTTP server binds (default: ${DEFAULT-VALUE}).")
  String httpHost;

  @Option(names = "--http-port", paramLabel = "PORT", defaultValue = "8080", description = "Port of webhooks, API, probes and metrics (default: ${DEFAULT-VALUE}).")
  int httpPort;

  @Option(names = "--tls-cert", paramLabel = "FILE",
      description = {"PEM certificate chain: serve HTTPS only (with --tls-key; e.g. tls.crt of a", "kubernetes.io/tls Secret)."})
  Path tlsCert;

  @Option(names = "--tls-key", paramLabel = "FILE", description = "PEM private key of --tls-cert (PKCS#8 or PKCS#1/SEC1, unencrypted).")
  Path tlsKey;

  @Option(names = "--trusted-proxy", paramLabel = "CIDR",
      description = {"An address or CIDR block of a proxy in front of the agent (repeatable). Only from these is",
          "X-Forwarded-For believed (its right-most untrusted address) for rate limits and logs; default: none."})
  List<String> trustedProxies = new ArrayList<>();

  @Option(names = "--concurrency", paramLabel = "N", defaultValue = "4", description = "Applications synced at once (default: ${DEFAULT-VALUE}).")
  int concurrency;

  @Option(names = "--cache-dir", paramLabel = "DIR", description = "Git repository cache (default: ~/.cache/capstan/git).")
  Path cacheDir;

  @Option(names = "--credentials-dir", paramLabel = "DIR", defaultValue = "/etc/capstan/git",
      description = {"With --applications: folder of Git credentials and trusted keys; spec.source.secretRef and",
          "verify.secretRef name a subfolder (default: ${DEFAULT-VALUE}). In the cluster they name Secrets."})
  Path credentialsDir;

  @Option(names = "--allowed-namespace", paramLabel = "NS", description = "A namespace Applications may deploy to (repeatable; default: any).")
  List<String> allowedNamespaces = new ArrayList<>();

  @Option(names = "--allowed-cluster-kind", paramLabel = "KIND",
      description = {"A cluster-scoped kind Applications may manage (repeatable; default: Namespace,",
          "CustomResourceDefinition, ClusterRole, ClusterRoleBinding)."})
  List<String> allowedClusterKinds = new ArrayList<>();

  @Option(names = "--api-open-reads",
      description = {"Let API reads (applications, diffs, history) through without the bearer token. Off by default:",
          "a loopback address proves nothing when a sidecar proxy shares the Pod."})
  boolean apiOpenReads;

  @Option(names = "--allow-local-repositories",
      description = {"Allow file:// sources when watching Application resources (always allowed with --applications).",
          "Off by default: one team's Application could read anything on the agent's disk."})
  boolean allowLocalRepositories;

  @Option(names = "--kubeconfig", paramLabel = "FILE", description = "Kubeconfig file (default: $KUBECONFIG, ~/.kube/config, or in-cluster).")
  Path kubeconfig;

  @Option(names = "--context", paramLabel = "NAME", description = "Kubeconfig context (default: the current one).")
  String context;

  @Option(names = "--leader-elect", negatable = true, defaultValue = "true", fallbackValue = "true",
      description = "With several replicas watching the cluster, elect one leader through a Lease (default: ${DEFAULT-VALUE}).")
  boolean leaderElect;

  @Option(names = "--cluster", paramLabel = "NAME=KUBECONFIG[:CONTEXT]",
      description = {"Register a cluster Applications may deploy to with spec.destination.cluster: NAME (repeatable).",
          "In cluster mode, Secrets labelled capstan.dev/secret-type=cluster in the namespace register clusters too."})
  List<String> clusters = new ArrayList<>();

  @Option(names = "--allowed-cluster", paramLabel = "NAME",
      description = "A registered cluster Applications may target (repeatable; default: any; in-cluster is always allowed).")
  List<String> allowedClusters = new ArrayList<>();

  @Option(names = "--cluster-qps", paramLabel = "N", defaultValue = "1000",
      description = "API requests per second to each registered cluster (default: ${DEFAULT-VALUE}).")
  double clusterQps;

  @Option(names = "--cluster-burst", paramLabel = "N", defaultValue = "2000",
      description = "Requests each registered cluster may take at once above --cluster-qps (default: ${DEFAULT-VALUE}).")
  int clusterBurst;

  @Option(names = "--cluster-concurrency", paramLabel = "N", defaultValue = "2",
      description = {"Applications synced at once per cluster (default: ${DEFAULT-VALUE}), so a slow cluster holds at most",
          "this many of --concurrency."})
  int clusterConcurrency;

  @Override
  public Integer call() throws Exception {
    AgentHttpServer.TlsFiles tls = tls(); // flag mistakes first, before anything starts
    boolean fromFiles = !applications.isEmpty();
    AgentRuntime.Clusters registered = clusters(fromFiles);
    CountDownLatch stop = new CountDownLatch(1);
    CountDownLatch closed = new CountDownLatch(1);
    Thread hook = new Thread(() -> {
      stop.countDown();
      awaitQuietly(closed);
    }, "capstan-agent-stop");
    Runtime.getRuntime().addShutdownHook(hook);
    try (KubernetesClient client = new KubernetesClientBuilder().withConfig(KubeConfigs.load(kubeconfig, context)).build();
        AgentRuntime runtime = AgentRuntime.start(client, new AgentRuntime.Settings(cacheDir(), credentialsDir, policy(),
            concurrency, httpHost, httpPort, !fromFiles, System.getenv()).withOpenReads(apiOpenReads).withTls(tls)
            .withTrustedProxies(trustedProxies),
            registered.withSecretsNamespace(fromFiles ? null : watchNamespace(client)))) {
      if (fromFiles) {
        int count = loadFiles(runtime.agent(), applications);
        runtime.agent().markReady();
        say(spec, "%d application(s) from files; serving %s (webhooks /hooks, API /api/v1, /metrics)", count, runtime.server().uri());
        stop.await();
      } else {
        runInCluster(client, runtime.agent(), runtime.server(), stop);
      }
    } finally {
      closed.countDown();
      removeHook(hook);
    }
    return 0;
  }

  private void runInCluster(KubernetesClient client, Agent agent, AgentHttpServer server, CountDownLatch stop) throws InterruptedException {
    String namespace = watchNamespace(client);
    agent.markReady();
    say(spec, "serving %s (webhooks /hooks, API /api/v1, /metrics)", server.uri());
    ClusterMode.Options options = ClusterMode.Options.defaults(namespace).withLeaderElect(leaderElect)
        .withLabelSelector(watchLabelSelector).withLease(leaseName);
    try (ClusterMode ignored = ClusterMode.start(client, agent, options, line -> say(spec, "%s", line), stop::countDown)) {
      stop.await();
    }
  }

  public static int loadFiles(Agent agent, List<Path> applications) {
    int count = 0;
    for (Path path : applications) {
      for (ApplicationFiles.Loaded loaded : ApplicationFiles.load(path)) {
        agent.upsert(loaded.application());
        count++;
      }
    }
    return count;
  }

  static void say(CommandSpec spec, String format, Object... args) {
    PrintWriter out = spec.commandLine().getOut();
    out.printf("capstan agent: " + format + "%n", args);
    out.flush();
  }

  private String watchNamespace(KubernetesClient client) {
    return watchNamespace != null ? watchNamespace : namespaceOf(client);
  }

  /** The clusters given by flag, checked before anything starts, and the limits and policy every cluster gets. */
  private AgentRuntime.Clusters clusters(boolean fromFiles) {
    ClusterLimits limits;
    try {
      limits = new ClusterLimits(clusterQps, clusterBurst, clusterConcurrency);
    } catch (IllegalArgumentException e) {
      throw new CapstanException("--cluster-qps/--cluster-burst/--cluster-concurrency", e.getMessage());
    }
    List<RegisteredCluster> flagged = new ArrayList<>();
    for (String flag : clusters) {
      RegisteredCluster cluster = ClusterFlag.parse(flag, limits);
      if (flagged.stream().anyMatch(c -> c.name().equals(cluster.name()))) {
        throw new CapstanException("--cluster " + flag, "cluster " + cluster.name() + " is given twice");
      }
      flagged.add(cluster);
    }
    return new AgentRuntime.Clusters(flagged, limits, Set.copyOf(allowedClusters), null);
  }

  private static String namespaceOf(KubernetesClient client) {
    String ns = client.getConfiguration().getNamespace();
    return ns == null || ns.isBlank() ? "default" : ns;
  }

  private static void awaitQuietly(CountDownLatch latch) {
    try {
      latch.await(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void removeHook(Thread hook) {
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException shuttingDown) {
      // The hook is what brought us here; it is waiting for this method's caller to finish.
    }
  }

  private AgentPolicy policy() {
    boolean fromFiles = !applications.isEmpty();
    AgentPolicy policy = AgentPolicy.permissive().withAllowedNamespaces(allowedNamespaces)
        .withLocalRepositories(fromFiles || allowLocalRepositories);
    return allowedClusterKinds.isEmpty() ? policy : policy.withAllowedClusterKinds(allowedClusterKinds);
  }

  private AgentHttpServer.TlsFiles tls() {
    if ((tlsCert == null) != (tlsKey == null)) {
      throw new ParameterException(spec.commandLine(), tlsCert == null ? "--tls-key needs --tls-cert" : "--tls-cert needs --tls-key");
    }
    return tlsCert == null ? null : new AgentHttpServer.TlsFiles(tlsCert, tlsKey);
  }

  private Path cacheDir() throws IOException {
    Path dir = cacheDir != null ? cacheDir : Path.of(System.getProperty("user.home"), ".cache", "capstan", "git");
    return Files.createDirectories(dir);
  }

}
