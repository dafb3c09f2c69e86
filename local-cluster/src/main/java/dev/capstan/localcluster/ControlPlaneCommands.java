package dev.capstan.localcluster;

import java.util.List;

/**
 * Command lines of the processes a {@link LocalCluster} adds to the API server. None of them serves
 * HTTPS ({@code --secure-port=0}): nothing here scrapes their health endpoints, and it keeps every
 * port the cluster opens on the API server's side.
 */
final class ControlPlaneCommands {
  private final LocalApiServer apiServer;

  ControlPlaneCommands(LocalApiServer apiServer) {
    this.apiServer = apiServer;
  }

  List<String> controllerManager() {
    return List.of(
        apiServer.binaries().controllerManager().toString(),
        "--kubeconfig=" + apiServer.kubeconfig(),
        "--leader-elect=false",
        "--bind-address=127.0.0.1",
        "--secure-port=0",
        "--controllers=*",
        // Token and root CA for service accounts, signed with the key the API server verifies with.
        "--service-account-private-key-file=" + apiServer.workDir().resolve("apiserver.key"),
        "--root-ca-file=" + apiServer.workDir().resolve("apiserver.crt"),
        "--use-service-account-credentials=false");
  }

  List<String> scheduler() {
    return List.of(
        apiServer.binaries().scheduler().toString(),
        "--kubeconfig=" + apiServer.kubeconfig(),
        "--leader-elect=false",
        "--bind-address=127.0.0.1",
        "--secure-port=0");
  }

  List<String> kwok() {
    return List.of(
        apiServer.binaries().kwok().toString(),
        "--kubeconfig=" + apiServer.kubeconfig(),
        "--manage-all-nodes=true",
        "--node-ip=127.0.0.1",
        "--cidr=10.244.0.1/16");
  }
}
