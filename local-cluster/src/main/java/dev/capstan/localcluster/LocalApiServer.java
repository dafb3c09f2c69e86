package dev.capstan.localcluster;

import io.fabric8.kubeapitest.KubeAPIServer;
import io.fabric8.kubeapitest.KubeAPIServerConfigBuilder;
import io.fabric8.kubeapitest.KubeAPITestException;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * etcd plus kube-apiserver on 127.0.0.1, started through fabric8's kube-api-test in offline mode,
 * with a self-contained kubeconfig written to {@link #kubeconfig()}. The client certificate is in
 * {@code system:masters}, so anything holding the kubeconfig is cluster-admin.
 */
public final class LocalApiServer implements AutoCloseable {
  private final KubeBinaries binaries;
  private final Path workDir;
  private final KubeAPIServer server;
  private final String serverUrl;
  private final Path kubeconfig;
  private final Duration startupTime;
  private final Thread shutdownHook;
  private volatile boolean stopped;

  private LocalApiServer(KubeBinaries binaries, Path workDir, KubeAPIServer server, String serverUrl,
      Duration startupTime) {
    this.binaries = binaries;
    this.workDir = workDir;
    this.server = server;
    this.serverUrl = serverUrl;
    this.kubeconfig = workDir.resolve("kubeconfig");
    this.startupTime = startupTime;
    Kubeconfig.write(kubeconfig, serverUrl, workDir.resolve("apiserver.crt"),
        workDir.resolve("client.crt"), workDir.resolve("client.key"));
    this.shutdownHook = new Thread(this::stop, "capstan-local-apiserver-stop");
    Runtime.getRuntime().addShutdownHook(shutdownHook);
  }

  /** Starts etcd and kube-apiserver and waits until the API server serves the default namespace. */
  public static LocalApiServer start(ApiServerOptions options) {
    KubeBinaries binaries = KubeBinaries.locate(options.binariesRoot());
    long begin = System.nanoTime();
    Path workDir = WorkDir.create(binaries);
    KubeAPIServer server = new KubeAPIServer(KubeAPIServerConfigBuilder.anAPIServerConfig()
        .withTestDir(workDir.toString())
        .withApiServerVersion(PinnedVersions.KUBERNETES)
        .withOfflineMode(true)
        .withUpdateKubeConfig(false)
        .withWaitForEtcdHealthCheckOnStartup(true)
        .withStartupTimeout((int) options.startupTimeout().toMillis())
        .withApiServerFlag("--bind-address", "127.0.0.1")
        .build());
    try {
      server.start();
    } catch (KubeAPITestException e) {
      ClusterStartException failure = new ClusterStartException("kube-apiserver", "did not start within "
          + options.startupTimeout().toSeconds() + " s: " + e.getMessage(), e);
      cleanUp(server, workDir, failure);
      throw failure;
    } catch (RuntimeException | Error e) {
      cleanUp(server, workDir, e);
      throw e;
    }
    try {
      String url = Kubeconfig.serverUrl(server.getKubeConfigYaml());
      LocalApiServer started = new LocalApiServer(binaries, workDir, server, url, Duration.ofNanos(System.nanoTime() - begin));
      ServiceRange.widen(started);
      return started;
    } catch (RuntimeException e) {
      cleanUp(server, workDir, e);
      throw e;
    }
  }

  // Stops what did start; kube-api-test's stop() can itself fail when etcd never started.
  private static void cleanUp(KubeAPIServer server, Path workDir, Throwable failure) {
    try {
      server.stop();
    } catch (RuntimeException e) {
      failure.addSuppressed(e);
    } finally {
      WorkDir.delete(workDir);
    }
  }

  /** {@code https://127.0.0.1:<port>} */
  public String serverUrl() {
    return serverUrl;
  }

  /** A kubeconfig file (certificates inlined) valid while this server runs. */
  public Path kubeconfig() {
    return kubeconfig;
  }

  public KubeBinaries binaries() {
    return binaries;
  }

  /** How long {@link #start} took, etcd and kube-apiserver both ready. */
  public Duration startupTime() {
    return startupTime;
  }

  /** The private folder holding the certificates and the kubeconfig. */
  public Path workDir() {
    return workDir;
  }

  /** fabric8 client configuration for this server, in the given default namespace. */
  public Config clientConfig(String namespace) {
    try {
      Config config = Config.fromKubeconfig(Files.readString(kubeconfig));
      config.setNamespace(namespace);
      return config;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A new client the caller closes. */
  public KubernetesClient newClient(String namespace) {
    return new KubernetesClientBuilder().withConfig(clientConfig(namespace)).build();
  }

  /**
   * Freezes kube-apiserver (SIGSTOP): the kernel still accepts connections but nothing answers, as
   * with a hung server or a network partition. etcd keeps running, so {@link #resume} finds every
   * object where it was.
   */
  public void pause() {
    signal("STOP");
  }

  /** Lets a {@link #pause paused} kube-apiserver run again (SIGCONT). */
  public void resume() {
    signal("CONT");
  }

  private void signal(String signal) {
    String dir = workDir.toString();
    ProcessHandle apiServer = ProcessHandle.current().descendants()
        .filter(p -> p.info().command().map(c -> c.endsWith("kube-apiserver")).orElse(false))
        .filter(p -> p.info().arguments().map(args -> String.join(" ", args).contains(dir)).orElse(false))
        .findFirst()
        .orElseThrow(() -> new IllegalStateException("no kube-apiserver process of " + dir + " is running"));
    try {
      Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(apiServer.pid())).inheritIO().start();
      if (kill.waitFor() != 0) {
        throw new IllegalStateException("kill -" + signal + " " + apiServer.pid() + " failed");
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while signalling kube-apiserver", e);
    }
  }

  /** Stops kube-apiserver and etcd and removes their data; safe to call twice. */
  public synchronized void stop() {
    if (stopped) {
      return;
    }
    stopped = true;
    try {
      server.stop();
    } finally {
      WorkDir.delete(workDir);
      removeShutdownHook();
    }
  }

  @Override
  public void close() {
    stop();
  }

  private void removeShutdownHook() {
    if (Thread.currentThread() == shutdownHook) {
      return;
    }
    try {
      Runtime.getRuntime().removeShutdownHook(shutdownHook);
    } catch (IllegalStateException jvmAlreadyExiting) {
      // The hook is running or about to; nothing left to undo.
    }
  }
}
