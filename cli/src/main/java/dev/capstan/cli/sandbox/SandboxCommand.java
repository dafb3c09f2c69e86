package dev.capstan.cli.sandbox;

import dev.capstan.core.CapstanException;
import dev.capstan.localcluster.KubeBinaries;
import dev.capstan.localcluster.LocalCluster;
import dev.capstan.localcluster.LocalClusterOptions;
import dev.capstan.localcluster.PinnedVersions;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** Runs a local cluster with simulated nodes until stopped. */
@Command(
    name = "sandbox",
    mixinStandardHelpOptions = true,
    description = {
      "Run a local Kubernetes cluster on 127.0.0.1 until Ctrl-C: kube-apiserver, etcd, controllers,",
      "scheduler and KWOK. Nodes and Pods are simulated: Pods are scheduled and reported Running/Ready,",
      "but no container runs. Needs the binaries built by tools/kube-binaries.sh."
    })
public final class SandboxCommand implements Callable<Integer> {
  @Option(names = "--kubeconfig-out", paramLabel = "PATH", defaultValue = "capstan-sandbox.kubeconfig",
      description = "Where to write the kubeconfig (default: ${DEFAULT-VALUE}); removed when the sandbox stops.")
  Path kubeconfigOut;

  @Option(names = "--nodes", paramLabel = "N", defaultValue = "3",
      description = "Number of simulated nodes (default: ${DEFAULT-VALUE}).")
  int nodes;

  @Spec CommandSpec spec;

  private final CountDownLatch stopped = new CountDownLatch(1);

  @Override
  public Integer call() {
    if (nodes < 1) {
      throw new ParameterException(spec.commandLine(), "--nodes: must be at least 1, got " + nodes);
    }
    LocalClusterOptions options = LocalClusterOptions.defaults().withNodes(nodes);
    KubeBinaries.locate(options.apiServer().binariesRoot()); // missing binaries: say so before anything else
    PrintWriter out = spec.commandLine().getOut();
    out.println("Starting a local cluster (Kubernetes " + PinnedVersions.KUBERNETES + ", " + nodes
        + " simulated nodes)...");
    out.flush();
    LocalCluster cluster = LocalCluster.start(options);
    Thread hook = new Thread(() -> shutDown(cluster, out), "capstan-sandbox-stop");
    Runtime.getRuntime().addShutdownHook(hook);
    boolean interrupted = false;
    try {
      copyKubeconfig(cluster.kubeconfig());
      new SandboxBanner(cluster, kubeconfigOut.toAbsolutePath()).print(out);
      out.flush();
      stopped.await();
    } catch (InterruptedException e) {
      // Embedded use (tests) stops the sandbox by interrupting its thread: a normal stop.
      interrupted = true;
    } finally {
      // Interrupted or failed: stop here; on Ctrl-C/SIGTERM the hook does it.
      if (stopped.getCount() > 0) {
        shutDown(cluster, out);
        Runtime.getRuntime().removeShutdownHook(hook);
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
    return 0;
  }

  private void copyKubeconfig(Path source) {
    try {
      Path target = kubeconfigOut.toAbsolutePath();
      Files.createDirectories(target.getParent());
      // Copy then rename, so whoever waits for the file never reads half of it.
      Path partial = target.resolveSibling(target.getFileName() + ".partial");
      Files.copy(source, partial, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.COPY_ATTRIBUTES);
      Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new CapstanException("--kubeconfig-out " + kubeconfigOut, "cannot write the kubeconfig: " + e.getMessage(), e);
    }
  }

  private void shutDown(LocalCluster cluster, PrintWriter out) {
    cluster.stop();
    try {
      Files.deleteIfExists(kubeconfigOut.toAbsolutePath());
    } catch (IOException e) {
      out.println("Could not remove " + kubeconfigOut + ": " + e.getMessage());
    }
    out.println("Sandbox stopped; every process it started has exited.");
    out.flush();
    stopped.countDown();
  }
}
