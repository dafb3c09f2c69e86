package dev.capstan.agent.fleet;

import dev.capstan.agent.ClusterTargets;
import dev.capstan.agent.application.Destination;
import dev.capstan.agent.sync.AppRenderer;
import dev.capstan.engine.history.ReleaseStore;
import dev.capstan.engine.resource.ObjectRef;
import dev.capstan.release.ReleaseRenderer;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.impl.KubernetesClientImpl;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The agent's registry of clusters: {@value Destination#IN_CLUSTER} (through the client it was started with),
 * clusters from {@code --cluster} flags and from cluster Secrets. Each has its own client, limits,
 * history, drift watch and a probe of {@code /version}: every {@value #UP_PROBE_SECONDS} s while it
 * answers, with back-off from 1 s to {@value #MAX_DOWN_PROBE_SECONDS} s while it does not. A pass never
 * waits on a cluster known to be down; a cluster that comes back, is registered, changed or removed
 * is announced so its Applications pass again, without a restart.
 */
public final class Fleet implements ClusterTargets {
  private static final Logger LOG = LoggerFactory.getLogger(Fleet.class);
  static final int UP_PROBE_SECONDS = 10;
  static final int MAX_DOWN_PROBE_SECONDS = 30;
  static final long PROBE_TIMEOUT_MS = 3_000;
  private static final String RATE_INTERCEPTOR = "capstan-request-rate";

  /** How clusters are connected. {@code allowedClusters}: the clusters Applications may target (files mode's policy); empty: any. */
  public record Options(ReleaseRenderer renderer, Function<ReleaseStore, AppRenderer> renderers, boolean allNamespaces,
      ClusterLimits limits, Set<String> allowedClusters, MeterRegistry metrics) {
    public Options {
      allowedClusters = Set.copyOf(allowedClusters);
    }
  }

  /** A registration that cannot be used, and why. */
  private record Invalid(String source, String message) {}

  private static final class Probe {
    int failures;
    long nextNanos;
    boolean running;
  }

  private final Options options;
  private final Map<String, ClusterConnection> connected = new ConcurrentHashMap<>();
  private final Map<String, Invalid> invalid = new ConcurrentHashMap<>();
  private final Set<String> fromSecrets = ConcurrentHashMap.newKeySet();
  private final Map<String, Probe> probes = new ConcurrentHashMap<>();
  private final ScheduledExecutorService ticker;
  private final ExecutorService probing;
  private volatile Listener listener = new Listener() {
    @Override
    public void drifted(String cluster, String releaseId) {}

    @Override
    public void changed(String cluster) {}
  };

  /**
   * @param inCluster the agent's own client, used as {@value Destination#IN_CLUSTER}; not closed here
   * @param flags clusters registered by flag
   */
  public Fleet(KubernetesClient inCluster, List<RegisteredCluster> flags, Options options) {
    this.options = options;
    this.ticker = Executors.newSingleThreadScheduledExecutor(daemon("capstan-cluster-probe"));
    this.probing = Executors.newCachedThreadPool(daemon("capstan-cluster-probe-call"));
    RegisteredCluster own = new RegisteredCluster(Destination.IN_CLUSTER, ClusterConfigs.server(inCluster.getConfiguration()), "--kubeconfig",
        inCluster.getConfiguration(), List.of(), options.limits(), Destination.IN_CLUSTER);
    connect(own, inCluster);
    for (RegisteredCluster flag : flags) {
      if (connected.containsKey(flag.name())) {
        throw new ClusterConfigException(flag.source(), "cluster " + flag.name() + " is registered twice");
      }
      connect(flag, null);
    }
    ticker.scheduleWithFixedDelay(this::probeDue, 0, 1, TimeUnit.SECONDS);
  }

  /** The factory the agent starts: this fleet, reporting to the agent from now on. */
  public ClusterTargets.Factory asFactory() {
    return agentListener -> {
      this.listener = agentListener;
      return this;
    };
  }

  /**
   * A client for each cluster with that cluster's request rate. The agent's own cluster gets one derived
   * from the client it was given (same connections, credentials and interceptors, plus the rate), so its
   * deploys keep to the same limits while the given client goes on serving the agent's own work
   * (Applications, status, Events, leader election) unthrottled; the derived client shares the given
   * one's connections and is never closed here.
   */
  private void connect(RegisteredCluster cluster, KubernetesClient given) {
    String name = cluster.name();
    Timer waits = options.metrics() == null ? null : Timer.builder("capstan.cluster.request.wait")
        .description("How long API requests to the cluster waited for its request rate (qps, burst)").tag("cluster", name)
        .register(options.metrics());
    RequestRate rate = new RequestRate(cluster.limits(), waits);
    KubernetesClient client = given != null
        ? new KubernetesClientImpl(given.getHttpClient().newBuilder().addOrReplaceInterceptor(RATE_INTERCEPTOR, rate).build(),
            given.getConfiguration())
        : new KubernetesClientBuilder().withConfig(cluster.config())
            .withHttpClientBuilderConsumer(b -> b.addOrReplaceInterceptor(RATE_INTERCEPTOR, rate)).build();
    ClusterConnection connection = new ClusterConnection(cluster, client, given == null, options.renderer(), options.renderers(),
        options.allNamespaces(), release -> listener.drifted(name, release),
        release -> listener.statusChanged(name, release));
    ClusterConnection old = connected.put(name, connection);
    invalid.remove(name);
    probes.put(name, new Probe());
    if (old != null) {
      old.close();
    }
    if (options.metrics() != null) {
      Gauge.builder("capstan.cluster.up", () -> upValue(name)).description("1 while the cluster answers, 0 while it does not")
          .tag("cluster", name).register(options.metrics());
    }
  }

  private double upValue(String name) {
    ClusterConnection c = connected.get(name);
    Reachability r = c == null ? null : c.reachability();
    return r == null ? Double.NaN : r.up() ? 1 : 0;
  }

  /**
   * The clusters registered by Secrets now, replacing those registered before: a new or changed one is
   * connected, a removed one closed (nothing is deleted in it), and one whose Secret cannot be used (or
   * that two Secrets name) is kept as invalid, so its Applications stall and name the Secret.
   *
   * @param valid by cluster name
   * @param problems by cluster name: the Secret and why
   */
  public synchronized void registerFromSecrets(Map<String, RegisteredCluster> valid, Map<String, String> problems) {
    Set<String> changed = new TreeSet<>();
    for (String name : List.copyOf(fromSecrets)) {
      if (!valid.containsKey(name) && !problems.containsKey(name)) {
        ClusterConnection gone = connected.remove(name);
        invalid.remove(name);
        probes.remove(name);
        fromSecrets.remove(name);
        if (gone != null) {
          gone.close();
        }
        changed.add(name);
        LOG.info("cluster {} removed: its Applications stop; nothing is deleted in it", name);
      }
    }
    valid.forEach((name, cluster) -> {
      if (!fromSecrets.contains(name) && connected.containsKey(name)) {
        LOG.warn("{}: cluster {} is registered by flag already; the Secret is ignored", cluster.source(), name);
        return;
      }
      ClusterConnection now = connected.get(name);
      if (now == null || !now.registered().fingerprint().equals(cluster.fingerprint())) {
        fromSecrets.add(name);
        connect(cluster, null);
        changed.add(name);
      }
    });
    problems.forEach((name, why) -> {
      if (Destination.IN_CLUSTER.equals(name) || connected.containsKey(name) && !fromSecrets.contains(name)) {
        LOG.warn("{}", why);
        return;
      }
      Invalid before = invalid.get(name);
      if (before == null || !before.message().equals(why)) {
        ClusterConnection gone = connected.remove(name);
        if (gone != null) {
          gone.close();
        }
        fromSecrets.add(name);
        invalid.put(name, new Invalid("Secret", why));
        changed.add(name);
        LOG.warn("cluster {} cannot be used: {}", name, why);
      }
    });
    changed.forEach(name -> listener.changed(name));
  }

  @Override
  public Resolution resolve(String cluster, String applicationNamespace) {
    Invalid bad = invalid.get(cluster);
    if (bad != null) {
      return new Resolution.Refused("InvalidCluster", "spec.destination.cluster: cluster " + cluster + " cannot be used: " + bad.message());
    }
    ClusterConnection connection = connected.get(cluster);
    if (connection == null) {
      return new Resolution.Refused("UnknownCluster", "spec.destination.cluster: no cluster named \"" + cluster + "\" is registered (known: "
          + String.join(", ", new TreeSet<>(connected.keySet())) + ")");
    }
    if (!options.allowedClusters().isEmpty() && !Destination.IN_CLUSTER.equals(cluster) && !options.allowedClusters().contains(cluster)) {
      return new Resolution.Refused("ClusterNotAllowed", "spec.destination.cluster: this agent lets Applications target only "
          + String.join(", ", new TreeSet<>(options.allowedClusters())) + " (--allowed-cluster)");
    }
    RegisteredCluster registered = connection.registered();
    if (!registered.admits(applicationNamespace)) {
      return new Resolution.Refused("ClusterNotAllowed", "spec.destination.cluster: cluster " + cluster + " admits Applications from "
          + String.join(", ", registered.applicationNamespaces()) + " only, not from " + Objects.toString(applicationNamespace, "files")
          + " (" + registered.source() + ", annotation " + ClusterSecrets.NAMESPACES_ANNOTATION + ")");
    }
    Reachability r = connection.reachability();
    if (r != null && !r.up()) {
      return new Resolution.Unreachable(r.reason(), r.message());
    }
    return connection.ready();
  }

  @Override
  public Optional<Resolution.Unreachable> checkAfterFailure(String cluster) {
    ClusterConnection connection = connected.get(cluster);
    if (connection == null) {
      return Optional.empty();
    }
    Reachability before = connection.reachability();
    Reachability now = connection.probe(probing, PROBE_TIMEOUT_MS);
    if (now == null || now.up()) {
      return Optional.empty();
    }
    scheduleAfter(cluster, now);
    if (before == null || before.up()) {
      LOG.warn("cluster {} is unreachable ({}): {}", cluster, now.reason(), now.message());
      listener.changed(cluster);
    }
    return Optional.of(new Resolution.Unreachable(now.reason(), now.message()));
  }

  @Override
  public void watch(String cluster, Collection<ObjectRef> refs) {
    ClusterConnection connection = connected.get(cluster);
    if (connection != null) {
      connection.watch(refs);
    }
  }

  @Override
  public boolean watchedSince(String cluster, Collection<ObjectRef> refs, long nanos) {
    ClusterConnection connection = connected.get(cluster);
    return connection != null && connection.watchedSince(refs, nanos);
  }

  @Override
  public List<ClusterInfo> clusters() {
    List<ClusterInfo> out = new ArrayList<>();
    connected.forEach((name, c) -> {
      Reachability r = c.reachability();
      out.add(new ClusterInfo(name, c.registered().server(), c.registered().source(), r != null && r.up(),
          r == null ? "Unknown" : r.reason(), r == null ? "not asked yet" : r.message(), r == null ? null : r.version()));
    });
    invalid.forEach((name, bad) -> out.add(new ClusterInfo(name, null, bad.source(), false, "Invalid", bad.message(), null)));
    out.sort(Comparator.comparing(ClusterInfo::name));
    return out;
  }

  private void probeDue() {
    long now = System.nanoTime();
    probes.forEach((name, probe) -> {
      synchronized (probe) {
        if (probe.running || now - probe.nextNanos < 0) {
          return;
        }
        probe.running = true;
      }
      probing.execute(() -> probeNow(name, probe));
    });
  }

  private void probeNow(String name, Probe probe) {
    try {
      ClusterConnection connection = connected.get(name);
      if (connection == null) {
        return;
      }
      Reachability before = connection.reachability();
      Reachability now = connection.probe(probing, PROBE_TIMEOUT_MS);
      if (now == null) {
        return;
      }
      scheduleAfter(name, now);
      boolean cameBack = now.up() && before != null && !before.up();
      boolean wentDown = !now.up() && (before == null || before.up());
      if (cameBack) {
        LOG.info("cluster {} is reachable again ({})", name, now.message());
      } else if (wentDown) {
        LOG.warn("cluster {} is unreachable ({}): {}", name, now.reason(), now.message());
      }
      if (cameBack || wentDown) {
        listener.changed(name);
      }
    } catch (RuntimeException e) {
      LOG.warn("cluster {}: probe failed: {}", name, e.toString());
    } finally {
      synchronized (probe) {
        probe.running = false;
      }
    }
  }

  private void scheduleAfter(String name, Reachability r) {
    Probe probe = probes.get(name);
    if (probe == null) {
      return;
    }
    synchronized (probe) {
      long delaySeconds;
      if (r.up()) {
        probe.failures = 0;
        delaySeconds = UP_PROBE_SECONDS;
      } else {
        delaySeconds = Math.min(MAX_DOWN_PROBE_SECONDS, 1L << Math.min(probe.failures, 5));
        probe.failures++;
      }
      probe.nextNanos = System.nanoTime() + TimeUnit.SECONDS.toNanos(delaySeconds);
    }
  }

  @Override
  public void close() {
    ticker.shutdownNow();
    probing.shutdownNow();
    Map<String, ClusterConnection> all = new HashMap<>(connected);
    connected.clear();
    all.values().forEach(ClusterConnection::close);
  }

  private static java.util.concurrent.ThreadFactory daemon(String name) {
    return r -> {
      Thread t = new Thread(r, name);
      t.setDaemon(true);
      return t;
    };
  }
}
