package dev.capstan.cli.up;

import static org.assertj.core.api.Assertions.assertThat;

import dev.capstan.cli.Capstan;
import dev.capstan.testsupport.Await;
import dev.capstan.testsupport.KubeApiServerTest;
import dev.capstan.testsupport.KubeEnv;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.BooleanSupplier;
import org.eclipse.jgit.api.Git;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The quickstart on an existing cluster (the test's API server): it seeds the Git repository from
 * examples/, deploys DockerCoins, and a commit pushed to the seeded repository reaches the cluster.
 */
@KubeApiServerTest
class UpCommandIT {
  private static final Duration WAIT = Duration.ofSeconds(90);
  private static final String NS = UpCommand.APP;

  KubernetesClient client;
  KubeEnv env;

  private Integer replicas(String deployment) {
    Deployment d = client.apps().deployments().inNamespace(NS).withName(deployment).get();
    return d == null ? null : d.getSpec().getReplicas();
  }

  private static void await(String what, StringWriter out, BooleanSupplier condition) throws InterruptedException {
    Await.until(() -> what + "; capstan up said:\n" + out, WAIT, condition);
  }

  @Test
  void deploysDockerCoinsAndFollowsAPushedCommit(@TempDir Path tmp) throws Exception {
    StringWriter out = new StringWriter();
    CommandLine cli = Capstan.newCommandLine();
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(out, true));
    Thread up = new Thread(() -> cli.execute("up", "--dir", tmp.toString(), "--examples", Path.of("../examples").toAbsolutePath().toString(),
        "--kubeconfig", env.kubeconfig().toString(), "--http-port", "0"), "capstan-up");
    up.start();
    try {
      await("DockerCoins deployed", out, () -> replicas("worker") != null && replicas("webui") != null
          && client.apps().daemonSets().inNamespace(NS).withName("rng").get() != null);
      await("the next steps printed", out, () -> out.toString().contains("Next:"));
      assertThat(out.toString()).contains("Git repository: file:").contains("git commit -am").contains("bin/capstan app get " + NS);
      assertThat(replicas("worker")).isEqualTo(1);

      Path values = tmp.resolve("gitops/examples/dockercoins/values-dev.yaml");
      Files.writeString(values, Files.readString(values) + "\nworker:\n  replicas: 3\n");
      try (Git git = Git.open(tmp.resolve("gitops").toFile())) {
        git.commit().setAll(true).setMessage("Scale the worker").setSign(false).setAuthor("dev", "dev@example.com")
            .setCommitter("dev", "dev@example.com").call();
        git.push().call();
      }
      await("the pushed commit applied", out, () -> Integer.valueOf(3).equals(replicas("worker")));
    } finally {
      up.interrupt();
      up.join(30_000);
    }
    assertThat(up.isAlive()).isFalse();
  }
}
