package dev.capstan.agent.cluster;

import dev.capstan.agent.Agent;
import dev.capstan.agent.application.Application;
import dev.capstan.agent.application.ApplicationException;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.function.Consumer;

/**
 * The agent's cluster mode: Application resources of one namespace are watched and synced by this
 * replica while it leads. With leader election, replicas share a {@code coordination.k8s.io} Lease in
 * that namespace; a standby watches nothing and syncs nothing until the Lease is its own. A leader
 * that loses the Lease forgets every application at once and reports it, so that its process ends
 * and no sync runs twice. Closing it (a rolling update) gives the Lease back once the passes running
 * have ended, so the next replica takes over at once instead of after the lease duration.
 */
public final class ClusterMode implements AutoCloseable {
  /**
   * @param namespace whose Application resources are watched, and where the Lease lives
   * @param lease name of the Lease the replicas share
   * @param identity this replica's name in the Lease (the pod's name in a Deployment)
   * @param leaderElect false when a single replica runs and no Lease is needed
   */
  public record Options(String namespace, String lease, String identity, boolean leaderElect, Leadership.Timing timing,
      Pod pod, String labelSelector) {
    /** This replica's Pod, labelled while it leads; null outside a Pod. */
    public record Pod(String namespace, String name) {}

    public static Options defaults(String namespace) {
      String podName = System.getenv("POD_NAME");
      String podNamespace = System.getenv("POD_NAMESPACE");
      String identity = podName != null ? podName : "capstan-" + ProcessHandle.current().pid();
      Pod pod = podName != null && podNamespace != null ? new Pod(podNamespace, podName) : null;
      return new Options(namespace, "capstan-agent", identity, true, Leadership.Timing.defaults(), pod, null);
    }

    public Options withIdentity(String identity) {
      return new Options(namespace, lease, identity, leaderElect, timing, pod, labelSelector);
    }

    public Options withLeaderElect(boolean leaderElect) {
      return new Options(namespace, lease, identity, leaderElect, timing, pod, labelSelector);
    }

    public Options withTiming(Leadership.Timing timing) {
      return new Options(namespace, lease, identity, leaderElect, timing, pod, labelSelector);
    }

    public Options withPod(Pod pod) {
      return new Options(namespace, lease, identity, leaderElect, timing, pod, labelSelector);
    }

    /** One shard of the namespace: only the Applications this selects; give each shard its own {@link #withLease lease}. */
    public Options withLabelSelector(String labelSelector) {
      return new Options(namespace, lease, identity, leaderElect, timing, pod, labelSelector);
    }

    public Options withLease(String lease) {
      return new Options(namespace, lease, identity, leaderElect, timing, pod, labelSelector);
    }
  }

  private final KubernetesClient client;
  private final Agent agent;
  private final Options options;
  private final Consumer<String> say;
  private final Runnable onLostLead;
  private final LeaderPodLabel podLabel;
  private ApplicationWatcher watcher;
  private Leadership leadership;
  private boolean closed;

  private ClusterMode(KubernetesClient client, Agent agent, Options options, Consumer<String> say, Runnable onLostLead) {
    this.client = client;
    this.agent = agent;
    this.options = options;
    this.say = say;
    this.onLostLead = onLostLead;
    this.podLabel = options.pod() == null ? null : new LeaderPodLabel(client, options.pod().namespace(), options.pod().name());
  }

  /**
   * Starts leading at once without election, else joins the election and returns. The agent is
   * closed with this.
   *
   * @param say where progress lines go
   * @param onLostLead called once this replica has lost the Lease it held, or won it and could not
   *     watch Applications; the caller should end
   * @throws dev.capstan.agent.application.ApplicationException when this client cannot list
   *     Applications in the namespace (no CRD, no RBAC): checked before joining the election
   */
  public static ClusterMode start(KubernetesClient client, Agent agent, Options options, Consumer<String> say, Runnable onLostLead) {
    ApplicationWatcher.checkServed(client, options.namespace(), options.labelSelector());
    ClusterMode mode = new ClusterMode(client, agent, options, say, onLostLead);
    mode.markPod(false);
    if (!options.leaderElect()) {
      mode.lead();
    } else {
      Leadership leadership = Leadership.start(client, options.namespace(), options.lease(), options.identity(), options.timing(),
          mode::lead, mode::lost);
      synchronized (mode) {
        mode.leadership = leadership;
      }
    }
    return mode;
  }

  /** Whether this replica is watching and syncing Applications now. */
  public synchronized boolean leading() {
    return watcher != null;
  }

  private void lead() {
    synchronized (this) {
      if (closed || watcher != null) {
        return;
      }
      try {
        watcher = ApplicationWatcher.start(client, options.namespace(), options.labelSelector(), agent);
        markPod(true);
        say.accept("leading as " + options.identity() + ": watching Application resources in namespace " + options.namespace());
        return;
      } catch (ApplicationException e) {
        if (!options.leaderElect()) {
          throw e;
        }
        // On the election's thread nobody would see it, and the Lease would stay held by a leader watching nothing.
        say.accept("cannot lead: " + e.getMessage());
      }
    }
    onLostLead.run();
  }

  private void lost() {
    boolean report;
    synchronized (this) {
      report = stopWatching() && !closed;
    }
    if (report) {
      say.accept(options.identity() + " lost the leader lease; stopping so that no sync runs twice");
      onLostLead.run();
    }
  }

  /** Stops the watch and forgets every application, so no poll or push starts another pass here. */
  private boolean stopWatching() {
    if (watcher == null) {
      return false;
    }
    markPod(false);
    watcher.close();
    watcher = null;
    agent.applications().stream().map(Application::getMetadata).forEach(meta -> agent.remove(meta.getName()));
    return true;
  }

  private void markPod(boolean leading) {
    if (podLabel != null) {
      podLabel.set(leading);
    }
  }

  /**
   * Stops leading: forgets every application, lets the passes running end (closing the agent), and
   * only then gives the Lease back, so a standby that takes over at once never syncs beside them.
   */
  @Override
  public void close() {
    Leadership election;
    synchronized (this) {
      closed = true;
      election = leadership;
      stopWatching();
    }
    agent.close();
    if (election != null) {
      election.close();
    }
  }
}
