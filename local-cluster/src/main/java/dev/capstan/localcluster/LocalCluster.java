package dev.capstan.localcluster;

import io.fabric8.kubernetes.client.KubernetesClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A whole local cluster: a {@link LocalApiServer} plus kube-controller-manager, kube-scheduler and
 * KWOK managing {@code nodes} simulated nodes. Deployments create ReplicaSets and Pods, Pods are
 * scheduled and reported Running/Ready by KWOK; no container ever runs.
 */
public final class LocalCluster implements AutoCloseable {
  private final LocalApiServer apiServer;
  private final List<ManagedProcess> processes;
  private final List<String> nodeNames;
  private final Duration startupTime;
  private final Thread shutdownHook;
  private volatile boolean stopped;

  private LocalCluster(LocalApiServer apiServer, List<ManagedProcess> processes, List<String> nodeNames,
      Duration startupTime) {
    this.apiServer = apiServer;
    this.processes = processes;
    this.nodeNames = List.copyOf(nodeNames);
    this.startupTime = startupTime;
    this.shutdownHook = new Thread(this::stop, "capstan-local-cluster-stop");
    Runtime.getRuntime().addShutdownHook(shutdownHook);
  }

  /** Starts every process and waits until all nodes are Ready. */
  public static LocalCluster start(LocalClusterOptions options) {
    long begin = System.nanoTime();
    LocalApiServer apiServer = LocalApiServer.start(options.apiServer());
    List<ManagedProcess> processes = new ArrayList<>();
    try {
      ControlPlaneCommands commands = new ControlPlaneCommands(apiServer);
      Path logs = apiServer.workDir();
      processes.add(ManagedProcess.start("kube-controller-manager", commands.controllerManager(),
          logs.resolve("kube-controller-manager.log")));
      processes.add(ManagedProcess.start("kube-scheduler", commands.scheduler(), logs.resolve("kube-scheduler.log")));
      processes.add(ManagedProcess.start("kwok", commands.kwok(), logs.resolve("kwok.log")));
      List<String> nodes;
      try (KubernetesClient client = apiServer.newClient("default")) {
        nodes = FakeNodes.create(client, options.nodes());
        new ReadinessWait(client, processes, options.readyTimeout()).nodesReady(nodes);
      }
      return new LocalCluster(apiServer, processes, nodes, Duration.ofNanos(System.nanoTime() - begin));
    } catch (RuntimeException | Error e) {
      processes.forEach(ManagedProcess::stop);
      apiServer.stop();
      throw e;
    }
  }

  public LocalApiServer apiServer() {
    return apiServer;
  }

  public String serverUrl() {
    return apiServer.serverUrl();
  }

  public Path kubeconfig() {
    return apiServer.kubeconfig();
  }

  public List<String> nodeNames() {
    return nodeNames;
  }

  /** How long {@link #start} took, every node Ready. */
  public Duration startupTime() {
    return startupTime;
  }

  /** Process ids of everything this cluster started besides etcd and kube-apiserver. */
  public List<Long> componentPids() {
    return processes.stream().map(ManagedProcess::pid).toList();
  }

  public KubernetesClient newClient(String namespace) {
    return apiServer.newClient(namespace);
  }

  /** Stops KWOK, the scheduler, the controllers, then the API server and etcd; safe to call twice. */
  public synchronized void stop() {
    if (stopped) {
      return;
    }
    stopped = true;
    try {
      for (int i = processes.size() - 1; i >= 0; i--) {
        processes.get(i).stop();
      }
    } finally {
      apiServer.stop();
      if (Thread.currentThread() != shutdownHook) {
        try {
          Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException jvmAlreadyExiting) {
          // The hook is running or about to; nothing left to undo.
        }
      }
    }
  }

  @Override
  public void close() {
    stop();
  }
}
