package dev.capstan.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** `capstan sandbox` run in-process: Ready simulated nodes, then nothing left running once stopped. */
class SandboxCommandIT {
  @TempDir Path dir;

  @Test
  void servesReadySimulatedNodesUntilStoppedThenLeavesNothingBehind() throws Exception {
    Path kubeconfig = dir.resolve("sandbox.kubeconfig");
    StringWriter out = new StringWriter();
    CommandLine cli = Capstan.newCommandLine();
    StringWriter err = new StringWriter();
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    AtomicInteger exit = new AtomicInteger(-1);
    // Other ITs in this JVM may share a test API server; only what the sandbox starts is its own.
    Set<Long> before = ProcessHandle.current().descendants().map(ProcessHandle::pid).collect(Collectors.toSet());
    Thread sandbox = new Thread(() -> exit.set(
        cli.execute("sandbox", "--nodes", "2", "--kubeconfig-out", kubeconfig.toString())));
    sandbox.start();

    awaitFile(kubeconfig, sandbox, err);
    try (KubernetesClient client = new KubernetesClientBuilder()
        .withConfig(Config.fromKubeconfig(Files.readString(kubeconfig))).build()) {
      List<Node> nodes = client.nodes().list().getItems();
      assertThat(nodes).extracting(n -> n.getMetadata().getName()).containsExactly("kwok-node-0", "kwok-node-1");
      assertThat(nodes).allSatisfy(n -> assertThat(n.getStatus().getConditions())
          .anySatisfy(c -> {
            assertThat(c.getType()).isEqualTo("Ready");
            assertThat(c.getStatus()).isEqualTo("True");
          }));
    }
    assertThat(out.toString()).contains("Pods are simulated").contains(kubeconfig.toString());
    assertThat(controlPlaneChildren(before)).contains("kube-apiserver", "etcd", "kwok", "kube-scheduler",
        "kube-controller-manager");

    sandbox.interrupt();
    sandbox.join(Duration.ofSeconds(60).toMillis());

    assertThat(exit.get()).isZero();
    assertThat(controlPlaneChildren(before)).isEmpty();
    assertThat(kubeconfig).doesNotExist();
  }

  private static List<String> controlPlaneChildren(Set<Long> startedBefore) {
    return ProcessHandle.current().descendants().filter(ProcessHandle::isAlive).filter(p -> !startedBefore.contains(p.pid()))
        .map(p -> p.info().command().map(c -> Path.of(c).getFileName().toString()).orElse(""))
        .filter(c -> c.startsWith("kube") || c.equals("etcd") || c.equals("kwok"))
        .toList();
  }

  private static void awaitFile(Path file, Thread sandbox, StringWriter err) throws InterruptedException {
    Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
    while (!Files.exists(file)) {
      assertThat(sandbox.isAlive()).as("sandbox still starting; its errors: %s", err).isTrue();
      assertThat(Instant.now()).as("sandbox ready in time").isBefore(deadline);
      Thread.sleep(100);
    }
  }
}
