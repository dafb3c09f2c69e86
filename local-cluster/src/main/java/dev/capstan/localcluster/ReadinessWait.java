package dev.capstan.localcluster;

import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Duration;
import java.util.List;

/** Polls until the simulated nodes are Ready, failing fast when a component process dies. */
final class ReadinessWait {
  private static final long POLL_MILLIS = 100;

  private final KubernetesClient client;
  private final List<ManagedProcess> processes;
  private final Duration timeout;

  ReadinessWait(KubernetesClient client, List<ManagedProcess> processes, Duration timeout) {
    this.client = client;
    this.processes = processes;
    this.timeout = timeout;
  }

  void nodesReady(List<String> names) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      processes.forEach(ManagedProcess::checkAlive);
      long ready = names.stream().map(n -> client.nodes().withName(n).get())
          .filter(n -> n != null && FakeNodes.isReady(n)).count();
      if (ready == names.size()) {
        return;
      }
      if (System.nanoTime() > deadline) {
        throw new ClusterStartException("nodes", ready + " of " + names.size()
            + " simulated nodes Ready after " + timeout.toSeconds() + " s; last lines of the logs:\n"
            + logTails());
      }
      sleep();
    }
  }

  private String logTails() {
    StringBuilder out = new StringBuilder();
    for (ManagedProcess p : processes) {
      out.append("--- ").append(p.name()).append('\n').append(p.logTail()).append('\n');
    }
    return out.toString();
  }

  private static void sleep() {
    try {
      Thread.sleep(POLL_MILLIS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ClusterStartException("nodes", "interrupted while waiting for nodes", e);
    }
  }
}
