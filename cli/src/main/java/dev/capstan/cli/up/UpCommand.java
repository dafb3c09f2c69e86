package dev.capstan.cli.up;

import dev.capstan.agent.Agent;
import dev.capstan.agent.application.AgentPolicy;
import dev.capstan.agent.application.Application;
import dev.capstan.agent.application.ApplicationStatus;
import dev.capstan.agent.application.SyncState;
import dev.capstan.agent.runtime.AgentRuntime;
import dev.capstan.cli.agent.AgentCommand;
import dev.capstan.engine.cluster.KubeConfigs;
import dev.capstan.localcluster.LocalCluster;
import dev.capstan.localcluster.LocalClusterOptions;
import dev.capstan.localcluster.PinnedVersions;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code capstan up}: the quickstart. A local Git repository seeded from {@code examples/}, the local
 * cluster (unless a kubeconfig is given), and the agent keeping DockerCoins in sync with that
 * repository, until Ctrl-C.
 */
@Command(name = "up", mixinStandardHelpOptions = true,
    description = {"The quickstart: seed a local Git repository from examples/, start a local cluster and the agent,",
        "and keep DockerCoins in sync with the repository until Ctrl-C."})
public final class UpCommand implements Callable<Integer> {
  static final String APP = "dockercoins-dev";
  private static final Duration FIRST_SYNC = Duration.ofMinutes(3);

  @Spec CommandSpec spec;

  @Option(names = "--dir", paramLabel = "DIR",
      description = {"Work folder for the Git repository, kubeconfig and caches",
          "(default: $XDG_STATE_HOME/capstan/quickstart, else ~/.local/state/capstan/quickstart)."})
  Path dir;

  @Option(names = "--examples", paramLabel = "DIR", description = "The examples to seed the repository with (default: Capstan's examples/).")
  Path examples;

  @Option(names = "--kubeconfig", paramLabel = "FILE", description = "Use this cluster instead of starting a local one.")
  Path kubeconfig;

  @Option(names = "--context", paramLabel = "NAME", description = "Kubeconfig context, with --kubeconfig.")
  String context;

  @Option(names = "--nodes", paramLabel = "N", defaultValue = "3", description = "Simulated nodes of the local cluster (default: ${DEFAULT-VALUE}).")
  int nodes;

  @Option(names = "--http-port", paramLabel = "PORT", defaultValue = "8080", description = "The agent's port (default: ${DEFAULT-VALUE}).")
  int httpPort;

  private final CountDownLatch stop = new CountDownLatch(1);

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    Path work = Files.createDirectories((dir == null ? defaultWorkDir(System.getenv()) : dir).toAbsolutePath());
    QuickstartRepo repo = QuickstartRepo.seed(work, examplesDir());
    say(out, "Git repository: %s (edit in %s)", repo.url(), repo.workingCopy());
    Path applications = writeApplication(work, repo);

    LocalCluster cluster = kubeconfig == null ? startCluster(out) : null;
    Path usedKubeconfig = cluster == null ? kubeconfig.toAbsolutePath() : copyKubeconfig(cluster, work);
    Thread hook = new Thread(stop::countDown, "capstan-up-stop");
    Runtime.getRuntime().addShutdownHook(hook);
    try (KubernetesClient client = new KubernetesClientBuilder().withConfig(KubeConfigs.load(usedKubeconfig, context)).build();
        AgentRuntime runtime = AgentRuntime.start(client, new AgentRuntime.Settings(work.resolve("git-cache"),
            work.resolve("credentials"), AgentPolicy.permissive(), 4, "127.0.0.1", httpPort, false, System.getenv())
            // The quickstart's server listens on loopback only, for the person at this machine.
            .withOpenReads(true))) {
      client.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(APP).endMetadata().build()).serverSideApply();
      AgentCommand.loadFiles(runtime.agent(), List.of(applications));
      runtime.agent().markReady();
      say(out, "dashboard: %s/", runtime.server().uri());
      say(out, "agent: %s (try: bin/capstan app list --server %s)", runtime.server().uri(), runtime.server().uri());
      reportFirstSync(out, runtime.agent());
      printNextSteps(out, usedKubeconfig, repo, runtime);
      stop.await();
    } finally {
      if (cluster != null) {
        cluster.close();
      }
      try {
        Runtime.getRuntime().removeShutdownHook(hook);
      } catch (IllegalStateException shuttingDown) {
        // Ctrl-C brought us here; the JVM is exiting anyway.
      }
    }
    return 0;
  }

  /**
   * Where the quickstart keeps its repository and caches unless {@code --dir} says: the user's state
   * folder (XDG), so running it from a checkout leaves nothing untracked in the checkout, and a second
   * run finds the repository the first one seeded.
   */
  static Path defaultWorkDir(Map<String, String> environment) {
    String state = environment.get("XDG_STATE_HOME");
    Path base = state != null && !state.isBlank() && Path.of(state).isAbsolute()
        ? Path.of(state) : Path.of(System.getProperty("user.home"), ".local", "state");
    return base.resolve("capstan").resolve("quickstart");
  }

  private LocalCluster startCluster(PrintWriter out) {
    say(out, "starting a local cluster (Kubernetes %s, %d simulated nodes; Pods are simulated by KWOK, no container runs)...",
        PinnedVersions.KUBERNETES, nodes);
    return LocalCluster.start(LocalClusterOptions.defaults().withNodes(nodes));
  }

  private Path examplesDir() {
    if (examples != null) {
      return examples;
    }
    String home = System.getProperty("capstan.home", System.getenv().getOrDefault("CAPSTAN_HOME", "."));
    return Path.of(home, "examples");
  }

  private static Path writeApplication(Path work, QuickstartRepo repo) throws IOException {
    Path folder = Files.createDirectories(work.resolve("applications"));
    Files.writeString(folder.resolve(APP + ".yaml"), """
        apiVersion: capstan.dev/v1alpha1
        kind: Application
        metadata: {name: %s}
        spec:
          source: {repoURL: "%s", ref: main, path: examples/dockercoins, valuesFiles: [values-dev.yaml]}
          destination: {namespace: %s}
          syncPolicy: {automated: true, prune: true, selfHeal: true, interval: 10s}
        """.formatted(APP, repo.url(), APP));
    return folder;
  }

  private static Path copyKubeconfig(LocalCluster cluster, Path work) throws IOException {
    return Files.copy(cluster.kubeconfig(), work.resolve("kubeconfig"), StandardCopyOption.REPLACE_EXISTING);
  }


  private void reportFirstSync(PrintWriter out, Agent agent) throws InterruptedException {
    long deadline = System.nanoTime() + FIRST_SYNC.toNanos();
    while (System.nanoTime() < deadline && stop.getCount() > 0) {
      ApplicationStatus status = agent.application(APP).map(Application::getStatus).orElse(null);
      if (status != null && status.syncState() != SyncState.UNKNOWN) {
        say(out, "%s: %s at %s, health %s", APP, status.syncState(), status.sync().revision(), status.healthState());
        return;
      }
      Optional<Condition> failing = status == null || status.conditions() == null ? Optional.empty()
          : status.conditions().stream().filter(c -> "Ready".equals(c.getType()) && "False".equals(c.getStatus())).findFirst();
      if (failing.isPresent()) {
        say(out, "%s: %s: %s (the agent keeps retrying)", APP, failing.get().getReason(), failing.get().getMessage());
        return;
      }
      Thread.sleep(500);
    }
    say(out, "%s: not synced yet; see bin/capstan app get %s", APP, APP);
  }

  private static void printNextSteps(PrintWriter out, Path kubeconfig, QuickstartRepo repo, AgentRuntime runtime) {
    out.printf("""

        Next:
          1. Open the dashboard:  %4$s/
          2. Watch the cluster:   kubectl --kubeconfig %1$s -n %2$s get deploy,pods
          3. Change the desired state and push it:
               cd %3$s
               edit examples/dockercoins/values-dev.yaml   (for example worker.replicas: 3)
               git commit -am "Scale the worker" && git push
          4. See the agent pick it up (within 10 s), in the dashboard or with:
               bin/capstan app get %2$s --server %4$s
               bin/capstan app history %2$s --server %4$s
          5. Change something by hand and watch it heal:
               kubectl --kubeconfig %1$s -n %2$s scale deploy/worker --replicas 0

        Ctrl-C stops the agent and the local cluster.
        """, kubeconfig, APP, repo.workingCopy(), runtime.server().uri());
    out.flush();
  }

  private static void say(PrintWriter out, String format, Object... args) {
    out.printf("capstan up: " + format + "%n", args);
    out.flush();
  }

}
