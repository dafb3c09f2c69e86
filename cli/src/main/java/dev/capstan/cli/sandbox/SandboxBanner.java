package dev.capstan.cli.sandbox;

import dev.capstan.localcluster.LocalCluster;
import dev.capstan.localcluster.PinnedVersions;
import java.io.PrintWriter;
import java.nio.file.Path;

/** What the sandbox tells its user once the cluster is up. */
record SandboxBanner(LocalCluster cluster, Path kubeconfig) {
  void print(PrintWriter out) {
    out.println("Sandbox ready in " + cluster.startupTime().toMillis() / 100 / 10.0 + " s: Kubernetes "
        + PinnedVersions.KUBERNETES + " at " + cluster.serverUrl());
    out.println("  nodes:      " + String.join(", ", cluster.nodeNames()) + " (simulated by KWOK " + PinnedVersions.KWOK + ")");
    out.println("  kubeconfig: " + kubeconfig);
    out.println("  try:        kubectl --kubeconfig " + kubeconfig + " get nodes");
    out.println("Pods are simulated: they are scheduled and reported Running/Ready, but no container runs,");
    out.println("so images are never pulled and probes never execute.");
    out.println("Press Ctrl-C to stop; every process started here stops with it.");
  }
}
